#include "app/practice/practices.h"

#include <algorithm>

#include "app/care/care_plan_records.h"
#include "app/consent/agreement_records.h"
#include "app/policy/policy.h"
#include "app/practice/practice_records.h"
#include "app/safety_check/practice_hold_records.h"
#include "core/agreement_status.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

constexpr std::chrono::seconds kTicketLifetime{60};

// The one answer whatever holds practice (app/safety_check/practice_hold.h): it never says
// who or why.
base::Error on_hold() { return {base::ErrorCode::practice_on_hold, "Practice is paused for now."}; }

std::unexpected<base::Error> confirming_needs_shared() {
  return base::fail(base::ErrorCode::invalid_field,
                    "Confirming for others is only for a shared device.");
}

std::unexpected<base::Error> not_taking_part() {
  return base::fail(base::ErrorCode::not_a_participant, "Everyone confirming must be taking part.");
}

PracticeSnapshot snapshot_of(const PracticeRecord& practice, const core::PracticeState& state,
                             const std::string& recipient, std::vector<CareNote> care = {}) {
  return {practice.id, practice.agreement_id, practice.pause_word,
          core::view_for(practice.setup, state, recipient), std::move(care)};
}

// The care list a paused screen shows; nothing is read while the practice is not paused.
std::vector<CareNote> care_while_paused(const Context& context, store::Transaction& tx,
                                        const policy::PracticeAccess& access,
                                        const PracticeRecord& practice,
                                        const core::PracticeState& state) {
  if (state.status != core::PracticeStatus::kPaused) return {};
  return care_notes_among(context, tx, access.member(), practice.setup.participants);
}

}  // namespace

base::Result<OpenedPractice> Practices::open(const Actor& actor, const std::string& agreement_id,
                                             core::Device device) {
  const std::string id = crypto::random_id();
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<OpenedPractice> {
    auto access = context_.policy.agreement_participant(tx, actor, agreement_id);
    if (!access) return base::error_of(access);
    if (practice_held(tx, access->relationship_id())) return std::unexpected(on_hold());
    const auto record = load_agreement(context_, tx, *access);
    auto status =
        core::agreement_status(record.is_void, record.terms.participants, record.signed_current);
    if (status == core::AgreementStatus::kVoid) {
      return base::fail(base::ErrorCode::agreement_void, "This agreement was withdrawn.");
    }
    if (status != core::AgreementStatus::kSigned) {
      return base::fail(base::ErrorCode::agreement_not_signed,
                        "A practice can start once everyone has signed this version.");
    }
    const auto now = context_.clock.now();
    if (auto open = open_practice_on(context_, tx, *access, now)) {
      return OpenedPractice{*open, false};
    }
    insert_practice(tx, *access, {id, record.version, device, now});
    return OpenedPractice{id, true};
  });
}

base::Result<std::string> Practices::create(const Actor& actor, const std::string& agreement_id,
                                            core::Device device) {
  auto opened = open(actor, agreement_id, device);
  if (!opened) return base::error_of(opened);
  return opened->id;
}

base::Status Practices::check_in_person(const Actor& actor, const std::string& practice_id,
                                        const std::vector<std::string>& on_behalf_of,
                                        const std::vector<InPersonProof>& proofs) {
  {
    auto tx = context_.db.begin(store::TxMode::kRead);
    auto access = context_.policy.practice_participant(*tx, actor, practice_id);
    if (!access) return base::error_of(access);
    auto practice = load_practice(context_, *tx, *access);
    if (!practice.names(actor.account_id)) return std::unexpected(policy::not_found());
    if (practice.setup.device != core::Device::kShared) return confirming_needs_shared();
    for (const auto& other : on_behalf_of) {
      if (!practice.names(other)) return not_taking_part();
    }
  }
  for (const auto& proof : proofs) {
    if (proof.account_id == actor.account_id ||
        std::find(on_behalf_of.begin(), on_behalf_of.end(), proof.account_id) ==
            on_behalf_of.end() ||
        std::count_if(proofs.begin(), proofs.end(), [&](const InPersonProof& p) {
          return p.account_id == proof.account_id;
        }) > 1) {
      return base::fail(base::ErrorCode::invalid_field,
                        "Each proof is for one other person named in on_behalf_of.");
    }
  }
  for (const auto& other : on_behalf_of) {
    if (other == actor.account_id) continue;
    auto proof = std::find_if(proofs.begin(), proofs.end(),
                              [&](const InPersonProof& p) { return p.account_id == other; });
    if (proof == proofs.end() || !pins_) {
      return base::fail(base::ErrorCode::proof_required,
                        "Each person confirming here enters their own PIN or password.");
    }
    ATTUNE_TRY(pins_->prove(*proof));
  }
  return {};
}

base::Result<CommandOutcome> Practices::command(const Actor& actor, const std::string& practice_id,
                                                core::PracticeCommand command,
                                                const std::vector<std::string>& on_behalf_of,
                                                const std::vector<InPersonProof>& proofs) {
  // Only ready and resume confirm others in person. A pause or an end is one person's act,
  // so whatever else the request names never stands in its way.
  const bool confirms_others =
      command == core::PracticeCommand::kReady || command == core::PracticeCommand::kResume;
  // Proved before the write, outside it: a hash takes a tenth of a second.
  if (confirms_others && (!on_behalf_of.empty() || !proofs.empty())) {
    ATTUNE_TRY(check_in_person(actor, practice_id, on_behalf_of, proofs));
  }
  bool changed = false;
  auto result = context_.write(actor, [&](store::Transaction& tx) -> base::Result<CommandOutcome> {
    changed = false;  // afresh when the write runs again (store::Database::transact)
    auto access = context_.policy.practice_participant(tx, actor, practice_id);
    if (!access) return base::error_of(access);
    auto practice = load_practice(context_, tx, *access);
    if (!practice.names(actor.account_id)) return std::unexpected(policy::not_found());
    std::vector<std::string> actors{actor.account_id};
    // Starting and resuming are what a hold refuses; pausing and ending stay open to all.
    if (confirms_others && practice_held(tx, access->relationship_id())) {
      return std::unexpected(on_hold());
    }
    if (confirms_others && !on_behalf_of.empty()) {
      // Checked again under the write: the practice is the one the proofs were for.
      if (practice.setup.device != core::Device::kShared) return confirming_needs_shared();
      for (const auto& other : on_behalf_of) {
        if (!practice.names(other)) return not_taking_part();
        if (other != actor.account_id) actors.push_back(other);
      }
    }
    const auto now = context_.clock.now();
    for (const auto& who : actors) {
      auto decision = core::decide(practice.setup, practice.state_at(now), who, command);
      if (!decision) return base::error_of(decision);
      if (!*decision) continue;
      append_act(tx, *access, practice, **decision, who, now);
      changed = true;
    }
    const auto state = practice.state_at(now);
    return CommandOutcome{snapshot_of(practice, state, actor.account_id,
                                      care_while_paused(context_, tx, *access, practice, state)),
                          changed};
  });
  if (result && changed) context_.notify_practices({practice_id});
  return result;
}

base::Result<PracticeSnapshot> Practices::get(const Actor& actor, const std::string& practice_id) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto access = context_.policy.practice_participant(*tx, actor, practice_id);
  if (!access) return base::error_of(access);
  auto practice = load_practice(context_, *tx, *access);
  if (!practice.names(actor.account_id)) return std::unexpected(policy::not_found());
  const auto state = practice.state_at(context_.clock.now());
  return snapshot_of(practice, state, actor.account_id,
                     care_while_paused(context_, *tx, *access, practice, state));
}

base::Result<std::vector<PracticeSummary>> Practices::list(const Actor& actor,
                                                           const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  std::vector<PracticeSummary> result;
  for (const auto& practice : practices_of(context_, *tx, *member)) {
    result.push_back(
        {practice.id, practice.agreement_id, practice.state_at(context_.clock.now()).status});
  }
  return result;
}

void Practices::pause_unattributed(const Actor& absent, const std::string& practice_id) {
  bool changed = context_.write(absent, [&](store::Transaction& tx) {
    auto access = context_.policy.practice_participant(tx, absent, practice_id);
    if (!access) return false;
    auto practice = load_practice(context_, tx, *access);
    const auto now = context_.clock.now();
    auto state = practice.state_at(now);
    if (state.status != core::PracticeStatus::kRunning &&
        state.status != core::PracticeStatus::kWaiting) {
      return false;
    }
    append_act(tx, *access, practice, core::ActKind::kPaused, "", now);
    return true;
  });
  if (changed) context_.notify_practices({practice_id});
}

std::optional<PracticeSnapshot> Practices::snapshot_for(const std::string& practice_id,
                                                        const Actor& participant) {
  auto snapshot = get(participant, practice_id);
  if (!snapshot) return std::nullopt;
  return std::move(*snapshot);
}

PracticeFanOut Practices::fan_out(const std::string& practice_id,
                                  const std::vector<Actor>& watchers) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  PracticeFanOut result;
  std::optional<PracticeRecord> practice;
  core::PracticeState state;
  std::vector<CareNote> care;  // the same for every participant
  for (const auto& watcher : watchers) {
    // Asked at every push: a participant who has since left sees nothing more of it.
    auto access = context_.policy.practice_participant(*tx, watcher, practice_id);
    if (!access) continue;
    if (!practice) {
      practice = load_practice(context_, *tx, *access);
      state = practice->state_at(context_.clock.now());
      result.next_change_at = state.next_change_at;
      care = care_while_paused(context_, *tx, *access, *practice, state);
    }
    if (!practice->names(watcher.account_id)) continue;
    result.views.emplace_back(watcher.account_id,
                              snapshot_of(*practice, state, watcher.account_id, care));
  }
  return result;
}

base::Result<std::string> Practices::issue_ticket(const Actor& actor,
                                                  const std::string& practice_id) {
  // A ticket goes with the session that asks for it; without one there is nothing to tie it to.
  if (actor.session_id.empty()) {
    return base::fail(base::ErrorCode::unauthenticated, "Please log in again.");
  }
  return context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    auto access = context_.policy.practice_participant(tx, actor, practice_id);
    if (!access) return base::error_of(access);
    std::string ticket = crypto::random_token();
    const auto now = context_.clock.now();
    delete_expired_tickets(tx, now);
    save_ticket(tx, *access, actor.session_id, crypto::token_hash(ticket), now + kTicketLifetime);
    return ticket;
  });
}

std::optional<Actor> Practices::redeem_ticket(const std::string& practice_id,
                                              const std::string& ticket) {
  if (ticket.empty() || ticket.size() > 128) return std::nullopt;
  // No Actor yet: presenting the ticket is what says who this is. A refusal still commits
  // (an empty optional, not an error), so every attempt uses the ticket up.
  using Redeemed = std::optional<Actor>;
  auto outcome = context_.db.transact(
      store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Result<Redeemed> {
        auto redeemed = take_ticket(tx, practice_id, crypto::token_hash(ticket));
        if (!redeemed || redeemed->expires_at <= context_.clock.now()) return Redeemed{};
        // Who the ticket was issued to, and the session that asked for it (still alive: its
        // end removed the ticket).
        Actor holder;
        holder.account_id = redeemed->account_id;
        holder.session_id = redeemed->session_id;
        // A ticket issued before its holder left the relationship opens nothing.
        if (!context_.policy.practice_participant(tx, holder, practice_id)) return Redeemed{};
        return Redeemed{holder};
      });
  return outcome ? *outcome : std::nullopt;
}

}  // namespace attune::app
