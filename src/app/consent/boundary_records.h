// The only code that reads and writes boundary maps in the store: answers, their history
// and custom items. Answers, changes and custom items are sealed under their author's key.
// Every function touching a relationship's rows takes an access value from the policy.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"
#include "core/answer.h"
#include "core/reveal.h"

namespace attune::app {

struct MyAnswer {
  std::string item_id;
  core::Answer answer = core::Answer::kUnset;
  std::string note;
};

struct AnswerChange {
  std::string item_id;
  core::Answer answer = core::Answer::kUnset;
  std::string note;
  std::int64_t at = 0;
};

struct CustomItemRecord {
  std::string id;
  std::string author_id;
  std::string category;
  std::string label;
  bool proposed = false;
  std::int64_t created_at = 0;
};

// One partner's answers in the member's relationship (for mutual-only rules, never shown).
core::AnswerSheet answer_sheet(const Context& context, store::Transaction& tx,
                               const policy::MemberAccess& access, const std::string& partner_id);

// Every active member of the member's relationship with their wrapped key and sealed
// answers, read in one statement whoever answered what; nothing is opened yet. A shared view
// takes the active partners from these rows too, so it needs no statement of its own for them.
struct SealedSheets {
  std::vector<std::string> members;  // the active members, by account id
  std::vector<store::Row> rows;
};
SealedSheets sealed_sheets(store::Transaction& tx, const policy::MemberAccess& access);

// The answers of a group of those members, for a shared view: one sheet per group member in
// the group's order, and the custom items among them the member may see. Each group
// member's key is unwrapped once.
struct GroupAnswers {
  std::vector<core::AnswerSheet> sheets;
  std::set<std::string> visible_custom_items;
};
GroupAnswers open_group_answers(const Context& context, const policy::MemberAccess& access,
                                const SealedSheets& sealed, const std::vector<std::string>& group);
// The member's own answers with their notes, by item id.
std::vector<MyAnswer> own_answers(const Context& context, store::Transaction& tx,
                                  const policy::MemberAccess& access);
// Stores the member's answer (unset without a note removes it) and appends the change to
// their history, both sealed under one unwrapping of their key.
void record_answer(const Context& context, store::Transaction& tx,
                   const policy::MemberAccess& access, const MyAnswer& answer, std::int64_t at);
// The member's own history, newest first.
std::vector<AnswerChange> own_answer_history(const Context& context, store::Transaction& tx,
                                             const policy::MemberAccess& access);

// Custom items the member can see: their own and proposed ones, oldest first.
std::vector<CustomItemRecord> visible_custom_items(const Context& context, store::Transaction& tx,
                                                   const policy::MemberAccess& access);
// Whether a partner of the member's relationship can see that custom item.
bool custom_item_visible_to(store::Transaction& tx, const policy::MemberAccess& access,
                            const std::string& partner_id, const std::string& item_id);
std::int64_t count_own_custom_items(store::Transaction& tx, const policy::MemberAccess& access);
void insert_custom_item(const Context& context, store::Transaction& tx,
                        const policy::MemberAccess& access, const CustomItemRecord& item);
// The relationship an author's own custom item belongs to, to ask the policy about.
std::optional<std::string> own_custom_item_relationship(store::Transaction& tx,
                                                        const std::string& author_id,
                                                        const std::string& item_id);
// Proposes the member's own item; proposing again keeps the first time.
void propose_custom_item(store::Transaction& tx, const policy::MemberAccess& access,
                         const std::string& item_id, std::int64_t at);

// What the holder authored in the relationship, whatever its state (export, leaving).
std::vector<CustomItemRecord> own_custom_items(const Context& context, store::Transaction& tx,
                                               const policy::MembershipAccess& access);
std::vector<std::string> own_proposed_custom_item_ids(store::Transaction& tx,
                                                      const policy::MembershipAccess& access);
// Removes the holder's answers, history and custom items in the relationship.
void delete_own_boundary_rows(store::Transaction& tx, const policy::MembershipAccess& access);

}  // namespace attune::app
