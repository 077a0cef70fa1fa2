#include "app/practice/practice_records.h"

#include <algorithm>

#include "app/consent/agreement_records.h"
#include "app/practice/practice_log.h"
#include "base/corruption.h"
#include "core/practice_fold.h"

namespace attune::app {
namespace {

std::int64_t ms_of(base::TimePoint at) { return at.time_since_epoch().count(); }

base::TimePoint time_of(std::int64_t ms) { return base::TimePoint(std::chrono::milliseconds(ms)); }

core::ActKind act_kind_of(const std::string& name) {
  auto kind = core::parse_act_kind(name);
  if (!kind) throw base::Corruption("unknown practice act kind");
  return *kind;
}

// A practice of the relationship `in` names, with its setup and acts.
std::optional<PracticeRecord> load(const Context& context, store::Transaction& tx,
                                   const policy::MembershipAccess& in,
                                   const std::string& practice_id) {
  auto row = tx.query_one(
      "SELECT p.agreement_id, p.agreement_version, p.device FROM practices p "
      "JOIN agreements a ON a.id = p.agreement_id WHERE p.id = ? AND a.relationship_id = ?",
      {practice_id, in.relationship_id()});
  if (!row) return std::nullopt;
  PracticeRecord record;
  record.id = practice_id;
  record.agreement_id = row->text(0);
  record.relationship_id = in.relationship_id();
  auto terms = load_terms(context, tx, in, record.agreement_id, row->integer(1));
  const core::Exercise* exercise = context.content.find_exercise(terms.exercise_id);
  if (!exercise) throw base::Corruption("a practice names an exercise no longer in the library");
  record.pause_word = terms.pause_word;
  record.setup =
      core::PracticeSetup{terms.participants, terms.role_order, *exercise, terms.time_limit_minutes,
                          core::parse_device(row->text(2)).value_or(core::Device::kOwn)};
  for (const auto& act : tx.query(
           "SELECT seq, kind, actor_id, at FROM practice_acts WHERE practice_id = ? ORDER BY seq",
           {practice_id})) {
    record.acts.push_back(
        core::Act{act.integer(0), act_kind_of(act.text(1)), act.text(2), time_of(act.integer(3))});
  }
  return record;
}

// Appends the act that follows `acts` to practice_id's log.
void insert_act(store::Transaction& tx, const std::string& practice_id,
                std::vector<core::Act>& acts, core::ActKind kind, std::string actor,
                base::TimePoint at) {
  core::Act act = core::next_act(acts, kind, std::move(actor), at);
  tx.execute(
      "INSERT INTO practice_acts (practice_id, seq, kind, actor_id, at) VALUES (?,?,?,?,?)",
      {practice_id, act.seq, std::string(core::act_kind_name(act.kind)), act.actor, ms_of(act.at)});
  acts.push_back(std::move(act));
}

}  // namespace

core::PracticeState PracticeRecord::state_at(base::TimePoint now) const {
  return core::fold_practice(setup, acts, now);
}

bool PracticeRecord::names(const std::string& account_id) const {
  return std::ranges::find(setup.participants, account_id) != setup.participants.end();
}

PracticeRecord load_practice(const Context& context, store::Transaction& tx,
                             const policy::PracticeAccess& access) {
  auto record = load(context, tx, access.member().membership(), access.practice_id());
  // The policy found the practice in this same transaction.
  if (!record) throw base::Corruption("a practice vanished under its access");
  return std::move(*record);
}

std::vector<PracticeRecord> relationship_practices(const Context& context, store::Transaction& tx,
                                                   const policy::MemberAccess& member) {
  std::vector<PracticeRecord> practices;
  for (const auto& row :
       tx.query("SELECT p.id FROM practices p JOIN agreements a ON a.id = p.agreement_id "
                "WHERE a.relationship_id = ? ORDER BY p.created_at DESC",
                {member.relationship_id()})) {
    auto practice = load(context, tx, member.membership(), row.text(0));
    if (practice) practices.push_back(std::move(*practice));
  }
  return practices;
}

std::vector<PracticeRecord> practices_of(const Context& context, store::Transaction& tx,
                                         const policy::MemberAccess& member) {
  auto practices = relationship_practices(context, tx, member);
  std::erase_if(practices, [&](const PracticeRecord& p) { return !p.names(member.account_id()); });
  return practices;
}

std::optional<std::string> open_practice_on(const Context& context, store::Transaction& tx,
                                            const policy::AgreementAccess& access,
                                            base::TimePoint now) {
  const auto& in = access.member().membership();
  for (const auto& practice_id : practices_on(tx, in, access.agreement_id())) {
    auto practice = load(context, tx, in, practice_id);
    if (!practice) continue;
    auto state = practice->state_at(now);
    if (state.status != core::PracticeStatus::kEnded && !state.is_void) return practice_id;
  }
  return std::nullopt;
}

void insert_practice(store::Transaction& tx, const policy::AgreementAccess& creator,
                     const NewPractice& practice) {
  tx.execute(
      "INSERT INTO practices (id, agreement_id, agreement_version, device, created_at) "
      "VALUES (?,?,?,?,?)",
      {practice.id, creator.agreement_id(), practice.agreement_version,
       std::string(core::device_name(practice.device)), ms_of(practice.at)});
  std::vector<core::Act> acts;
  insert_act(tx, practice.id, acts, core::ActKind::kCreated, creator.account_id(), practice.at);
}

void append_act(store::Transaction& tx, const policy::PracticeAccess& access,
                PracticeRecord& practice, core::ActKind kind, std::string actor,
                base::TimePoint at) {
  insert_act(tx, access.practice_id(), practice.acts, kind, std::move(actor), at);
}

std::vector<std::string> practices_on(store::Transaction& tx, const policy::MembershipAccess& in,
                                      const std::string& agreement_id) {
  std::vector<std::string> ids;
  for (const auto& row :
       tx.query("SELECT p.id FROM practices p JOIN agreements a ON a.id = p.agreement_id "
                "WHERE p.agreement_id = ? AND a.relationship_id = ?",
                {agreement_id, in.relationship_id()})) {
    ids.push_back(row.text(0));
  }
  return ids;
}

bool append_system_act(const Context& context, store::Transaction& tx,
                       const policy::MembershipAccess& in, const std::string& practice_id,
                       core::ActKind kind) {
  auto practice = load(context, tx, in, practice_id);
  if (!practice) return false;
  const auto now = context.clock.now();
  if (practice->state_at(now).status == core::PracticeStatus::kEnded) return false;
  insert_act(tx, practice_id, practice->acts, kind, "", now);
  return true;
}

std::vector<OwnAct> own_acts(store::Transaction& tx, const policy::MemberAccess& member) {
  std::vector<OwnAct> acts;
  for (const auto& row :
       tx.query("SELECT t.practice_id, t.seq, t.kind, t.at FROM practice_acts t "
                "JOIN practices p ON p.id = t.practice_id "
                "JOIN agreements a ON a.id = p.agreement_id "
                "WHERE a.relationship_id = ? AND t.actor_id = ? ORDER BY t.practice_id, t.seq",
                {member.relationship_id(), member.account_id()})) {
    acts.push_back(
        {row.text(0), row.integer(1), act_kind_of(row.text(2)), time_of(row.integer(3))});
  }
  return acts;
}

void save_ticket(store::Transaction& tx, const policy::PracticeAccess& access,
                 const std::string& session_id, const std::string& ticket_hash,
                 base::TimePoint expires_at) {
  tx.execute(
      "INSERT INTO practice_tickets (ticket_hash, practice_id, account_id, session_id, "
      "expires_at) VALUES (?,?,?,?,?)",
      {ticket_hash, access.practice_id(), access.account_id(), session_id, ms_of(expires_at)});
}

void delete_expired_tickets(store::Transaction& tx, base::TimePoint now) {
  tx.execute("DELETE FROM practice_tickets WHERE expires_at <= ?", {ms_of(now)});
}

std::optional<TicketRecord> take_ticket(store::Transaction& tx, const std::string& practice_id,
                                        const std::string& ticket_hash) {
  // The presented practice id is compared here, never sent to the store: whatever it is, the
  // ticket is used up.
  auto row = tx.query_one(
      "SELECT account_id, expires_at, practice_id, session_id FROM practice_tickets "
      "WHERE ticket_hash = ? AND session_id IS NOT NULL",
      {ticket_hash});
  tx.execute("DELETE FROM practice_tickets WHERE ticket_hash = ?", {ticket_hash});
  if (!row || row->text(2) != practice_id) return std::nullopt;
  return TicketRecord{row->text(0), row->text(3), time_of(row->integer(1))};
}

std::vector<std::string> pause_live_practices(const Context& context, store::Transaction& tx,
                                              const policy::MembershipAccess& in) {
  std::vector<std::string> paused;
  const auto now = context.clock.now();
  for (const auto& row :
       tx.query("SELECT p.id FROM practices p JOIN agreements a ON a.id = p.agreement_id "
                "WHERE a.relationship_id = ? ORDER BY p.id",
                {in.relationship_id()})) {
    auto practice = load(context, tx, in, row.text(0));
    if (!practice) continue;
    const auto status = practice->state_at(now).status;
    if (status != core::PracticeStatus::kRunning && status != core::PracticeStatus::kWaiting) {
      continue;
    }
    insert_act(tx, practice->id, practice->acts, core::ActKind::kPaused, "", now);
    paused.push_back(practice->id);
  }
  return paused;
}

}  // namespace attune::app
