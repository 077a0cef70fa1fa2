// Every read and write of the practices, practice_acts and practice_tickets tables. A
// function that touches a practice's data takes the access value the policy granted for it
// (app/policy/access.h), so a use case that skipped the policy does not compile.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/policy/access.h"
#include "core/practice_act.h"
#include "core/practice_setup.h"
#include "core/practice_state.h"

namespace attune::app {

// A practice with the setup its acts are folded with: the terms of the agreement version
// it was created on, and the exercise.
struct PracticeRecord {
  std::string id;
  std::string agreement_id;
  std::string relationship_id;
  std::string pause_word;
  core::PracticeSetup setup;
  std::vector<core::Act> acts;

  core::PracticeState state_at(base::TimePoint now) const;
  // Named as a participant in the version this practice runs on (a later version of the
  // agreement may name other people).
  bool names(const std::string& account_id) const;
};

struct NewPractice {
  std::string id;
  std::int64_t agreement_version = 0;
  core::Device device = core::Device::kOwn;
  base::TimePoint at;
};

// One of a member's own acts, in any practice of their relationship.
struct OwnAct {
  std::string practice_id;
  std::int64_t seq = 0;
  core::ActKind kind = core::ActKind::kCreated;
  base::TimePoint at;
};

// The practice access was granted for, read in the same transaction.
PracticeRecord load_practice(const Context& context, store::Transaction& tx,
                             const policy::PracticeAccess& access);
// The practices of the member's relationship that name them, newest first.
std::vector<PracticeRecord> practices_of(const Context& context, store::Transaction& tx,
                                         const policy::MemberAccess& member);
// Every practice of the member's relationship, whoever took part, newest first: for rules
// whose outcome shows only counts (the programme), never for a list shown to the member.
std::vector<PracticeRecord> relationship_practices(const Context& context, store::Transaction& tx,
                                                   const policy::MemberAccess& member);

// The practice on this agreement that is still open at `now` (neither ended nor void), if any:
// an agreement has at most one, so a second opening joins it. Call it in the write
// transaction that would insert the next one (writes are serialized) so two openings cannot
// both miss each other.
std::optional<std::string> open_practice_on(const Context& context, store::Transaction& tx,
                                            const policy::AgreementAccess& access,
                                            base::TimePoint now);
// Stores a practice on the creator's agreement, with its first act: created by them.
void insert_practice(store::Transaction& tx, const policy::AgreementAccess& creator,
                     const NewPractice& practice);
// Appends the next act to the log of the practice `access` was granted for, and to
// `practice`, that practice as loaded; (practice, seq) is unique, so two writers can never
// both append the same seq. An empty actor is unattributed.
void append_act(store::Transaction& tx, const policy::PracticeAccess& access,
                PracticeRecord& practice, core::ActKind kind, std::string actor,
                base::TimePoint at);

// The member's own acts in their relationship's practices, by practice and seq (their
// data export).
std::vector<OwnAct> own_acts(store::Transaction& tx, const policy::MemberAccess& member);

// A single-use WebSocket ticket for the holder of `access`; only its hash is stored.
void save_ticket(store::Transaction& tx, const policy::PracticeAccess& access,
                 const std::string& session_id, const std::string& ticket_hash,
                 base::TimePoint expires_at);
void delete_expired_tickets(store::Transaction& tx, base::TimePoint now);

struct TicketRecord {
  std::string account_id;
  std::string session_id;  // the session that asked for it; its end removes the ticket
  base::TimePoint expires_at;
};

// Removes the ticket whatever practice it is presented for (it is single-use), and returns
// it when it was issued for this practice. Presenting the ticket is what identifies its
// holder, so this is the one read that comes before any access value.
std::optional<TicketRecord> take_ticket(store::Transaction& tx, const std::string& practice_id,
                                        const std::string& ticket_hash);

}  // namespace attune::app
