// Every read and write of appreciation notes and who they reached. A note's text is sealed
// under its author's key with the note's id as associated data; its recipients are fixed
// when it is sent (a later newcomer never sees an earlier note). Each function takes the
// access value the policy granted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"

namespace attune::app {

struct AppreciationRecord {
  std::string id;
  std::string author_id;
  bool to_everyone = false;
  std::vector<std::string> recipients;  // filled for the author's own notes only
  std::string text;
  std::int64_t created_at = 0;
};

void insert_appreciation(const Context& context, store::Transaction& tx,
                         const policy::MemberAccess& author, const AppreciationRecord& note);
// The relationship of an author's own note, to ask the policy about.
std::optional<std::string> own_appreciation_relationship(store::Transaction& tx,
                                                         const std::string& author_id,
                                                         const std::string& appreciation_id);
// False when the holder wrote no such note in the relationship.
bool delete_own_appreciation(store::Transaction& tx, const policy::MemberAccess& author,
                             const std::string& appreciation_id);
// The holder's own notes in the relationship, newest first, with their recipients.
std::vector<AppreciationRecord> sent_appreciations(const Context& context, store::Transaction& tx,
                                                   const policy::MembershipAccess& author);
// Notes that reached the holder in the relationship, newest first.
std::vector<AppreciationRecord> received_appreciations(const Context& context,
                                                       store::Transaction& tx,
                                                       const policy::MembershipAccess& recipient);
// Leaving: the holder's own notes go, and they stop being a recipient; a note nobody is left
// to receive goes too.
void delete_own_appreciation_rows(store::Transaction& tx, const policy::MembershipAccess& access);

}  // namespace attune::app
