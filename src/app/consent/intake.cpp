#include "app/consent/intake.h"

#include <nlohmann/json.hpp>

#include "app/accounts/people.h"
#include "app/consent/entry_records.h"
#include "app/consent/sharing.h"
#include "app/nudge_topics.h"
#include "app/policy/policy.h"
#include "core/text.h"

namespace attune::app {
namespace {

constexpr const char* kFeature = "intake";
constexpr std::size_t kMaxText = 4000;

bool known_kind(const std::string& kind) {
  return kind == "hurt" || kind == "safe" || kind == "desire";
}

std::string encode(const std::string& kind, const std::string& text) {
  return nlohmann::json{{"kind", kind}, {"text", text}}.dump();
}

}  // namespace

base::Result<std::string> Intake::create(const Actor& actor, const std::string& rid,
                                         const std::string& kind, const std::string& text,
                                         core::Visibility visibility) {
  if (!known_kind(kind)) {
    return base::fail(base::ErrorCode::invalid_field, "kind must be hurt, safe or desire.");
  }
  ATTUNE_TRY(core::check_text("text", text, kMaxText, true));
  Sharing sharing(context_);
  auto id = context_.write(actor, [&](store::Transaction& tx) -> base::Result<std::string> {
    auto member = context_.policy.member(tx, actor, rid);
    if (!member) return base::error_of(member);
    return sharing.create(tx, *member, kFeature, encode(kind, text), visibility);
  });
  if (id) sharing.nudge(nudge_topic::kIntake);
  return id;
}

base::Result<std::vector<IntakeEntry>> Intake::list(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto member = context_.policy.member(*tx, actor, rid);
  if (!member) return base::error_of(member);
  std::vector<IntakeEntry> result;
  for (auto& entry : entries_readable_by(context_, *tx, *member, kFeature)) {
    auto body = nlohmann::json::parse(entry.body);
    result.push_back({entry.id, body.at("kind").get<std::string>(),
                      body.at("text").get<std::string>(), entry.visibility,
                      entry.author_id == actor.account_id,
                      display_name_of(context_, *tx, entry.author_id), entry.created_at});
  }
  return result;
}

base::Result<policy::MemberAccess> Intake::own_entry_access(store::Transaction& tx,
                                                            const Actor& actor,
                                                            const std::string& entry_id) const {
  auto rid = own_entry_relationship(tx, actor.account_id, entry_id, kFeature);
  if (!rid) return std::unexpected(policy::not_found());
  return context_.policy.member(tx, actor, *rid);
}

base::Status Intake::update(const Actor& actor, const std::string& entry_id,
                            const std::optional<std::string>& text,
                            const std::optional<core::Visibility>& visibility) {
  if (text) ATTUNE_TRY(core::check_text("text", *text, kMaxText, true));
  Sharing sharing(context_);
  auto done = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto author = own_entry_access(tx, actor, entry_id);
    if (!author) return base::error_of(author);
    auto entry = load_own_entry(context_, tx, *author, entry_id);
    if (!entry) return std::unexpected(policy::not_found());
    if (text) {
      sharing.touch(tx, *author, entry_id);
      auto body = nlohmann::json::parse(entry->body);
      update_entry_body(context_, tx, *author, entry_id,
                        encode(body.at("kind").get<std::string>(), *text), context_.now_ms());
    }
    if (visibility) sharing.set_visibility(tx, *author, *entry, *visibility);
    return {};
  });
  if (done) sharing.nudge(nudge_topic::kIntake);
  return done;
}

base::Status Intake::remove(const Actor& actor, const std::string& entry_id) {
  Sharing sharing(context_);
  auto done = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    auto author = own_entry_access(tx, actor, entry_id);
    if (!author) return base::error_of(author);
    sharing.touch(tx, *author, entry_id);
    delete_entry(tx, *author, entry_id);
    return {};
  });
  if (done) {
    context_.db.scrub_after_delete();
    sharing.nudge(nudge_topic::kIntake);
  }
  return done;
}

}  // namespace attune::app
