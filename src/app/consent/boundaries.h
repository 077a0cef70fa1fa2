// Boundary maps: each partner's private answers, their own history, custom items, and
// the mutual-only shared view (I1).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/consent/boundary_records.h"
#include "app/context.h"
#include "app/policy/access.h"
#include "base/error.h"
#include "core/answer.h"
#include "core/reveal.h"

namespace attune::app {

struct CatalogueEntry {
  std::string id;
  std::string category;
  std::string label;
  std::string description;
  bool custom = false;
  bool mine = false;
  bool proposed = false;
};

class Boundaries {
 public:
  explicit Boundaries(Context& context) : context_(context) {}

  base::Result<std::vector<CatalogueEntry>> catalogue(const Actor& actor, const std::string& rid);
  base::Status answer(const Actor& actor, const std::string& rid, const std::string& item_id,
                      core::Answer answer, const std::string& note);
  base::Result<std::vector<MyAnswer>> mine(const Actor& actor, const std::string& rid);
  base::Result<std::vector<AnswerChange>> history(const Actor& actor, const std::string& rid);
  base::Result<std::vector<core::SharedItem>> shared(const Actor& actor, const std::string& rid,
                                                     const std::vector<std::string>& with);
  base::Result<std::string> add_custom_item(const Actor& actor, const std::string& rid,
                                            const std::string& category, const std::string& label);
  base::Status propose(const Actor& actor, const std::string& item_id);

 private:
  Context& context_;
};

// Whether an item id is answerable in the member's relationship by this partner: a
// catalogue item, a proposed custom item, or the partner's own custom item.
bool item_visible_to(const Context& context, store::Transaction& tx,
                     const policy::MemberAccess& access, const std::string& partner_id,
                     const std::string& item_id);

}  // namespace attune::app
