#include "app/programme/programmes.h"

#include <algorithm>

#include "app/programme/programme_facts.h"
#include "app/programme/programme_records.h"

namespace attune::app {
namespace {

std::string step_back_message(int stage) {
  return "The last practice felt hard for someone. That is useful to know, not a setback. "
         "You might return to stage " +
         std::to_string(stage) +
         " for a while, go more slowly, or simply rest. There is no hurry, and no need to "
         "explain.";
}

}  // namespace

ProgrammeState Programmes::state_of(const core::ProgrammeFacts& facts,
                                    const std::string& me) const {
  const auto& programme = context_.content.programme;
  const auto view = core::programme_view(programme, facts);
  ProgrammeState state;
  for (const auto& [stage, status] : view.stages) {
    state.stages.push_back({stage, programme.find(stage)->title, status});
  }
  if (view.offer) {
    state.offer = ProgrammeOfferView{view.offer->stage, view.offer->accepted_count,
                                     view.offer->participant_count, facts.accepted.contains(me)};
  }
  if (view.step_back_to) {
    state.suggestion =
        ProgrammeSuggestion{*view.step_back_to, step_back_message(*view.step_back_to)};
  }
  return state;
}

base::Result<ProgrammeState> Programmes::get(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  return state_of(programme_facts(context_, *tx, *member), actor.account_id);
}

base::Result<ProgrammeState> Programmes::accept(const Actor& actor, const std::string& rid,
                                                int stage) {
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<ProgrammeState> {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    auto facts = programme_facts(context_, tx, *member);
    if (core::stage_on_offer(context_.content.programme, facts) != stage) {
      return base::fail(base::ErrorCode::no_offer, "That stage is not on offer just now.");
    }
    insert_acceptance(tx, *member, stage, context_.now_ms());
    facts.accepted.insert(actor.account_id);
    const bool everyone = std::ranges::all_of(
        facts.partners, [&](const std::string& p) { return facts.accepted.contains(p); });
    if (everyone) {
      insert_open_stage(tx, *member, stage, context_.now_ms());
      delete_offer_and_acceptances(tx, *member, stage);
      facts = programme_facts(context_, tx, *member);
    }
    return state_of(facts, actor.account_id);
  });
}

base::Result<int> Programmes::offer_stage(const Actor& actor, const std::string& rid, int stage) {
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<int> {
    auto link = context_.policy.linked_therapist(tx, actor, rid);
    if (!link) return base::error_of(link);
    const int next = highest_open_stage(tx, *link) + 1;
    const int offered = stage == 0 ? next : stage;
    if (offered != next || offered > context_.content.programme.last_stage()) {
      return base::fail(base::ErrorCode::no_offer, "Only the next stage can be offered.");
    }
    insert_offer(tx, *link, offered, context_.now_ms());
    return offered;
  });
}

}  // namespace attune::app
