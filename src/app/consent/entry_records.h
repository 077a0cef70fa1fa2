// The only code that reads and writes entries (intake and every later feature) and their
// partner audiences in the store. Bodies are sealed under their author's key. Every
// function touching a relationship's rows takes an access value from the policy.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"
#include "core/visibility.h"

namespace attune::app {

struct EntryRecord {
  std::string id;
  std::string relationship_id;
  std::string author_id;
  std::string feature;
  std::string body;  // opened
  core::Visibility visibility = core::Visibility::kPrivate;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// Stores a new entry of the member's, private until its visibility is set.
void insert_entry(const Context& context, store::Transaction& tx,
                  const policy::MemberAccess& author, const EntryRecord& entry);
void update_entry_body(const Context& context, store::Transaction& tx,
                       const policy::MemberAccess& author, const std::string& entry_id,
                       const std::string& body, std::int64_t at);
void update_entry_visibility(store::Transaction& tx, const policy::MemberAccess& author,
                             const std::string& entry_id, core::Visibility visibility,
                             std::int64_t at);
void clear_entry_audience(store::Transaction& tx, const policy::MemberAccess& author,
                          const std::string& entry_id);
void add_entry_audience(store::Transaction& tx, const policy::MemberAccess& author,
                        const std::string& entry_id, const std::string& partner_id);
void delete_entry(store::Transaction& tx, const policy::MemberAccess& author,
                  const std::string& entry_id);
// The partners an author's entry is shared with (its audience), by id.
std::vector<std::string> entry_audience_ids(store::Transaction& tx,
                                            const policy::MemberAccess& author,
                                            const std::string& entry_id);

// The relationship of an author's own entry of a feature, to ask the policy about.
std::optional<std::string> own_entry_relationship(store::Transaction& tx,
                                                  const std::string& author_id,
                                                  const std::string& entry_id,
                                                  const std::string& feature);
std::optional<EntryRecord> load_own_entry(const Context& context, store::Transaction& tx,
                                          const policy::MemberAccess& author,
                                          const std::string& entry_id);
// Entries of a feature the member may read: their own, plus those shared with them as a
// partner; newest first.
std::vector<EntryRecord> entries_readable_by(const Context& context, store::Transaction& tx,
                                             const policy::MemberAccess& viewer,
                                             const std::string& feature);

// Every entry of a feature in the member's relationship, whoever wrote it and whatever its
// visibility, newest first: only for rules whose outcome shows counts, never names or
// content (the programme reads post-practice check-ins this way). Never shown to anyone.
std::vector<EntryRecord> entries_for_rules(const Context& context, store::Transaction& tx,
                                           const policy::MemberAccess& member,
                                           const std::string& feature);

// When the member last wrote an entry of a feature in the relationship (ms), if ever.
std::optional<std::int64_t> latest_own_entry_at(store::Transaction& tx,
                                                const policy::MemberAccess& author,
                                                const std::string& feature);

// Entries of a feature that every one of `participants` may read: written by one of them and
// shared with all the others (the live practice's care list), newest first. `member` is one
// of the participants.
std::vector<EntryRecord> entries_shared_among(const Context& context, store::Transaction& tx,
                                              const policy::MemberAccess& member,
                                              const std::string& feature,
                                              const std::vector<std::string>& participants);
// Every entry of any feature in the linked therapist's relationship shared with the therapist
// ("therapist" or "partners_and_therapist"), newest first.
std::vector<EntryRecord> entries_shared_with_therapist(const Context& context,
                                                       store::Transaction& tx,
                                                       const policy::TherapistAccess& link);

// Everything the holder authored in the relationship, oldest first (export).
std::vector<EntryRecord> own_entries(const Context& context, store::Transaction& tx,
                                     const policy::MembershipAccess& access);
// Removes the holder's entries and every share that reached them in the relationship.
void delete_own_entry_rows(store::Transaction& tx, const policy::MembershipAccess& access);

}  // namespace attune::app
