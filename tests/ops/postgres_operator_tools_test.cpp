// The operator tools on PostgreSQL. Backup and restore (pg_dump / pg_restore inside the
// same sealed file): a round trip brings back every row, later deletions are re-applied,
// and a database a server is connected to is refused. Key rotation: the old key opens
// nothing afterwards. Skipped when PostgreSQL 15 is not installed.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "ops/backup.h"
#include "ops/backup_file.h"
#include "ops/key_rotation.h"
#include "ops/pg_client_tools.h"
#include "ops/postgres_backup.h"
#include "server_instance.h"
#include "store/open_store.h"
#include "store/pg_cluster.h"
#include "store/postgres/postgres_database.h"

namespace attune::app::testing {
namespace {

using store::testing::PgCluster;

class PostgresBackup : public ::testing::Test {
 protected:
  PostgresBackup()
      : clock_(base::TimePoint(std::chrono::milliseconds(1'735'689'600'000))),
        key_(crypto::MasterKey::generate().to_hex()) {}

  void SetUp() override {
    if (!PgCluster::installed()) GTEST_SKIP() << PgCluster::missing_message();
    url_ = PgCluster::shared().create_database();
  }

  std::unique_ptr<ServerInstance> start() {
    return std::make_unique<ServerInstance>(store::postgres::PostgresDatabase::open(url_),
                                            vault_of(key_), clock_);
  }
  ops::DatabaseLocation where() const { return {dir_.path.string(), url_}; }
  std::string backup_path() const { return (dir_.path / "attune.backup").string(); }

  void populate(ServerInstance& server) {
    alex_ = server.person("CanaryAlex", "alex@example.org");
    blake_ = server.person("Blake", "blake@example.org");
    rid_ = server.relationship({alex_, blake_}, "CanaryRelationship");
    server.answer(alex_, rid_, "hugging", core::Answer::kMaybe, "CanaryNote");
    server.intake(blake_, rid_, "shared", core::Visibility::kPartners);
    server.running_practice({alex_, blake_}, rid_, "amber");
  }

  TempDir dir_;
  base::ManualClock clock_;
  std::string key_;
  std::string url_;
  Person alex_, blake_;
  std::string rid_;
};

TEST_F(PostgresBackup, RoundTripRestoresEveryRow) {
  auto server = start();
  populate(*server);
  const auto before = all_rows(*server->db);
  auto header = ops::back_up(*vault_of(key_), clock_, where(), backup_path());
  ASSERT_TRUE(header) << header.error().message;
  EXPECT_EQ(header->source, ops::BackupSource::kPostgres);
  std::ifstream in(backup_path(), std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  for (const char* plain : {"PGDMP", "CanaryAlex", "CanaryNote", "CREATE TABLE"}) {
    EXPECT_EQ(bytes.find(plain), std::string::npos) << plain;
  }
  server->person("Dana", "dana@example.org");
  server.reset();

  auto report =
      ops::restore_backup(*vault_of(key_), test_content(), clock_, where(), backup_path());
  ASSERT_TRUE(report) << report.error().message;
  server = start();
  EXPECT_EQ(all_rows(*server->db), before);
}

TEST_F(PostgresBackup, RestoreReappliesDeletionsMadeAfterTheBackup) {
  auto server = start();
  populate(*server);
  ASSERT_TRUE(ops::back_up(*vault_of(key_), clock_, where(), backup_path()));
  ASSERT_TRUE(server->services.accounts.delete_account(alex_.actor, alex_.password));
  server.reset();

  auto report =
      ops::restore_backup(*vault_of(key_), test_content(), clock_, where(), backup_path());
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->deletions_reapplied, 1u);
  server = start();
  auto count = [&](const std::string& sql, const std::string& id) {
    return server->db->transact(store::TxMode::kRead, [&](store::Transaction& tx) {
      return tx.query_one(sql, {id})->integer(0);
    });
  };
  EXPECT_EQ(count("SELECT COUNT(*) FROM accounts WHERE id = ?", alex_.id), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM boundary_answers WHERE account_id = ?", alex_.id), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM deletion_log WHERE account_id = ?", alex_.id), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM entries WHERE author_id = ?", blake_.id), 1);
  EXPECT_EQ(code_of(server->services.sessions.log_in(alex_.email, alex_.password)),
            "invalid_credentials");
  EXPECT_TRUE(server->services.sessions.log_in(blake_.email, blake_.password));
}

TEST_F(PostgresBackup, RefusesWhileAServerIsConnectedAndChangesNothing) {
  auto server = start();
  populate(*server);
  ASSERT_TRUE(ops::back_up(*vault_of(key_), clock_, where(), backup_path()));
  server->person("Dana", "dana@example.org");
  const auto live = all_rows(*server->db);
  auto refused =
      ops::restore_backup(*vault_of(key_), test_content(), clock_, where(), backup_path());
  EXPECT_EQ(code_of(refused), "conflict");
  EXPECT_EQ(all_rows(*server->db), live);
}

// A restore killed after the archive replaced the database but before the deletions made
// since the backup were re-applied: no server may start on it (the deleted person is back
// in it), and running the restore again finishes the job.
TEST_F(PostgresBackup, ARestoreKilledHalfWayKeepsServersOutUntilARerunFinishesIt) {
  auto server = start();
  populate(*server);
  ASSERT_TRUE(ops::back_up(*vault_of(key_), clock_, where(), backup_path()));
  ASSERT_TRUE(server->services.accounts.delete_account(alex_.actor, alex_.password));
  server.reset();
  // What the restore does up to the moment it is killed.
  ASSERT_TRUE(ops::mark_restore_pending(url_));
  const auto plain = dir_.path / "plain.dump";
  std::ofstream(plain).close();
  ASSERT_TRUE(ops::open_backup_file(*vault_of(key_), backup_path(), plain.string()));
  ASSERT_TRUE(ops::run_pg_tool("pg_restore",
                               {"--clean", "--if-exists", "--no-owner", "--no-privileges",
                                "--single-transaction", "--exit-on-error", plain.string()},
                               url_));

  const std::string key_id = vault_of(key_)->master_key_id();
  auto refused = store::open_store(url_, dir_.path.string(), key_id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, base::ErrorCode::conflict);
  EXPECT_EQ(code_of(ops::back_up(*vault_of(key_), clock_, where(), backup_path())), "conflict");

  auto report =
      ops::restore_backup(*vault_of(key_), test_content(), clock_, where(), backup_path());
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->deletions_reapplied, 1u);
  auto opened = store::open_store(url_, dir_.path.string(), key_id);
  ASSERT_TRUE(opened) << opened.error().message;
  server = start();
  EXPECT_EQ(code_of(server->services.sessions.log_in(alex_.email, alex_.password)),
            "invalid_credentials");
  EXPECT_TRUE(server->services.sessions.log_in(blake_.email, blake_.password));
}

TEST_F(PostgresBackup, KeyRotationLeavesNothingTheOldKeyOpens) {
  auto server = start();
  populate(*server);
  server.reset();
  const std::string new_key = crypto::MasterKey::generate().to_hex();
  {
    auto db = store::postgres::PostgresDatabase::open(url_);
    auto report = ops::rotate_master_key(*db, *vault_of(new_key, key_), 1);
    ASSERT_TRUE(report) << report.error().message;
    EXPECT_EQ(report->rewrapped, 3);  // two people, one relationship
  }
  EXPECT_FALSE(store::open_store(url_, dir_.path.string(), vault_of(key_)->master_key_id()));
  key_ = new_key;
  server = start();
  EXPECT_TRUE(server->services.sessions.log_in(alex_.email, alex_.password));
  auto mine = server->services.boundaries.mine(alex_.actor, rid_);
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->size(), 3u);
  bool noted = false;
  for (const auto& answer : *mine) noted |= answer.note == "CanaryNote";
  EXPECT_TRUE(noted);
}

TEST(PgClientTools, PasswordLeavesTheUrlAndIsDecoded) {
  auto target =
      ops::split_password("postgresql://attune:s%40cret@db.example:5432/attune?sslmode=require");
  EXPECT_EQ(target.url, "postgresql://attune@db.example:5432/attune?sslmode=require");
  EXPECT_EQ(target.password, "s@cret");
  auto plain = ops::split_password("postgresql://attune@db.example/attune");
  EXPECT_EQ(plain.url, "postgresql://attune@db.example/attune");
  EXPECT_EQ(plain.password, "");
}

}  // namespace
}  // namespace attune::app::testing
