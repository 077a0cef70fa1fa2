#include "app/practice/practice_log.h"

#include "app/consent/agreement_records.h"
#include "base/corruption.h"
#include "core/practice_fold.h"

namespace attune::app {

core::PracticeState PracticeRecord::state_at(base::TimePoint now) const {
  return core::fold_practice(setup, acts, now);
}

std::optional<PracticeRecord> load_practice(const Context& context, store::Transaction& tx,
                                            const std::string& practice_id) {
  auto row = tx.query_one(
      "SELECT p.agreement_id, a.relationship_id, p.agreement_version, p.device FROM practices p "
      "JOIN agreements a ON a.id = p.agreement_id WHERE p.id = ?",
      {practice_id});
  if (!row) return std::nullopt;
  PracticeRecord record;
  record.id = practice_id;
  record.agreement_id = row->text(0);
  record.relationship_id = row->text(1);
  auto terms = load_terms(context, tx, record.relationship_id, record.agreement_id, row->integer(2));
  const core::Exercise* exercise = context.content.find_exercise(terms.exercise_id);
  if (!exercise) throw base::Corruption("a practice names an exercise no longer in the library");
  record.pause_word = terms.pause_word;
  record.setup = core::PracticeSetup{terms.participants, terms.role_order, *exercise,
                                     terms.time_limit_minutes,
                                     core::parse_device(row->text(3)).value_or(core::Device::kOwn)};
  for (const auto& act : tx.query(
           "SELECT seq, kind, actor_id, at FROM practice_acts WHERE practice_id = ? ORDER BY seq",
           {practice_id})) {
    auto kind = core::parse_act_kind(act.text(1));
    if (!kind) throw base::Corruption("unknown practice act kind");
    record.acts.push_back(core::Act{act.integer(0), *kind, act.text(2),
                                    base::TimePoint(std::chrono::milliseconds(act.integer(3)))});
  }
  return record;
}

void append_act(store::Transaction& tx, PracticeRecord& practice, core::ActKind kind,
                std::string actor, base::TimePoint at) {
  core::Act act = core::next_act(practice.acts, kind, std::move(actor), at);
  tx.execute("INSERT INTO practice_acts (practice_id, seq, kind, actor_id, at) VALUES (?,?,?,?,?)",
             {practice.id, act.seq, std::string(core::act_kind_name(act.kind)), act.actor,
              std::int64_t{act.at.time_since_epoch().count()}});
  practice.acts.push_back(std::move(act));
}

bool append_system_act(const Context& context, store::Transaction& tx,
                       const std::string& practice_id, core::ActKind kind) {
  auto practice = load_practice(context, tx, practice_id);
  if (!practice) return false;
  const auto now = context.clock.now();
  if (practice->state_at(now).status == core::PracticeStatus::kEnded) return false;
  append_act(tx, *practice, kind, "", now);
  return true;
}

}  // namespace attune::app
