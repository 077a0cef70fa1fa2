// The therapist's private notes on a relationship, sealed under the therapist's own key:
// no partner route reads this table, and deleting the therapist's account removes them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"

namespace attune::app {

struct NoteRecord {
  std::string id;
  std::string relationship_id;
  std::string text;  // opened
  std::int64_t created_at = 0;
};

void insert_note(const Context& context, store::Transaction& tx,
                 const policy::TherapistAccess& link, const NoteRecord& note);
// The therapist's notes on the linked relationship, newest first.
std::vector<NoteRecord> notes_on(const Context& context, store::Transaction& tx,
                                 const policy::TherapistAccess& link);
// Every note the therapist wrote, oldest first (their export).
std::vector<NoteRecord> own_notes(const Context& context, store::Transaction& tx,
                                  const policy::TherapistRole& therapist);

}  // namespace attune::app
