// Every read and write of shared plans and the answers to them. A plan (kind, title, note,
// start) is sealed under its proposer's key; each partner's answer under that partner's key.
// A plan is seen only by the partners it was proposed to: each has a row in plan_responses.
// Each function takes the access value the policy granted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"
#include "core/plan.h"

namespace attune::app {

struct PlanRecord {
  std::string id;
  std::string proposer_id;
  core::PlanKind kind = core::PlanKind::kRecreation;
  std::string title;
  std::string note;
  std::optional<std::int64_t> starts_at;  // ms since the epoch, UTC
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct PlanAnswer {
  std::string account_id;
  core::PlanResponse response = core::PlanResponse::kUndecided;
  std::int64_t answered_at = 0;
};

// One of the holder's own answers (their data export).
struct OwnPlanAnswer {
  std::string plan_id;
  core::PlanResponse response = core::PlanResponse::kUndecided;
  std::int64_t answered_at = 0;
};

// Stores the plan, the proposer joining and every other partner given undecided.
void insert_plan(const Context& context, store::Transaction& tx,
                 const policy::MemberAccess& proposer, const PlanRecord& plan,
                 const std::vector<std::string>& partners);
// The relationship a plan belongs to, to ask the policy about.
std::optional<std::string> plan_relationship(store::Transaction& tx, const std::string& plan_id);
// The plan, when it was proposed to the viewer.
std::optional<PlanRecord> plan_seen_by(const Context& context, store::Transaction& tx,
                                       const policy::MemberAccess& viewer,
                                       const std::string& plan_id);
// Every plan proposed to the viewer in the relationship, oldest first.
std::vector<PlanRecord> plans_seen_by(const Context& context, store::Transaction& tx,
                                      const policy::MemberAccess& viewer);
// Every answer to a plan the viewer sees, opened: the use case decides what is shown.
std::vector<PlanAnswer> plan_answers(const Context& context, store::Transaction& tx,
                                     const policy::MemberAccess& viewer, const PlanRecord& plan);
void set_plan_answer(const Context& context, store::Transaction& tx,
                     const policy::MemberAccess& responder, const std::string& plan_id,
                     core::PlanResponse response, std::int64_t at);
// False when the holder proposed no such plan in the relationship.
bool delete_own_plan(store::Transaction& tx, const policy::MemberAccess& proposer,
                     const std::string& plan_id);

// The holder's own plans and answers in the relationship (export), oldest first.
std::vector<PlanRecord> own_plans(const Context& context, store::Transaction& tx,
                                  const policy::MembershipAccess& access);
std::vector<OwnPlanAnswer> own_plan_answers(const Context& context, store::Transaction& tx,
                                            const policy::MembershipAccess& access);
// Leaving: the holder's plans go, with every answer to them, and so do their own answers.
void delete_own_plan_rows(store::Transaction& tx, const policy::MembershipAccess& access);

}  // namespace attune::app
