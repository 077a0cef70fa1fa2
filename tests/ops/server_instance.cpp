#include "server_instance.h"

#include <algorithm>
#include <stdexcept>

namespace attune::app::testing {
namespace {

AppConfig fast_config() {
  AppConfig config;
  config.password_cost = crypto::PasswordCost::kTestOnlyFast;
  return config;
}

template <class T>
T must(base::Result<T> result, const char* what) {
  if (!result) throw std::runtime_error(std::string(what) + ": " + result.error().message);
  return std::move(*result);
}

void must(const base::Status& status, const char* what) {
  if (!status) throw std::runtime_error(std::string(what) + ": " + status.error().message);
}

}  // namespace

std::unique_ptr<crypto::Vault> vault_of(const std::string& key_hex,
                                        const std::optional<std::string>& previous_hex) {
  auto key = must(crypto::MasterKey::from_hex(key_hex), "key");
  if (!previous_hex) return std::make_unique<crypto::Vault>(std::move(key));
  return std::make_unique<crypto::Vault>(std::move(key),
                                         must(crypto::MasterKey::from_hex(*previous_hex), "key"));
}

const content::ContentLibrary& test_content() {
  static const content::ContentLibrary library =
      must(content::load_content_library(ATTUNE_SOURCE_DIR "/content"), "content");
  return library;
}

ServerInstance::ServerInstance(const std::filesystem::path& dir,
                               std::unique_ptr<crypto::Vault> vault_in, base::ManualClock& clock)
    : ServerInstance(store::sqlite::SqliteDatabase::open(store::sqlite_path_in(dir.string())),
                     std::move(vault_in), clock) {}

ServerInstance::ServerInstance(std::unique_ptr<store::Database> db_in,
                               std::unique_ptr<crypto::Vault> vault_in, base::ManualClock& clock)
    : db(std::move(db_in)),
      vault(std::move(vault_in)),
      context{*db, *vault, clock, test_content(), fast_config()},
      services(context) {
  // As store::open_store does for the server: the first key is recorded.
  db->transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    tx.execute(
        "INSERT INTO settings (name, value) VALUES ('master_key_id', ?) ON CONFLICT DO NOTHING",
        {vault->master_key_id()});
    return true;
  });
}

Person ServerInstance::person(const std::string& display_name, const std::string& email) {
  Person person;
  person.email = email;
  person.password = "correct horse battery";
  person.id =
      must(services.accounts.sign_up({email, person.password, display_name, true, "", false}),
           "sign_up");
  auto login = must(services.sessions.log_in(email, person.password), "log_in");
  person.token = login.token;
  person.actor = must(services.sessions.authenticate(login.token), "authenticate");
  return person;
}

std::string ServerInstance::relationship(const std::vector<Person>& people,
                                         const std::string& name) {
  const std::string rid = must(services.relationships.create(people.at(0).actor, name), "create");
  for (std::size_t i = 1; i < people.size(); ++i) {
    auto code = must(services.relationships.invite(people[0].actor, rid), "invite");
    must(services.relationships.accept(people[i].actor, code), "accept");
    for (std::size_t j = 1; j < i; ++j) {
      must(services.relationships.approve(people[j].actor, rid, people[i].id), "approve");
    }
  }
  return rid;
}

void ServerInstance::answer(const Person& who, const std::string& rid, const std::string& item,
                            core::Answer answer, const std::string& note) {
  must(services.boundaries.answer(who.actor, rid, item, answer, note), "answer");
}

std::string ServerInstance::intake(const Person& who, const std::string& rid,
                                   const std::string& text, core::Visibility visibility) {
  return must(services.intake.create(who.actor, rid, "safe", text, visibility), "intake");
}

std::string ServerInstance::running_practice(const std::vector<Person>& people,
                                             const std::string& rid,
                                             const std::string& pause_word) {
  for (const auto& person : people) {
    for (const auto& item : kExerciseItems) answer(person, rid, item, core::Answer::kYes);
  }
  core::AgreementTerms terms{kExercise, {}, kExerciseItems, 20, {}, pause_word, "tea"};
  auto view = must(services.agreements.create(people.at(0).actor, rid, terms), "agreement");
  for (const auto& person : people) {
    view = must(services.agreements.sign(person.actor, view.id, view.version), "sign");
  }
  auto id =
      must(services.practices.create(people.at(0).actor, view.id, core::Device::kOwn), "practice");
  for (const auto& person : people) {
    must(services.practices.command(person.actor, id, core::PracticeCommand::kReady), "ready");
  }
  return id;
}

std::vector<std::string> all_rows(store::Database& db) {
  const bool sqlite = db.dialect() == "sqlite";
  const char* tables_sql =
      sqlite ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
             : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'";
  const char* columns_sql =
      sqlite ? "SELECT name FROM pragma_table_info(?)"
             : "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
               "AND table_name = ? ORDER BY ordinal_position";
  return db.transact(store::TxMode::kRead, [&](store::Transaction& tx) {
    std::vector<std::string> rows;
    for (const auto& table : tx.query(tables_sql)) {
      std::string columns;
      for (const auto& column : tx.query(columns_sql, {table.text(0)})) {
        const std::string quoted = "\"" + column.text(0) + "\"";
        columns += (columns.empty() ? "" : " || '|' || ") +
                   (sqlite ? "quote(" + quoted + ")" : "quote_nullable(" + quoted + "::text)");
      }
      for (const auto& row : tx.query("SELECT " + columns + " FROM \"" + table.text(0) + "\"")) {
        rows.push_back(table.text(0) + ":" + row.text(0));
      }
    }
    std::sort(rows.begin(), rows.end());
    return rows;
  });
}

}  // namespace attune::app::testing
