#include "app/therapy/therapist_notes.h"

#include "core/text.h"
#include "crypto/tokens.h"

namespace attune::app {

base::Result<std::string> TherapistNotes::add(const Actor& actor, const std::string& rid,
                                              const std::string& text) {
  ATTUNE_TRY(core::check_text("text", text, kMaxNoteChars, true));
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    auto link = context_.policy.linked_therapist(tx, actor, rid);
    if (!link) return base::error_of(link);
    NoteRecord note{crypto::random_id(), rid, text, context_.now_ms()};
    insert_note(context_, tx, *link, note);
    return note.id;
  });
}

base::Result<std::vector<NoteRecord>> TherapistNotes::list(const Actor& actor,
                                                           const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto link = context_.policy.linked_therapist(*tx, actor, rid);
  if (!link) return base::error_of(link);
  return notes_on(context_, *tx, *link);
}

}  // namespace attune::app
