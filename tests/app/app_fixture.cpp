#include "app_fixture.h"

#include <stdlib.h>
#include <unistd.h>

#include <stdexcept>

#include "content/care_content.h"
#include "content/content_library.h"
#include "content/measure_library.h"
#include "crypto/master_key.h"

namespace attune::app::testing {
namespace {

// 2025-01-01T00:00:00Z: a whole minute, so fixed windows start exactly here.
constexpr std::int64_t kStartMs = 1'735'689'600'000;
constexpr const char* kPassword = "correct horse battery";

// Memory-backed when the machine has it: the store syncs every commit to disk, and these
// tests commit thousands of times without needing durability.
std::filesystem::path temp_root() {
  std::error_code error;
  if (std::filesystem::is_directory("/dev/shm", error) && access("/dev/shm", W_OK) == 0) {
    return "/dev/shm";
  }
  return std::filesystem::temp_directory_path();
}

std::filesystem::path make_temp_dir() {
  std::string pattern = (temp_root() / "attune-app-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

// The library is immutable once loaded, so every World shares one copy.
const content::ContentLibrary& shipped_content() {
  static const content::ContentLibrary library = [] {
    auto loaded = content::load_content_library(ATTUNE_SOURCE_DIR "/content");
    if (!loaded) throw std::runtime_error("content: " + loaded.error().message);
    return std::move(*loaded);
  }();
  return library;
}

const content::CareContent& shipped_care_content() {
  static const content::CareContent care = [] {
    auto loaded = content::load_care_content(ATTUNE_SOURCE_DIR "/content");
    if (!loaded) throw std::runtime_error("care content: " + loaded.error().message);
    return std::move(*loaded);
  }();
  return care;
}

content::MeasureLibrary shipped_measures() {
  auto loaded = content::load_measure_library(ATTUNE_SOURCE_DIR "/content/measures");
  if (!loaded) throw std::runtime_error("measures: " + loaded.error().message);
  return std::move(*loaded);
}

AppConfig test_config() {
  AppConfig config;
  config.password_cost = crypto::PasswordCost::kTestOnlyFast;
  return config;
}

}  // namespace

void RecordingPracticeEvents::practice_changed(const std::string& practice_id) {
  ids.push_back(practice_id);
  if (on_change) on_change(practice_id);
}

void RecordingPracticeEvents::sessions_ended(const std::vector<std::string>& session_ids) {
  ended_sessions.insert(ended_sessions.end(), session_ids.begin(), session_ids.end());
}

TempDir::TempDir() : path(make_temp_dir()) {}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path, ignored);
}

World::World()
    : clock(base::TimePoint(std::chrono::milliseconds(kStartMs))),
      db(store::sqlite::SqliteDatabase::open((dir_.path / "attune.db").string())),
      reads(*db),
      vault(crypto::MasterKey::generate()),
      context{reads, vault, clock, shipped_content(), test_config(), Keyring{vault}, &events},
      services(context, shipped_care_content(), shipped_measures()) {}

World::~World() = default;

Person World::person(const std::string& display_name, const std::optional<std::string>& email) {
  Person person;
  person.email = email.value_or("person" + std::to_string(++people_made_) + "@example.org");
  person.password = kPassword;
  auto id =
      services.accounts.sign_up({person.email, person.password, display_name, true, "", false});
  if (!id) throw std::runtime_error("sign_up: " + id.error().message);
  person.id = *id;
  auto login = services.sessions.log_in(person.email, person.password);
  if (!login) throw std::runtime_error("log_in: " + login.error().message);
  person.token = login->token;
  person.csrf = login->csrf_token;
  person.actor = *services.sessions.authenticate(person.token);
  return person;
}

Actor World::log_in(const std::string& email, const std::string& password) {
  auto login = services.sessions.log_in(email, password);
  if (!login) throw std::runtime_error("log_in: " + login.error().message);
  return *services.sessions.authenticate(login->token);
}

Group World::relationship(int n, const std::string& name) {
  std::vector<Person> people;
  for (int i = 0; i < n; ++i) people.push_back(person("Partner " + std::to_string(i + 1)));
  return relationship_of(people, name);
}

Group World::relationship_of(const std::vector<Person>& people, const std::string& name) {
  Group group;
  auto rid = services.relationships.create(people.at(0).actor, name);
  if (!rid) throw std::runtime_error("create: " + rid.error().message);
  group.rid = *rid;
  group.people.push_back(people.at(0));
  for (std::size_t i = 1; i < people.size(); ++i) join(group, people[i]);
  return group;
}

void World::join(Group& group, const Person& newcomer) {
  const Person& inviter = group.people.at(0);
  auto code = services.relationships.invite(inviter.actor, group.rid);
  if (!code) throw std::runtime_error("invite: " + code.error().message);
  auto accepted = services.relationships.accept(newcomer.actor, *code);
  if (!accepted) throw std::runtime_error("accept: " + accepted.error().message);
  for (std::size_t i = 1; i < group.people.size(); ++i) {
    auto approved = services.relationships.approve(group.people[i].actor, group.rid, newcomer.id);
    if (!approved) throw std::runtime_error("approve: " + approved.error().message);
  }
  group.people.push_back(newcomer);
}

void World::answer(const Person& who, const std::string& rid, const std::string& item,
                   core::Answer answer, const std::string& note) {
  auto done = services.boundaries.answer(who.actor, rid, item, answer, note);
  if (!done) throw std::runtime_error("answer: " + done.error().message);
}

void World::agree_exercise_items(const Group& group) {
  for (const auto& person : group.people) {
    for (const auto& item : kExerciseItems) answer(person, group.rid, item, core::Answer::kYes);
  }
}

core::AgreementTerms World::terms(const std::string& pause_word,
                                  const std::string& aftercare) const {
  return core::AgreementTerms{kExercise, {}, kExerciseItems, 20, {}, pause_word, aftercare};
}

AgreementView World::draft(const Group& group, const std::string& pause_word,
                           const std::string& aftercare) {
  agree_exercise_items(group);
  auto view =
      services.agreements.create(group.people.at(0).actor, group.rid, terms(pause_word, aftercare));
  if (!view) throw std::runtime_error("create agreement: " + view.error().message);
  return *view;
}

AgreementView World::signed_agreement(const Group& group) {
  AgreementView view = draft(group);
  for (const auto& person : group.people) {
    auto signed_view = services.agreements.sign(person.actor, view.id, view.version);
    if (!signed_view) throw std::runtime_error("sign: " + signed_view.error().message);
    view = *signed_view;
  }
  return view;
}

std::string World::running_practice(const Group& group, core::Device device) {
  auto agreement = signed_agreement(group);
  auto id = services.practices.create(group.people.at(0).actor, agreement.id, device);
  if (!id) throw std::runtime_error("create practice: " + id.error().message);
  for (const auto& person : group.people) {
    auto ready = services.practices.command(person.actor, *id, core::PracticeCommand::kReady);
    if (!ready) throw std::runtime_error("ready: " + ready.error().message);
  }
  return *id;
}

std::int64_t World::count(const std::string& sql, const store::Params& params) {
  auto tx = db->begin(store::TxMode::kRead);
  return tx->query_one(sql, params)->integer(0);
}

std::int64_t World::count_all_rows() {
  auto tx = db->begin(store::TxMode::kRead);
  std::int64_t total = 0;
  for (const auto& table : tx->query(
           "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
    total += tx->query_one("SELECT COUNT(*) FROM \"" + table.text(0) + "\"")->integer(0);
  }
  return total;
}

}  // namespace attune::app::testing
