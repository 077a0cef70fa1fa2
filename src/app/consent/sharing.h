// The one sharing mechanism for every entry (intake, check-ins, notes, worksheets…):
// a visibility of private / partners / therapist / partners_and_therapist. "Partners" is
// fixed at the moment of sharing, so a later newcomer never sees earlier entries, and a
// change of visibility takes effect at once.
#pragma once

#include <string>
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

 private:
  const Context& context_;
};

}  // namespace attune::app
