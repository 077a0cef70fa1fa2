#include "app/together/appreciations.h"

#include "app/accounts/people.h"
#include "app/nudge_topics.h"
#include "app/together/appreciation_records.h"
#include "core/text.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

constexpr std::size_t kMaxText = 500;

}  // namespace

base::Result<std::string> Appreciations::send(const Actor& actor, const std::string& rid,
                                              const std::optional<std::string>& to,
                                              const std::string& text) {
  ATTUNE_TRY(core::check_text("text", text, kMaxText, true));
  std::vector<std::string> recipients;
  auto id = context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    AppreciationRecord note;
    note.id = crypto::random_id();
    note.author_id = actor.account_id;
    note.to_everyone = !to;
    note.text = core::trim(text);
    note.created_at = context_.now_ms();
    for (const auto& partner : context_.policy.active_partners(tx, *member)) {
      if (partner == actor.account_id) continue;
      if (!to || *to == partner) note.recipients.push_back(partner);
    }
    if (to && note.recipients.empty()) {
      return base::fail(base::ErrorCode::not_a_participant,
                        "A note can go to one of your partners in this relationship.");
    }
    if (note.recipients.empty()) {
      return base::fail(base::ErrorCode::too_few_participants,
                        "There is nobody else here yet to send a note to.");
    }
    insert_appreciation(context_, tx, *member, note);
    recipients = note.recipients;
    return note.id;
  });
  // Only the people the note went to: a note to one partner nudges nobody else.
  if (id) context_.nudge(recipients, nudge_topic::in(nudge_topic::kAppreciation, rid));
  return id;
}

base::Result<AppreciationList> Appreciations::list(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  AppreciationList list;
  for (auto& note : sent_appreciations(context_, *tx, member->membership())) {
    SentAppreciation sent{note.id, std::nullopt, std::move(note.text), note.created_at};
    if (!note.to_everyone && note.recipients.size() == 1) {
      const auto& partner = note.recipients.front();
      sent.to = PartnerSummary{partner, display_name_of(context_, *tx, partner)};
    }
    list.sent.push_back(std::move(sent));
  }
  for (auto& note : received_appreciations(context_, *tx, member->membership())) {
    list.received.push_back({note.id,
                             {note.author_id, display_name_of(context_, *tx, note.author_id)},
                             note.to_everyone,
                             std::move(note.text),
                             note.created_at});
  }
  return list;
}

base::Status Appreciations::withdraw(const Actor& actor, const std::string& appreciation_id) {
  std::vector<std::string> recipients;
  std::string relationship_id;
  auto done = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto rid = own_appreciation_relationship(tx, actor.account_id, appreciation_id);
    if (!rid) return std::unexpected(policy::not_found());
    auto author = context_.policy.member(tx, actor, *rid);
    if (!author) return base::error_of(author);
    for (auto& note : sent_appreciations(context_, tx, author->membership())) {
      if (note.id == appreciation_id) recipients = std::move(note.recipients);
    }
    if (!delete_own_appreciation(tx, *author, appreciation_id)) {
      return std::unexpected(policy::not_found());
    }
    relationship_id = *rid;
    return {};
  });
  // It leaves the screens of those it reached, and only theirs.
  if (done)
    context_.nudge(recipients, nudge_topic::in(nudge_topic::kAppreciation, relationship_id));
  return done;
}

}  // namespace attune::app
