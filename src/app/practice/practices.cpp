#include "app/practice/practices.h"

#include "app/consent/agreement_records.h"
#include "app/policy/policy.h"
#include "app/practice/practice_log.h"
#include "core/agreement_status.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

constexpr std::chrono::seconds kTicketLifetime{60};

PracticeSnapshot snapshot_of(const PracticeRecord& practice, base::TimePoint now,
                             const std::string& recipient) {
  return {practice.id, practice.agreement_id, practice.pause_word,
          core::view_for(practice.setup, practice.state_at(now), recipient)};
}

bool is_participant(const PracticeRecord& practice, const std::string& account_id) {
  const auto& p = practice.setup.participants;
  return std::find(p.begin(), p.end(), account_id) != p.end();
}

// A participant who has since left the relationship sees nothing of the practice any more.
bool is_active_participant(store::Transaction& tx, const PracticeRecord& practice,
                           const std::string& account_id) {
  return is_participant(practice, account_id) &&
         policy::require_member(tx, Actor{account_id, "", false}, practice.relationship_id)
             .has_value();
}

}  // namespace

base::Result<std::string> Practices::create(const Actor& actor, const std::string& agreement_id,
                                            core::Device device) {
  const std::string id = crypto::random_id();
  return context_.db.transact(
      store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Result<std::string> {
        auto rid = policy::require_agreement_participant(tx, actor, agreement_id);
        if (!rid) return base::error_of(rid);
        auto record = load_agreement(context_, tx, agreement_id);
        auto status = core::agreement_status(record->is_void, record->terms.participants,
                                             record->signed_current);
        if (status == core::AgreementStatus::kVoid) {
          return base::fail(base::ErrorCode::agreement_void, "This agreement was withdrawn.");
        }
        if (status != core::AgreementStatus::kSigned) {
          return base::fail(base::ErrorCode::agreement_not_signed,
                            "A practice can start once everyone has signed this version.");
        }
        tx.execute(
            "INSERT INTO practices (id, agreement_id, agreement_version, device, created_at) "
            "VALUES "
            "(?,?,?,?,?)",
            {id, agreement_id, record->version, std::string(core::device_name(device)),
             context_.now_ms()});
        PracticeRecord practice;
        practice.id = id;
        append_act(tx, practice, core::ActKind::kCreated, actor.account_id, context_.clock.now());
        return id;
      });
}

base::Result<CommandOutcome> Practices::command(const Actor& actor, const std::string& practice_id,
                                                core::PracticeCommand command,
                                                const std::vector<std::string>& on_behalf_of) {
  bool changed = false;
  auto result = context_.db.transact(
      store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Result<CommandOutcome> {
        ATTUNE_TRY(policy::require_practice_participant(tx, actor, practice_id));
        auto practice = load_practice(context_, tx, practice_id);
        if (!practice || !is_participant(*practice, actor.account_id)) {
          return std::unexpected(policy::not_found());
        }
        std::vector<std::string> actors{actor.account_id};
        // Only ready and resume confirm others in person. A pause or an end is one person's act,
        // so whatever else the request names never stands in its way.
        const bool confirms_others =
            command == core::PracticeCommand::kReady || command == core::PracticeCommand::kResume;
        if (confirms_others && !on_behalf_of.empty()) {
          if (practice->setup.device != core::Device::kShared) {
            return base::fail(base::ErrorCode::invalid_field,
                              "Confirming for others is only for a shared device.");
          }
          for (const auto& other : on_behalf_of) {
            if (!is_participant(*practice, other)) {
              return base::fail(base::ErrorCode::not_a_participant,
                                "Everyone confirming must be taking part.");
            }
            if (other != actor.account_id) actors.push_back(other);
          }
        }
        const auto now = context_.clock.now();
        for (const auto& who : actors) {
          auto decision = core::decide(practice->setup, practice->state_at(now), who, command);
          if (!decision) return base::error_of(decision);
          if (!*decision) continue;
          append_act(tx, *practice, **decision, who, now);
          changed = true;
        }
        return CommandOutcome{snapshot_of(*practice, now, actor.account_id), changed};
      });
  if (result && changed) context_.notify_practices({practice_id});
  return result;
}

base::Result<PracticeSnapshot> Practices::get(const Actor& actor, const std::string& practice_id) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  ATTUNE_TRY(policy::require_practice_participant(*tx, actor, practice_id));
  auto practice = load_practice(context_, *tx, practice_id);
  if (!practice || !is_participant(*practice, actor.account_id))
    return std::unexpected(policy::not_found());
  return snapshot_of(*practice, context_.clock.now(), actor.account_id);
}

base::Result<std::vector<PracticeSummary>> Practices::list(const Actor& actor,
                                                           const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  ATTUNE_TRY(policy::require_member(*tx, actor, rid));
  std::vector<PracticeSummary> result;
  for (const auto& row :
       tx->query("SELECT p.id FROM practices p JOIN agreements a ON a.id = p.agreement_id "
                 "WHERE a.relationship_id = ? ORDER BY p.created_at DESC",
                 {rid})) {
    auto practice = load_practice(context_, *tx, row.text(0));
    if (!practice || !is_participant(*practice, actor.account_id)) continue;
    result.push_back(
        {practice->id, practice->agreement_id, practice->state_at(context_.clock.now()).status});
  }
  return result;
}

void Practices::pause_unattributed(const std::string& practice_id) {
  bool changed = context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    auto practice = load_practice(context_, tx, practice_id);
    if (!practice) return false;
    const auto now = context_.clock.now();
    auto state = practice->state_at(now);
    if (state.status != core::PracticeStatus::kRunning &&
        state.status != core::PracticeStatus::kWaiting) {
      return false;
    }
    append_act(tx, *practice, core::ActKind::kPaused, "", now);
    return true;
  });
  if (changed) context_.notify_practices({practice_id});
}

std::optional<PracticeSnapshot> Practices::snapshot_for(const std::string& practice_id,
                                                        const std::string& account_id) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto practice = load_practice(context_, *tx, practice_id);
  if (!practice || !is_active_participant(*tx, *practice, account_id)) return std::nullopt;
  return snapshot_of(*practice, context_.clock.now(), account_id);
}

PracticeFanOut Practices::fan_out(const std::string& practice_id,
                                  const std::vector<std::string>& account_ids) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto practice = load_practice(context_, *tx, practice_id);
  PracticeFanOut result;
  if (!practice) return result;
  const auto state = practice->state_at(context_.clock.now());
  for (const auto& account : account_ids) {
    if (!is_active_participant(*tx, *practice, account)) continue;
    result.views.emplace_back(
        account, PracticeSnapshot{practice->id, practice->agreement_id, practice->pause_word,
                                  core::view_for(practice->setup, state, account)});
  }
  result.next_change_at = state.next_change_at;
  return result;
}

base::Result<std::string> Practices::issue_ticket(const Actor& actor,
                                                  const std::string& practice_id) {
  return context_.db.transact(
      store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Result<std::string> {
        ATTUNE_TRY(policy::require_practice_participant(tx, actor, practice_id));
        std::string ticket = crypto::random_token();
        const auto now = context_.now_ms();
        tx.execute("DELETE FROM practice_tickets WHERE expires_at <= ?", {now});
        tx.execute(
            "INSERT INTO practice_tickets (ticket_hash, practice_id, account_id, expires_at) "
            "VALUES (?,?,?,?)",
            {crypto::token_hash(ticket), practice_id, actor.account_id,
             now + std::chrono::duration_cast<std::chrono::milliseconds>(kTicketLifetime).count()});
        return ticket;
      });
}

std::optional<std::string> Practices::redeem_ticket(const std::string& practice_id,
                                                    const std::string& ticket) {
  if (ticket.empty() || ticket.size() > 128) return std::nullopt;
  return context_.db.transact(
      store::TxMode::kWrite, [&](store::Transaction& tx) -> std::optional<std::string> {
        const std::string hash = crypto::token_hash(ticket);
        auto row = tx.query_one(
            "SELECT account_id, expires_at FROM practice_tickets WHERE ticket_hash = ? AND "
            "practice_id = ?",
            {hash, practice_id});
        tx.execute("DELETE FROM practice_tickets WHERE ticket_hash = ?", {hash});
        if (!row || row->integer(1) <= context_.now_ms()) return std::nullopt;
        // A ticket issued before its holder left the relationship opens nothing.
        if (!policy::require_practice_participant(tx, Actor{row->text(0), "", false},
                                                  practice_id)) {
          return std::nullopt;
        }
        return row->text(0);
      });
}

}  // namespace attune::app
