#include "app/consent/intake.h"

#include <nlohmann/json.hpp>

#include "app/accounts/people.h"
#include "app/policy/policy.h"
#include "app/consent/sharing.h"
#include "core/text.h"

namespace attune::app {
namespace {

constexpr const char* kFeature = "intake";
constexpr std::size_t kMaxText = 4000;

bool known_kind(const std::string& kind) { return kind == "hurt" || kind == "safe" || kind == "desire"; }

std::string encode(const std::string& kind, const std::string& text) {
  return nlohmann::json{{"kind", kind}, {"text", text}}.dump();
}

}  // namespace

base::Result<std::string> Intake::create(const Actor& actor, const std::string& rid,
                                         const std::string& kind, const std::string& text,
                                         core::Visibility visibility) {
  if (!known_kind(kind)) return base::fail(base::ErrorCode::invalid_field, "kind must be hurt, safe or desire.");
  ATTUNE_TRY(core::check_text("text", text, kMaxText, true));
  return context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Result<std::string> {
    ATTUNE_TRY(policy::require_member(tx, actor, rid));
    return Sharing(context_).create(tx, rid, actor.account_id, kFeature, encode(kind, text), visibility);
  });
}

base::Result<std::vector<IntakeEntry>> Intake::list(const Actor& actor, const std::string& rid) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  ATTUNE_TRY(policy::require_member(*tx, actor, rid));
  std::vector<IntakeEntry> result;
  for (auto& entry : Sharing(context_).readable_by_partner(*tx, rid, kFeature, actor.account_id)) {
    auto body = nlohmann::json::parse(entry.body);
    result.push_back({entry.id, body.at("kind").get<std::string>(), body.at("text").get<std::string>(),
                      entry.visibility, entry.author_id == actor.account_id,
                      display_name_of(context_, *tx, entry.author_id), entry.created_at});
  }
  return result;
}

base::Status Intake::update(const Actor& actor, const std::string& entry_id,
                            const std::optional<std::string>& text,
                            const std::optional<core::Visibility>& visibility) {
  if (text) {
    if (auto ok = core::check_text("text", *text, kMaxText, true); !ok) return ok;
  }
  return context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Status {
    Sharing sharing(context_);
    auto entry = sharing.load(tx, entry_id);
    if (!entry || entry->feature != kFeature || entry->author_id != actor.account_id) {
      return std::unexpected(policy::not_found());
    }
    if (auto ok = policy::require_member(tx, actor, entry->relationship_id); !ok) return ok;
    if (text) {
      auto body = nlohmann::json::parse(entry->body);
      sharing.update_body(tx, *entry, encode(body.at("kind").get<std::string>(), *text));
    }
    if (visibility) sharing.set_visibility(tx, *entry, *visibility);
    return {};
  });
}

base::Status Intake::remove(const Actor& actor, const std::string& entry_id) {
  auto done = context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> base::Status {
    auto row = tx.query_one("SELECT 1 FROM entries WHERE id = ? AND author_id = ? AND feature = ?",
                            {entry_id, actor.account_id, std::string(kFeature)});
    if (!row) return std::unexpected(policy::not_found());
    tx.execute("DELETE FROM entries WHERE id = ?", {entry_id});
    return {};
  });
  if (done) context_.db.scrub_after_delete();
  return done;
}

}  // namespace attune::app
