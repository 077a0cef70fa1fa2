// Backup and restore (SQLite): the backup file holds nothing readable, a restore brings
// back every row exactly, re-applies the deletions made after the backup (I8), and refuses
// an altered backup, a backup under another master key and a database still in use.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "crypto/master_key.h"
#include "ops/backup.h"
#include "server_instance.h"

namespace attune::app::testing {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;

constexpr const char* kCanaries[] = {"CanaryDisplayName",      "canary-mail@example.org",
                                     "CanaryRelationshipName", "CanaryPrivateNote",
                                     "CanaryIntakeText",       "CanaryPauseWord"};

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Files in the data dir other than the database's own and the test's key: a leftover
// plaintext scratch copy would show up here.
std::vector<std::string> stray_files(const std::filesystem::path& dir) {
  std::vector<std::string> stray;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name != "attune.db" && name != "attune.db-wal" && name != "attune.db-shm") {
      stray.push_back(name);
    }
  }
  return stray;
}

class BackupRestore : public ::testing::Test {
 protected:
  BackupRestore()
      : clock_(base::TimePoint(milliseconds(1'735'689'600'000))),
        key_(crypto::MasterKey::generate().to_hex()),
        data_dir_(dir_.path / "data"),
        backup_path_(dir_.path / "attune.backup") {
    std::filesystem::create_directory(data_dir_);
  }

  std::unique_ptr<ServerInstance> start() {
    return std::make_unique<ServerInstance>(data_dir_, vault_of(key_), clock_);
  }
  ops::DatabaseLocation where() const { return {data_dir_.string(), ""}; }

  base::Result<ops::BackupHeader> back_up() {
    return ops::back_up(*vault_of(key_), clock_, where(), backup_path_.string());
  }
  base::Result<ops::RestoreReport> restore(const crypto::Vault& vault) {
    return ops::restore_backup(vault, test_content(), clock_, where(), backup_path_.string());
  }
  base::Result<ops::RestoreReport> restore() { return restore(*vault_of(key_)); }

  // Two partners with answers, notes, history, intake, an agreement and a practice, and a
  // third person who deleted their account before the backup.
  void populate(ServerInstance& server) {
    alex_ = server.person("CanaryDisplayName", "canary-mail@example.org");
    blake_ = server.person("Blake", "blake@example.org");
    rid_ = server.relationship({alex_, blake_}, "CanaryRelationshipName");
    server.answer(alex_, rid_, "hugging", core::Answer::kMaybe, "CanaryPrivateNote");
    server.answer(blake_, rid_, "hugging", core::Answer::kYes);
    server.intake(alex_, rid_, "CanaryIntakeText", core::Visibility::kPrivate);
    server.intake(blake_, rid_, "shared with alex", core::Visibility::kPartners);
    server.running_practice({alex_, blake_}, rid_, "CanaryPauseWord");
    Person gone = server.person("Casey", "casey@example.org");
    ASSERT_TRUE(server.services.accounts.delete_account(gone.actor, gone.password));
  }

  TempDir dir_;
  base::ManualClock clock_;
  std::string key_;
  std::filesystem::path data_dir_;
  std::filesystem::path backup_path_;
  Person alex_, blake_;
  std::string rid_;
};

TEST_F(BackupRestore, BackupFileHoldsNothingReadable) {
  auto server = start();
  populate(*server);
  ASSERT_TRUE(back_up());  // while the server runs
  const std::string bytes = read_all(backup_path_);
  ASSERT_GT(bytes.size(), 4096u);
  for (const char* canary : kCanaries) EXPECT_EQ(bytes.find(canary), std::string::npos) << canary;
  // Not even the database's own plaintext structure or ids: the whole file is sealed.
  EXPECT_EQ(bytes.find("SQLite format 3"), std::string::npos);
  EXPECT_EQ(bytes.find("CREATE TABLE"), std::string::npos);
  EXPECT_EQ(bytes.find(alex_.id), std::string::npos);
  EXPECT_EQ(bytes.find(rid_), std::string::npos);
  EXPECT_TRUE(stray_files(data_dir_).empty());
}

TEST_F(BackupRestore, RestoreBringsBackEveryRowOfEveryTable) {
  auto server = start();
  populate(*server);
  const auto before = all_rows(*server->db);
  ASSERT_TRUE(back_up());
  // Changes after the backup that are not deletions are lost by a restore, as expected.
  server->answer(blake_, rid_, "hugging", core::Answer::kNo);
  server->person("Dana", "dana@example.org");
  ASSERT_NE(all_rows(*server->db), before);
  server.reset();

  auto report = restore();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->deletions_reapplied, 0u);
  EXPECT_TRUE(stray_files(data_dir_).empty());
  server = start();
  EXPECT_EQ(all_rows(*server->db), before);
  auto mine = server->services.boundaries.mine(alex_.actor, rid_);
  ASSERT_TRUE(mine);
  bool found = false;
  for (const auto& answer : *mine) found |= answer.note == "CanaryPrivateNote";
  EXPECT_TRUE(found);
}

TEST_F(BackupRestore, RestoreReappliesDeletionsMadeAfterTheBackup) {
  auto server = start();
  populate(*server);
  ASSERT_TRUE(back_up());
  clock_.advance(hours(1));
  ASSERT_TRUE(server->services.accounts.delete_account(alex_.actor, alex_.password));
  const auto log_after_deletion =
      server->db->transact(store::TxMode::kRead, [](store::Transaction& tx) {
        return tx.query("SELECT id, account_id, deleted_at FROM deletion_log ORDER BY id").size();
      });
  server.reset();

  auto report = restore();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->deletions_reapplied, 1u);
  server = start();
  auto count = [&](const std::string& sql, const store::Params& params) {
    return server->db->transact(store::TxMode::kRead, [&](store::Transaction& tx) {
      return tx.query_one(sql, params)->integer(0);
    });
  };
  EXPECT_EQ(count("SELECT COUNT(*) FROM accounts WHERE id = ?", {alex_.id}), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships WHERE account_id = ?", {alex_.id}), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM boundary_answers WHERE account_id = ?", {alex_.id}), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM entries WHERE author_id = ?", {alex_.id}), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM deletion_log WHERE account_id = ?", {alex_.id}), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM deletion_log", {}),
            static_cast<std::int64_t>(log_after_deletion));
  // Leaving voided the agreement naming the deleted person, as the deletion itself did.
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM agreements WHERE relationship_id = ? AND is_void = 0", {rid_}),
      0);
  EXPECT_EQ(code_of(server->services.sessions.log_in(alex_.email, alex_.password)),
            "invalid_credentials");
  // The other partner's own data is intact.
  EXPECT_TRUE(server->services.sessions.log_in(blake_.email, blake_.password));
  EXPECT_EQ(count("SELECT COUNT(*) FROM boundary_answers WHERE account_id = ?", {blake_.id}), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM entries WHERE author_id = ?", {blake_.id}), 1);
}

TEST_F(BackupRestore, RefusesAnAlteredBackupAndChangesNothing) {
  auto server = start();
  populate(*server);
  ASSERT_TRUE(back_up());
  server->person("Dana", "dana@example.org");
  const auto live = all_rows(*server->db);
  server.reset();
  const std::string good = read_all(backup_path_);

  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 0x01;
  std::string header_edited = good;
  header_edited[30] ^= 0x01;  // inside "taken at"
  const std::string truncated = good.substr(0, good.size() - 100);
  std::string appended = good + "x";
  for (const auto& bad : {flipped, header_edited, truncated, appended}) {
    write_all(backup_path_, bad);
    EXPECT_EQ(code_of(restore()), "invalid_field");
    EXPECT_TRUE(stray_files(data_dir_).empty());
  }
  write_all(backup_path_, "not a backup at all");
  EXPECT_EQ(code_of(restore()), "invalid_field");
  server = start();
  EXPECT_EQ(all_rows(*server->db), live);
}

TEST_F(BackupRestore, RefusesABackupUnderAnotherMasterKey) {
  auto server = start();
  populate(*server);
  ASSERT_TRUE(back_up());
  const auto live = all_rows(*server->db);
  server.reset();
  auto other = vault_of(crypto::MasterKey::generate().to_hex());
  auto refused = restore(*other);
  ASSERT_EQ(code_of(refused), "invalid_field");
  EXPECT_NE(refused.error().message.find(vault_of(key_)->master_key_id()), std::string::npos);
  EXPECT_TRUE(stray_files(data_dir_).empty());
  server = start();
  EXPECT_EQ(all_rows(*server->db), live);
}

TEST_F(BackupRestore, RefusesWhileTheServerHasTheDatabaseOpen) {
  auto server = start();
  populate(*server);
  ASSERT_TRUE(back_up());
  EXPECT_EQ(code_of(restore()), "conflict");
  EXPECT_TRUE(stray_files(data_dir_).empty());
  // The server is unaffected and keeps writing.
  EXPECT_NO_THROW(server->person("Dana", "dana@example.org"));
}

TEST_F(BackupRestore, RefusesToOverwriteAnExistingFile) {
  auto server = start();
  populate(*server);
  write_all(backup_path_, "keep me");
  EXPECT_EQ(code_of(back_up()), "conflict");
  EXPECT_EQ(read_all(backup_path_), "keep me");
}

TEST_F(BackupRestore, RestoresIntoAnEmptyDataDir) {
  auto server = start();
  populate(*server);
  const auto before = all_rows(*server->db);
  ASSERT_TRUE(back_up());
  server.reset();
  std::filesystem::remove_all(data_dir_);
  auto report = restore();
  ASSERT_TRUE(report) << report.error().message;
  server = start();
  EXPECT_EQ(all_rows(*server->db), before);
}

}  // namespace
}  // namespace attune::app::testing
