#include "app/care/care_plans.h"

#include "app/accounts/people.h"
#include "app/care/care_plan_records.h"
#include "app/consent/entry_records.h"
#include "app/consent/sharing.h"
#include "app/nudge_topics.h"
#include "app/practice/practice_records.h"
#include "core/text.h"

namespace attune::app {
namespace {

constexpr std::size_t kMaxText = 2000;

base::Status check_entry(const std::string& kind, const std::string& text) {
  if (!is_care_plan_kind(kind)) {
    return base::fail(base::ErrorCode::invalid_field,
                      "kind must be trigger, helps or reassurance.");
  }
  return core::check_text("text", text, kMaxText, true);
}

}  // namespace

base::Result<std::string> CarePlans::create(const Actor& actor, const std::string& rid,
                                            const NewCarePlanEntry& entry) {
  ATTUNE_TRY(check_entry(entry.kind, entry.text));
  std::vector<std::string> touched;
  Sharing sharing(context_);
  auto id = context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    if (core::reaches_partners(entry.visibility)) touched = open_practices(tx, *member);
    return sharing.create(tx, *member, kCarePlanFeature,
                          care_plan_body(entry.kind, entry.text, entry.show_name),
                          entry.visibility);
  });
  if (id) {
    context_.notify_practices(touched);
    sharing.nudge(nudge_topic::kCarePlan);
  }
  return id;
}

base::Result<std::vector<CarePlanView>> CarePlans::list(const Actor& actor,
                                                        const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  std::vector<CarePlanView> result;
  for (auto& record : care_plan_readable_by(context_, *tx, *member)) {
    const bool mine = record.author_id == actor.account_id;
    CarePlanView view{
        record.id, std::move(record.kind),   std::move(record.text),
        mine,      mine && record.show_name, mine ? record.visibility : core::Visibility::kPartners,
        {},        record.created_at,        record.updated_at};
    if (mine || record.show_name) {
      view.author_name = display_name_of(context_, *tx, record.author_id);
    }
    result.push_back(std::move(view));
  }
  return result;
}

base::Status CarePlans::update(const Actor& actor, const std::string& entry_id,
                               const CarePlanChange& change) {
  if (change.text) ATTUNE_TRY(core::check_text("text", *change.text, kMaxText, true));
  std::vector<std::string> touched;
  Sharing sharing(context_);
  auto done = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto author = own_entry_access(tx, actor, entry_id);
    if (!author) return base::error_of(author);
    auto entry = load_own_entry(context_, tx, *author, entry_id);
    if (!entry) return std::unexpected(policy::not_found());
    sharing.touch(tx, *author, entry_id);
    auto record = care_plan_of(*entry);
    const auto kind = change.kind.value_or(record.kind);
    const auto text = change.text.value_or(record.text);
    ATTUNE_TRY(check_entry(kind, text));
    if (change.kind || change.text || change.show_name) {
      update_entry_body(context_, tx, *author, entry_id,
                        care_plan_body(kind, text, change.show_name.value_or(record.show_name)),
                        context_.now_ms());
    }
    if (change.visibility) sharing.set_visibility(tx, *author, *entry, *change.visibility);
    const bool was_shared = core::reaches_partners(entry->visibility);
    const bool is_shared = core::reaches_partners(change.visibility.value_or(entry->visibility));
    if (was_shared || is_shared) touched = open_practices(tx, *author);
    return {};
  });
  if (done) {
    context_.notify_practices(touched);
    sharing.nudge(nudge_topic::kCarePlan);
  }
  return done;
}

base::Status CarePlans::remove(const Actor& actor, const std::string& entry_id) {
  std::vector<std::string> touched;
  Sharing sharing(context_);
  auto done = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto author = own_entry_access(tx, actor, entry_id);
    if (!author) return base::error_of(author);
    auto entry = load_own_entry(context_, tx, *author, entry_id);
    if (!entry) return std::unexpected(policy::not_found());
    if (core::reaches_partners(entry->visibility)) touched = open_practices(tx, *author);
    sharing.touch(tx, *author, entry_id);
    delete_entry(tx, *author, entry_id);
    return {};
  });
  if (done) {
    context_.db.scrub_after_delete();
    context_.notify_practices(touched);
    sharing.nudge(nudge_topic::kCarePlan);
  }
  return done;
}

base::Result<policy::MemberAccess> CarePlans::own_entry_access(store::Transaction& tx,
                                                               const Actor& actor,
                                                               const std::string& entry_id) const {
  auto rid = own_entry_relationship(tx, actor.account_id, entry_id, kCarePlanFeature);
  if (!rid) return std::unexpected(policy::not_found());
  return context_.policy.member(tx, actor, *rid);
}

std::vector<std::string> CarePlans::open_practices(store::Transaction& tx,
                                                   const policy::MemberAccess& member) const {
  std::vector<std::string> open;
  const auto now = context_.clock.now();
  for (const auto& practice : relationship_practices(context_, tx, member)) {
    if (practice.state_at(now).status != core::PracticeStatus::kEnded) open.push_back(practice.id);
  }
  return open;
}

}  // namespace attune::app
