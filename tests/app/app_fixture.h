// A whole app layer over a fresh SQLite file for use-case tests: the real store, vault,
// content library and Services, a hand-moved clock, and helpers for people, relationships,
// answers, agreements and practices. Each World owns a temp dir it removes at the end.
#pragma once

#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <algorithm>
#include <sstream>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/context.h"
#include "app/practice/practice_events.h"
#include "app/services.h"
#include "base/clock.h"
#include "crypto/vault.h"
#include "store/request_reads.h"
#include "store/sqlite/sqlite_database.h"

namespace attune::app::testing {

// "ok" for a success, else the error's stable code, so expectations read as one line.
template <class R>
std::string code_of(const R& result) {
  return result ? std::string("ok") : std::string(base::code_name(result.error().code));
}

// Records every practice the use cases announce; on_change runs inside the notification.
class RecordingPracticeEvents final : public PracticeEvents {
 public:
  void practice_changed(const std::string& practice_id) override;
  void sessions_ended(const std::vector<std::string>& session_ids) override;

  std::vector<std::string> ids;
  std::vector<std::string> ended_sessions;
  std::function<void(const std::string&)> on_change;
};

struct Person {
  std::string id;
  std::string email;
  std::string password;
  std::string token;
  std::string csrf;
  Actor actor;
};

struct Group {
  std::string rid;
  std::vector<Person> people;
};

// A unique directory under the system temp dir, removed with everything in it.
struct TempDir {
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::filesystem::path path;
};

// Runs a RapidCheck property for at most max_cases cases (fewer if RC_PARAMS asks), keeping
// RC_PARAMS' seed, so properties that go through the store stay quick.
template <class Testable>
void check_property(int max_cases, Testable&& testable) {
  const auto info = ::testing::UnitTest::GetInstance()->current_test_info();
  rc::detail::TestMetadata metadata;
  metadata.id = std::string(info->test_suite_name()) + "/" + info->name();
  metadata.description = info->name();
  auto params = rc::detail::configuration().testParams;
  params.maxSuccess = std::min(params.maxSuccess, max_cases);
  const auto result = rc::detail::checkTestable(std::forward<Testable>(testable), metadata, params);
  if (!result.template is<rc::detail::SuccessResult>()) {
    std::ostringstream message;
    rc::detail::printResultMessage(result, message);
    ADD_FAILURE() << message.str();
  }
}

// An exercise with two required catalogue items, used for agreements in tests.
inline constexpr const char* kExercise = "arriving-together";
inline const std::vector<std::string> kExerciseItems{"breathing-together", "quiet-company"};

class World {
 public:
  World();
  ~World();
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  // Signs up (with a unique e-mail unless one is given) and logs in.
  Person person(const std::string& display_name = "Sam",
                const std::optional<std::string>& email = std::nullopt);
  Actor log_in(const std::string& email, const std::string& password);

  // A relationship of n new people (or of the given people), every one active.
  Group relationship(int n, const std::string& name = "Us");
  Group relationship_of(const std::vector<Person>& people, const std::string& name = "Us");
  // people[0] invites, the newcomer accepts, every other member approves.
  void join(Group& group, const Person& newcomer);

  void answer(const Person& who, const std::string& rid, const std::string& item,
              core::Answer answer, const std::string& note = "");
  // Every person answers yes to the exercise's required items.
  void agree_exercise_items(const Group& group);
  core::AgreementTerms terms(const std::string& pause_word = "amber",
                             const std::string& aftercare = "tea and a blanket") const;
  // A draft on the test exercise over its required items, all participants by default.
  AgreementView draft(const Group& group, const std::string& pause_word = "amber",
                      const std::string& aftercare = "tea and a blanket");
  // A draft every participant signed.
  AgreementView signed_agreement(const Group& group);
  // A practice on a fresh signed agreement, running once everyone said ready.
  std::string running_practice(const Group& group, core::Device device = core::Device::kOwn);

  std::int64_t count(const std::string& sql, const store::Params& params = {});
  // Rows in every table of the schema, to show a refused call wrote nothing.
  std::int64_t count_all_rows();
  void advance(std::chrono::milliseconds by) { clock.advance(by); }

  const std::filesystem::path& dir() const { return dir_.path; }
  std::filesystem::path db_path() const { return dir_.path / "attune.db"; }

 private:
  TempDir dir_;  // first, so it outlives the database files in it
  int people_made_ = 0;

 public:
  base::ManualClock clock;
  std::unique_ptr<store::sqlite::SqliteDatabase> db;
  // What the use cases see, as the server wraps it: a request's reads can share one transaction.
  store::RequestReads reads;
  crypto::Vault vault;
  RecordingPracticeEvents events;
  Context context;
  Services services;
};

}  // namespace attune::app::testing
