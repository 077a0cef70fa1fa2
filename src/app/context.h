// What every use case works with: the store, the key vault, the clock, the content
// library and the settings. Owned by the server; use cases hold a reference.
#pragma once

#include "app/actor.h"
#include "app/app_config.h"
#include "app/keyring.h"
#include "app/mailer.h"
#include "app/nudges.h"
#include "app/policy/policy.h"
#include "app/practice/practice_events.h"
#include "base/clock.h"
#include "content/content_library.h"
#include "crypto/vault.h"
#include "store/database.h"

namespace attune::app {

struct Context {
  store::Database& db;
  const crypto::Vault& vault;
  const base::Clock& clock;
  const content::ContentLibrary& content;
  AppConfig config;
  Keyring keyring{vault};
  PracticeEvents* practice_events = nullptr;  // set by the live layer
  Mailer* mailer = nullptr;                   // set by the CLI when smtp_url is configured
  Nudges* nudges = nullptr;                   // set by the live layer
  policy::Policy policy{};

  void notify_practices(const std::vector<std::string>& practice_ids) const {
    if (!practice_events) return;
    for (const auto& id : practice_ids) practice_events->practice_changed(id);
  }
  void nudge(const std::vector<std::string>& person_ids, std::string_view topic) const {
    if (nudges && !person_ids.empty()) nudges->nudge(person_ids, topic);
  }
  void notify_sessions_ended(const std::vector<std::string>& session_ids) const {
    if (practice_events && !session_ids.empty()) practice_events->sessions_ended(session_ids);
  }

  // A write transaction on behalf of a request. Use cases write through this (never
  // db.transact(kWrite) directly), so what the request must commit together with its write
  // (an Idempotency-Key's claim) is part of the same transaction.
  template <class F>
  auto write(const Actor& actor, F&& fn) const {
    return db.transact(store::TxMode::kWrite, std::forward<F>(fn), actor.on_commit);
  }

  std::int64_t now_ms() const { return clock.now().time_since_epoch().count(); }
};

}  // namespace attune::app
