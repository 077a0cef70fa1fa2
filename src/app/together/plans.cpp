#include "app/together/plans.h"

#include <algorithm>

#include "app/accounts/people.h"
#include "app/nudge_topics.h"
#include "app/together/plan_records.h"
#include "core/text.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

constexpr std::size_t kMaxTitle = 120;
constexpr std::size_t kMaxNote = 2000;

// Dated plans first, soonest first; then the undated ones, oldest proposal first.
bool comes_before(const PlanView& a, const PlanView& b) {
  if (a.starts_at.has_value() != b.starts_at.has_value()) return a.starts_at.has_value();
  if (a.starts_at && *a.starts_at != *b.starts_at) return *a.starts_at < *b.starts_at;
  return a.created_at < b.created_at;
}

}  // namespace

PlanView Plans::view_of(store::Transaction& tx, const policy::MemberAccess& viewer,
                        PlanRecord plan) const {
  PlanView view;
  view.id = plan.id;
  view.kind = plan.kind;
  view.title = std::move(plan.title);
  view.note = std::move(plan.note);
  view.starts_at = plan.starts_at;
  view.mine = plan.proposer_id == viewer.account_id();
  view.proposer = {plan.proposer_id, display_name_of(context_, tx, plan.proposer_id)};
  view.created_at = plan.created_at;
  for (const auto& answer : plan_answers(context_, tx, viewer, plan)) {
    if (answer.account_id == viewer.account_id()) view.you = answer.response;
    if (answer.response == core::PlanResponse::kJoining) {
      view.joining.push_back({answer.account_id, display_name_of(context_, tx, answer.account_id)});
    }
  }
  return view;
}

base::Result<std::string> Plans::propose(const Actor& actor, const std::string& rid,
                                         const NewPlan& plan) {
  ATTUNE_TRY(core::check_text("title", plan.title, kMaxTitle, true));
  ATTUNE_TRY(core::check_text("note", plan.note, kMaxNote, false));
  std::vector<std::string> audience;
  auto id = context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    PlanRecord record;
    record.id = crypto::random_id();
    record.proposer_id = actor.account_id;
    record.kind = plan.kind;
    record.title = core::trim(plan.title);
    record.note = core::trim(plan.note);
    record.starts_at = plan.starts_at;
    record.created_at = record.updated_at = context_.now_ms();
    audience = context_.policy.active_partners(tx, *member);
    insert_plan(context_, tx, *member, record, audience);
    return record.id;
  });
  if (id) context_.nudge(others_than(actor, audience), nudge_topic::in(nudge_topic::kPlans, rid));
  return id;
}

base::Result<std::vector<PlanView>> Plans::list(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  std::vector<PlanView> views;
  for (auto& plan : plans_seen_by(context_, *tx, *member)) {
    views.push_back(view_of(*tx, *member, std::move(plan)));
  }
  std::ranges::stable_sort(views, comes_before);
  return views;
}

base::Result<PlanView> Plans::respond(const Actor& actor, const std::string& plan_id, bool join) {
  std::vector<std::string> audience;
  std::string relationship_id;
  auto view = context_.write(actor, [&](store::Transaction& tx) -> base::Result<PlanView> {
    auto rid = plan_relationship(tx, plan_id);
    if (!rid) return std::unexpected(policy::not_found());
    auto member = context_.policy.member(tx, actor, *rid);
    if (!member) return base::error_of(member);
    auto plan = plan_seen_by(context_, tx, *member, plan_id);
    if (!plan) return std::unexpected(policy::not_found());
    if (plan->proposer_id == actor.account_id && !join) {
      return base::fail(base::ErrorCode::conflict,
                        "This is your own plan: you can withdraw it instead.");
    }
    set_plan_answer(context_, tx, *member, plan_id,
                    join ? core::PlanResponse::kJoining : core::PlanResponse::kNotJoining,
                    context_.now_ms());
    audience = plan_audience(tx, *member, *plan);
    relationship_id = *rid;
    return view_of(tx, *member, std::move(*plan));
  });
  if (view) {
    context_.nudge(others_than(actor, audience),
                   nudge_topic::in(nudge_topic::kPlans, relationship_id));
  }
  return view;
}

base::Status Plans::withdraw(const Actor& actor, const std::string& plan_id) {
  std::vector<std::string> audience;
  std::string relationship_id;
  auto done = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto rid = plan_relationship(tx, plan_id);
    if (!rid) return std::unexpected(policy::not_found());
    auto member = context_.policy.member(tx, actor, *rid);
    if (!member) return base::error_of(member);
    if (auto plan = plan_seen_by(context_, tx, *member, plan_id)) {
      audience = plan_audience(tx, *member, *plan);
    }
    if (!delete_own_plan(tx, *member, plan_id)) return std::unexpected(policy::not_found());
    relationship_id = *rid;
    return {};
  });
  if (done) {
    context_.nudge(others_than(actor, audience),
                   nudge_topic::in(nudge_topic::kPlans, relationship_id));
  }
  return done;
}

std::vector<std::string> Plans::plan_audience(store::Transaction& tx,
                                              const policy::MemberAccess& viewer,
                                              const PlanRecord& plan) const {
  std::vector<std::string> audience;
  for (const auto& answer : plan_answers(context_, tx, viewer, plan)) {
    audience.push_back(answer.account_id);
  }
  return audience;
}

}  // namespace attune::app
