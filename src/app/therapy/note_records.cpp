#include "app/therapy/note_records.h"

namespace attune::app {
namespace {

constexpr const char* kNoteColumns =
    "SELECT id, relationship_id, body_sealed, created_at FROM therapist_notes ";

std::vector<NoteRecord> notes_of(const Context& context, store::Transaction& tx,
                                 const std::string& therapist_id, const std::string& where,
                                 const store::Params& params) {
  std::vector<NoteRecord> notes;
  auto rows = tx.query(std::string(kNoteColumns) + where, params);
  if (rows.empty()) return notes;
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, therapist_id);
  for (const auto& row : rows) {
    notes.push_back({row.text(0), row.text(1),
                     context.keyring.open(key, row.text(0), "body", row.bytes(2)), row.integer(3)});
  }
  return notes;
}

}  // namespace

void insert_note(const Context& context, store::Transaction& tx,
                 const policy::TherapistAccess& link, const NoteRecord& note) {
  auto key = context.keyring.key_of(tx, KeyOwner::kPerson, link.therapist_id());
  tx.execute(
      "INSERT INTO therapist_notes (id, therapist_id, relationship_id, body_sealed, created_at) "
      "VALUES (?,?,?,?,?)",
      {note.id, link.therapist_id(), link.relationship_id(),
       store::blob(context.keyring.seal(key, note.id, "body", note.text)), note.created_at});
}

std::vector<NoteRecord> notes_on(const Context& context, store::Transaction& tx,
                                 const policy::TherapistAccess& link) {
  return notes_of(context, tx, link.therapist_id(),
                  "WHERE therapist_id = ? AND relationship_id = ? ORDER BY created_at DESC, id",
                  {link.therapist_id(), link.relationship_id()});
}

std::vector<NoteRecord> own_notes(const Context& context, store::Transaction& tx,
                                  const policy::TherapistRole& therapist) {
  return notes_of(context, tx, therapist.therapist_id(),
                  "WHERE therapist_id = ? ORDER BY created_at, id", {therapist.therapist_id()});
}

}  // namespace attune::app
