#include "app/therapy/shared_with_therapist.h"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "app/accounts/people.h"
#include "app/consent/entry_records.h"
#include "app/debriefs/debrief_records.h"
#include "app/therapy/access_log_records.h"

namespace attune::app {

base::Result<std::vector<SharedEntryView>> SharedWithTherapist::of(const Actor& actor,
                                                                   const std::string& rid) {
  using Shared = base::Result<std::vector<SharedEntryView>>;
  return context_.write(actor, [&](store::Transaction& tx) -> Shared {
    auto link = context_.policy.linked_therapist(tx, actor, rid);
    if (!link) return base::error_of(link);
    std::vector<SharedEntryView> view;
    std::set<std::string> authors;
    for (auto& entry : entries_shared_with_therapist(context_, tx, *link)) {
      authors.insert(entry.author_id);
      view.push_back({entry.id, std::move(entry.feature), entry.author_id,
                      display_name_of(context_, tx, entry.author_id), std::move(entry.body),
                      entry.visibility, entry.created_at});
    }
    for (auto& debrief : debriefs_shared_with_therapist(context_, tx, *link)) {
      const std::string author = debrief.answer.author;
      authors.insert(author);
      const auto body = nlohmann::json{{"practice_id", debrief.practice_id},
                                       {"nourishing", debrief.answer.nourishing},
                                       {"discomfort", debrief.answer.discomfort},
                                       {"adjust", debrief.answer.adjust}};
      view.push_back({debrief.practice_id + "/" + author, "debrief", author,
                      display_name_of(context_, tx, author), body.dump(),
                      core::Visibility::kTherapist, debrief.given_at});
    }
    std::ranges::stable_sort(view, std::greater{}, &SharedEntryView::created_at);
    const std::string me = display_name_of(context_, tx, actor.account_id);
    for (const auto& author : authors) {
      log_therapist_read(context_, tx, *link, author,
                         {actor.account_id, me, "shared", context_.now_ms()});
    }
    return view;
  });
}

}  // namespace attune::app
