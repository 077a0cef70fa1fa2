#include "app/care/intentions.h"

#include "app/care/intention_records.h"
#include "core/text.h"

namespace attune::app {
namespace {

constexpr std::size_t kMaxText = 500;

IntentionView view_of(const Context& context, store::Transaction& tx,
                      const policy::MemberAccess& member) {
  IntentionView view;
  for (auto& version : intention_versions(context, tx, member)) {
    view.versions.push_back({std::move(version.text), version.set_at});
  }
  return view;
}

}  // namespace

base::Result<IntentionView> Intentions::get(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  return view_of(context_, *tx, *member);
}

base::Result<IntentionView> Intentions::set(const Actor& actor, const std::string& rid,
                                            const std::string& text) {
  ATTUNE_TRY(core::check_text("text", text, kMaxText, true));
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<IntentionView> {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    insert_intention(context_, tx, *member, text, context_.now_ms());
    return view_of(context_, tx, *member);
  });
}

}  // namespace attune::app
