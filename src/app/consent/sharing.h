// The one sharing mechanism for every entry (intake, check-ins, notes, worksheets…):
// a visibility of private / partners / therapist / partners_and_therapist. "Partners" is
// fixed at the moment of sharing, so a later newcomer never sees earlier entries, and a
// change of visibility takes effect at once. Whoever could read a changed entry, before or
// after the change, is nudged once the write committed (nudge()), its author never.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/consent/entry_records.h"
#include "app/context.h"
#include "app/policy/access.h"
#include "core/visibility.h"

namespace attune::app {

class Sharing {
 public:
  explicit Sharing(const Context& context) : context_(context) {}

  std::string create(store::Transaction& tx, const policy::MemberAccess& author,
                     const std::string& feature, const std::string& body,
                     core::Visibility visibility);
  void set_visibility(store::Transaction& tx, const policy::MemberAccess& author,
                      const EntryRecord& entry, core::Visibility visibility);
  // Before the body of an own entry changes or it is removed: its readers are to be nudged.
  void touch(store::Transaction& tx, const policy::MemberAccess& author,
             const std::string& entry_id);

  // After the write committed: a nudge of `kind` (app/nudge_topics.h) in the entry's
  // relationship to everyone the changes reached.
  void nudge(std::string_view kind) const;

 private:
  void reach(const std::vector<std::string>& readers, const policy::MemberAccess& author);

  const Context& context_;
  std::string relationship_id_;
  std::vector<std::string> reached_;
};

}  // namespace attune::app
