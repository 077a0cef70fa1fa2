// The one sharing mechanism for every entry (intake, check-ins, notes, worksheets…):
// a visibility of private / partners / therapist / partners_and_therapist. "Partners" is
// fixed at the moment of sharing, so a later newcomer never sees earlier entries, and a
// change of visibility takes effect at once.
#pragma once

#include <string>
#include <vector>

#include "app/context.h"
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

class Sharing {
 public:
  explicit Sharing(const Context& context) : context_(context) {}

  std::string create(store::Transaction& tx, const std::string& rid, const std::string& author,
                     const std::string& feature, const std::string& body, core::Visibility visibility);
  void update_body(store::Transaction& tx, const EntryRecord& entry, const std::string& body);
  void set_visibility(store::Transaction& tx, const EntryRecord& entry, core::Visibility visibility);
  // Entries of a feature the viewer may read in a relationship: their own, plus those
  // shared with them as a partner.
  std::vector<EntryRecord> readable_by_partner(store::Transaction& tx, const std::string& rid,
                                               const std::string& feature,
                                               const std::string& viewer);
  std::optional<EntryRecord> load(store::Transaction& tx, const std::string& entry_id);

 private:
  const Context& context_;
};

}  // namespace attune::app
