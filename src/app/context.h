// What every use case works with: the store, the key vault, the clock, the content
// library and the settings. Owned by the server; use cases hold a reference.
#pragma once

#include "app/app_config.h"
#include "app/content/content_library.h"
#include "app/keyring.h"
#include "app/practice_events.h"
#include "core/clock.h"
#include "crypto/vault.h"
#include "store/database.h"

namespace attune::app {

struct Context {
  store::Database& db;
  const crypto::Vault& vault;
  const core::Clock& clock;
  const ContentLibrary& content;
  AppConfig config;
  Keyring keyring{vault};
  PracticeEvents* practice_events = nullptr;  // set by the live layer

  void notify_practices(const std::vector<std::string>& practice_ids) const {
    if (!practice_events) return;
    for (const auto& id : practice_ids) practice_events->practice_changed(id);
  }

  std::int64_t now_ms() const { return clock.now().time_since_epoch().count(); }
};

}  // namespace attune::app
