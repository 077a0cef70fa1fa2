#include "app/accounts/accounts.h"

#include <filesystem>
#include <regex>

#include "app/accounts/account_records.h"
#include "app/accounts/people.h"
#include "app/data_rights/account_erasure.h"
#include "app/nudge_topics.h"
#include "app/recovery/recovery_records.h"
#include "core/display_name.h"
#include "core/email.h"
#include "core/recovery_code.h"
#include "core/text.h"
#include "crypto/password.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

constexpr std::size_t kMaxDisplayName = 80;
constexpr std::size_t kMinPassword = 10;
constexpr std::size_t kMaxPassword = 1024;

std::unexpected<base::Error> email_taken() {
  return base::fail(base::ErrorCode::email_taken, "An account with this e-mail already exists.");
}

std::string roles_text(bool therapist) { return therapist ? "therapist" : "partner"; }

}  // namespace

base::Status validate_new_password(const std::string& password) {
  if (!core::is_valid_utf8(password))
    return base::fail(base::ErrorCode::invalid_utf8, "The password is not valid text.");
  auto length = core::char_count(password);
  if (length < kMinPassword) {
    return base::fail(base::ErrorCode::weak_password,
                      "Please choose a password of at least 10 characters.");
  }
  if (length > kMaxPassword) {
    return base::fail(base::ErrorCode::field_too_long, "The password is too long.");
  }
  return {};
}

base::Result<std::string> validate_time_zone(const std::string& time_zone) {
  if (time_zone.empty()) return std::string("UTC");
  static const std::regex kShape(R"([A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2})");
  // g++ 12 has no std::chrono::tzdb, so the system's zoneinfo is the list of known zones.
  if (time_zone.size() <= 64 && std::regex_match(time_zone, kShape) &&
      (time_zone == "UTC" ||
       std::filesystem::is_regular_file("/usr/share/zoneinfo/" + time_zone))) {
    return time_zone;
  }
  return base::fail(base::ErrorCode::invalid_time_zone, "The time zone is not a known IANA zone.");
}

base::Result<std::string> Accounts::sign_up(const SignupInput& input) {
  if (!input.confirm_adult) {
    return base::fail(base::ErrorCode::adult_confirmation_required,
                      "attune is for adults only; please confirm you are 18 or older.");
  }
  auto email = core::normalize_email(input.email);
  if (!email)
    return base::fail(base::ErrorCode::invalid_email, "Please enter a valid e-mail address.");
  ATTUNE_TRY(core::check_text("display_name", input.display_name, kMaxDisplayName, true));
  ATTUNE_TRY(core::check_visible_name("display_name", core::trim(input.display_name)));
  ATTUNE_TRY(validate_new_password(input.password));
  auto time_zone = validate_time_zone(input.time_zone);
  if (!time_zone) return base::error_of(time_zone);

  struct Hashes {
    std::string password;
    std::string recovery_code;
  };
  const auto code = core::normalize_recovery_code(input.recovery_code);
  auto hashes = gate_.run([&] {
    const auto cost = context_.config.password_cost;
    return Hashes{crypto::hash_password(input.password, cost),
                  code ? crypto::hash_password(*code, cost) : std::string()};
  });
  if (!hashes) return base::error_of(hashes);
  const std::string id = crypto::random_id();
  // The current key's index first: the row is stored under it.
  const auto email_indexes = context_.vault.blind_indexes(*email);
  const std::string display_name = core::trim(input.display_name);
  const auto now = context_.now_ms();
  return context_.db.transact(
      store::TxMode::kWrite,
      [&](store::Transaction& tx) -> base::Result<std::string> {
        // The unique index only sees the current key's index; an account the running key
        // rotation has not moved yet is found under the previous key's.
        for (const auto& index : email_indexes) {
          auto holder = credentials_by_email_index(tx, index);
          if (!holder) continue;
          // An address never confirmed is free again once its link has expired.
          const auto until = unconfirmed_until(tx, holder->account_id);
          if (!until || *until > now) return email_taken();
          delete_account_row(tx, holder->account_id);
        }
        if (!insert_account(context_, tx,
                            {id, email_indexes.front(), *email, display_name, hashes->password,
                             *time_zone, roles_text(input.therapist), now})) {
          return email_taken();
        }
        if (code) set_recovery_hash(tx, id, hashes->recovery_code, now);
        if (!input.confirm_token_hash.empty()) {
          mark_unconfirmed(tx, id, input.confirm_by);
          insert_account_link(
              tx, {input.confirm_token_hash, id, LinkPurpose::kConfirm, now, input.confirm_by});
        }
        return base::Result<std::string>(id);
      },
      input.on_commit);
}

base::Result<Profile> Accounts::profile(const Actor& actor) {
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto settings = load_settings(*tx, actor.account_id);
  if (!settings) return base::fail(base::ErrorCode::unauthenticated, "Please log in again.");
  Profile profile{actor.account_id,
                  display_name_of(context_, *tx, actor.account_id),
                  settings->time_zone,
                  {settings->roles}};
  return profile;
}

base::Result<Profile> Accounts::set_time_zone(const Actor& actor, const std::string& time_zone) {
  auto zone = validate_time_zone(time_zone);
  if (!zone) return base::error_of(zone);
  ATTUNE_TRY(context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    update_time_zone(tx, actor.account_id, *zone);
    return {};
  }));
  return profile(actor);
}

base::Status Accounts::check_password(const Actor& actor, const std::string& password) {
  std::string stored;
  {
    auto tx = context_.db.begin(store::TxMode::kRead);
    auto hash = password_hash_of(*tx, actor.account_id);
    if (!hash) return base::fail(base::ErrorCode::unauthenticated, "Please log in again.");
    stored = std::move(*hash);
  }
  auto matches = gate_.check(actor.account_id, "password", context_.now_ms(),
                             [&] { return crypto::verify_password(stored, password); });
  if (!matches) return base::error_of(matches);
  if (!*matches) {
    return base::fail(base::ErrorCode::invalid_credentials, "That password is not right.");
  }
  return {};
}

base::Status Accounts::change_password(const Actor& actor, const std::string& current,
                                       const std::string& replacement) {
  if (auto ok = check_password(actor, current); !ok) return ok;
  if (auto ok = validate_new_password(replacement); !ok) return ok;
  auto hash =
      gate_.run([&] { return crypto::hash_password(replacement, context_.config.password_cost); });
  if (!hash) return base::error_of(hash);
  std::vector<std::string> ended;
  auto changed = context_.write(actor, [&](store::Transaction& tx) -> base::Status {
    set_password_hash(tx, actor.account_id, *hash);
    ended = delete_other_sessions(tx, actor.account_id, actor.session_id);
    return {};
  });
  if (changed) context_.notify_sessions_ended(ended);
  return changed;
}

base::Status Accounts::delete_account(const Actor& actor, const std::string& password) {
  if (auto ok = check_password(actor, password); !ok) return ok;
  // One transaction: a failure half-way leaves the person as they were, never a person
  // who left everything but still has an account.
  std::vector<std::string> ended;
  // The members of each relationship the person leaves see them gone.
  std::vector<std::pair<std::string, std::vector<std::string>>> stayers;
  const auto touched = context_.write(actor, [&](store::Transaction& tx) {
    ended = delete_other_sessions(tx, actor.account_id, "");
    stayers.clear();
    for (const auto& membership : context_.policy.memberships_of(tx, actor.account_id)) {
      stayers.emplace_back(membership.relationship_id(),
                           others_than(actor, context_.policy.active_partners(tx, membership)));
    }
    return erase_account(context_, tx, actor.account_id, crypto::random_id(), context_.now_ms());
  });
  context_.db.scrub_after_delete();
  context_.notify_practices(touched);
  context_.notify_sessions_ended(ended);
  for (const auto& [rid, members] : stayers) {
    context_.nudge(members, nudge_topic::in(nudge_topic::kRelationships, rid));
  }
  return {};
}

}  // namespace attune::app
