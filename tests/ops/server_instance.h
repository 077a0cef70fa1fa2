// One run of the app over a data dir with given master keys, for tests that stop and start
// the "server" around an operator tool (backup, restore, key rotation): unlike World, the
// database can be closed and reopened on the same files.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/app_fixture.h"
#include "app/services.h"
#include "crypto/master_key.h"
#include "store/open_store.h"
#include "store/sqlite/sqlite_database.h"

namespace attune::app::testing {

// Opens a vault from 64-hex keys, so a test can make the same vault again and again.
std::unique_ptr<crypto::Vault> vault_of(const std::string& key_hex,
                                        const std::optional<std::string>& previous_hex = {});
const content::ContentLibrary& test_content();

class ServerInstance {
 public:
  // SQLite in dir, as the embedded default.
  ServerInstance(const std::filesystem::path& dir, std::unique_ptr<crypto::Vault> vault,
                 base::ManualClock& clock);
  ServerInstance(std::unique_ptr<store::Database> db, std::unique_ptr<crypto::Vault> vault,
                 base::ManualClock& clock);

  Person person(const std::string& display_name, const std::string& email);
  // people[0] creates, every other person joins (accepting people[0]'s invite).
  std::string relationship(const std::vector<Person>& people, const std::string& name);
  void answer(const Person& who, const std::string& rid, const std::string& item,
              core::Answer answer, const std::string& note = "");
  std::string intake(const Person& who, const std::string& rid, const std::string& text,
                     core::Visibility visibility);
  // A signed agreement on the test exercise and a practice everyone said ready to.
  std::string running_practice(const std::vector<Person>& people, const std::string& rid,
                               const std::string& pause_word);

  std::unique_ptr<store::Database> db;
  std::unique_ptr<crypto::Vault> vault;
  Context context;
  Services services;
};

// Every row of every table (schema_migrations and settings too) as sorted text, to
// compare two states of a database (SQLite or PostgreSQL).
std::vector<std::string> all_rows(store::Database& db);

}  // namespace attune::app::testing
