// Master key rotation: afterwards the old key opens nothing (every wrapped key refuses it,
// and a server started with it is refused at start) and the new key opens everything; a
// server holding both keys serves throughout; a rotation can be run again to finish.
#include <gtest/gtest.h>

#include "app/data_keys.h"
#include "app/keyring.h"
#include "base/corruption.h"
#include "crypto/master_key.h"
#include "ops/key_rotation.h"
#include "server_instance.h"
#include "store/open_store.h"

namespace attune::app::testing {
namespace {

using std::chrono::milliseconds;

struct WrappedKey {
  std::string purpose;
  std::string wrapped;
};

std::vector<WrappedKey> wrapped_keys(store::Database& db) {
  return db.transact(store::TxMode::kRead, [](store::Transaction& tx) {
    std::vector<WrappedKey> keys;
    for (const auto& row : tx.query("SELECT id, wrapped_key FROM accounts")) {
      keys.push_back({"person:" + row.text(0), row.bytes(1)});
    }
    for (const auto& row : tx.query("SELECT id, wrapped_key FROM relationships")) {
      keys.push_back({"relationship:" + row.text(0), row.bytes(1)});
    }
    return keys;
  });
}

std::string recorded_key_id(store::Database& db) {
  return db.transact(store::TxMode::kRead, [](store::Transaction& tx) {
    return tx.query_one("SELECT value FROM settings WHERE name = 'master_key_id'")->text(0);
  });
}

class KeyRotation : public ::testing::Test {
 protected:
  KeyRotation()
      : clock_(base::TimePoint(milliseconds(1'735'689'600'000))),
        old_key_(crypto::MasterKey::generate().to_hex()),
        new_key_(crypto::MasterKey::generate().to_hex()) {}

  std::unique_ptr<ServerInstance> start(const std::string& key,
                                        const std::optional<std::string>& previous = {}) {
    return std::make_unique<ServerInstance>(dir_.path, vault_of(key, previous), clock_);
  }

  base::Result<ops::RotationReport> rotate(std::size_t batch_size = 2) {
    auto db = store::sqlite::SqliteDatabase::open(store::sqlite_path_in(dir_.path.string()));
    return ops::rotate_master_key(*db, *vault_of(new_key_, old_key_), batch_size);
  }

  // Three people, two relationships, answers with notes and intake entries.
  void populate() {
    auto server = start(old_key_);
    alex_ = server->person("Alex", "alex@example.org");
    blake_ = server->person("Blake", "blake@example.org");
    casey_ = server->person("Casey", "casey@example.org");
    rid_ = server->relationship({alex_, blake_}, "Alex and Blake");
    other_rid_ = server->relationship({blake_, casey_}, "Blake and Casey");
    server->answer(alex_, rid_, "hugging", core::Answer::kYes, "with a warning first");
    server->answer(blake_, rid_, "hugging", core::Answer::kMaybe);
    server->answer(casey_, other_rid_, "eye-contact", core::Answer::kNo, "not yet");
    server->intake(alex_, rid_, "gentle mornings", core::Visibility::kPartners);
  }

  TempDir dir_;
  base::ManualClock clock_;
  std::string old_key_, new_key_;
  Person alex_, blake_, casey_;
  std::string rid_, other_rid_;
};

TEST_F(KeyRotation, AfterRotationTheOldKeyOpensNothingAndTheNewKeyEverything) {
  populate();
  auto report = rotate();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->rewrapped, 5);  // three people, two relationships

  auto db = store::sqlite::SqliteDatabase::open(store::sqlite_path_in(dir_.path.string()));
  auto old_vault = vault_of(old_key_);
  auto new_vault = vault_of(new_key_);
  const auto keys = wrapped_keys(*db);
  ASSERT_EQ(keys.size(), 5u);
  for (const auto& key : keys) {
    EXPECT_FALSE(old_vault->unwrap(key.wrapped, key.purpose)) << key.purpose;
    EXPECT_TRUE(new_vault->unwrap(key.wrapped, key.purpose)) << key.purpose;
  }
  EXPECT_EQ(recorded_key_id(*db), new_vault->master_key_id());
  // E-mail blind indexes moved too: the old key finds no account by its address.
  db->transact(store::TxMode::kRead, [&](store::Transaction& tx) {
    for (const auto& email : {alex_.email, blake_.email, casey_.email}) {
      EXPECT_FALSE(tx.query_one("SELECT 1 FROM accounts WHERE email_index = ?",
                                {old_vault->blind_index(email)}));
      EXPECT_TRUE(tx.query_one("SELECT 1 FROM accounts WHERE email_index = ?",
                               {new_vault->blind_index(email)}));
    }
    return true;
  });
  db.reset();

  // A server started with the old key is refused at start; with the new one it serves.
  auto with_old = store::open_store("", dir_.path.string(), old_vault->master_key_id());
  ASSERT_FALSE(with_old);
  EXPECT_NE(with_old.error().message.find(new_vault->master_key_id()), std::string::npos);
  auto checked = store::open_store("", dir_.path.string(), new_vault->master_key_id());
  ASSERT_TRUE(checked) << checked.error().message;
  checked->reset();

  auto server = start(new_key_);
  auto login = server->services.sessions.log_in(alex_.email, alex_.password);
  ASSERT_TRUE(login);
  auto actor = server->services.sessions.authenticate(login->token);
  ASSERT_TRUE(actor);
  auto mine = server->services.boundaries.mine(*actor, rid_);
  ASSERT_TRUE(mine);
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].note, "with a warning first");
  auto profile = server->services.accounts.profile(*actor);
  ASSERT_TRUE(profile);
  EXPECT_EQ(profile->display_name, "Alex");
  auto relationships = server->services.relationships.list(*actor);
  ASSERT_EQ(relationships.size(), 1u);
  EXPECT_EQ(relationships[0].name, "Alex and Blake");
  auto entries = server->services.intake.list(blake_.actor, rid_);
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].text, "gentle mornings");
  auto casey = server->services.boundaries.mine(casey_.actor, other_rid_);
  ASSERT_TRUE(casey);
  EXPECT_EQ((*casey)[0].note, "not yet");
}

TEST_F(KeyRotation, AServerHoldingBothKeysServesBeforeDuringAndAfter) {
  populate();
  auto server = start(new_key_, old_key_);
  // Keys it creates are wrapped under the new key; the old ones still open.
  Person dana = server->person("Dana", "dana@example.org");
  for (const auto& key : wrapped_keys(*server->db)) {
    const bool is_dana = key.purpose == "person:" + dana.id;
    EXPECT_EQ(crypto::Vault::wrapped_key_id(key.wrapped),
              is_dana ? server->vault->master_key_id() : server->vault->previous_master_key_id());
  }
  ASSERT_TRUE(server->services.boundaries.mine(alex_.actor, rid_));
  auto profile = server->services.accounts.profile(dana.actor);
  ASSERT_TRUE(profile);
  EXPECT_EQ(profile->display_name, "Dana");
  ASSERT_TRUE(data_key_kept(KeyOwner::kPerson, alex_.id));

  auto report = rotate(1);  // the server keeps its connections open meanwhile
  ASSERT_TRUE(report) << report.error().message;
  // What this process kept under the old master key went with the rotation.
  EXPECT_FALSE(data_key_kept(KeyOwner::kPerson, alex_.id));
  EXPECT_FALSE(data_key_kept(KeyOwner::kPerson, dana.id));
  EXPECT_EQ(report->rewrapped, 5);
  EXPECT_EQ(report->already_new, 1);  // Dana's
  auto mine = server->services.boundaries.mine(alex_.actor, rid_);
  ASSERT_TRUE(mine);
  EXPECT_EQ((*mine)[0].note, "with a warning first");
  EXPECT_NO_THROW(server->answer(blake_, rid_, "hugging", core::Answer::kYes));
  // E-mail lookups use the new key's blind index, which the rotation moved every account to.
  EXPECT_TRUE(server->services.sessions.log_in(alex_.email, alex_.password));
  EXPECT_TRUE(server->services.sessions.log_in(dana.email, dana.password));
}

// Before the rotation has moved an account, its e-mail is indexed under the old key only:
// the server holding both keys still logs it in and still refuses the address to a newcomer.
TEST_F(KeyRotation, AServerHoldingBothKeysFindsAccountsTheRotationHasNotMovedYet) {
  populate();
  auto server = start(new_key_, old_key_);
  auto login = server->services.sessions.log_in(alex_.email, alex_.password);
  ASSERT_TRUE(login) << login.error().message;
  auto actor = server->services.sessions.authenticate(login->token);
  ASSERT_TRUE(actor);
  EXPECT_EQ(actor->account_id, alex_.id);
  EXPECT_EQ(code_of(server->services.sessions.log_in(alex_.email, "not the password")),
            "invalid_credentials");

  const std::size_t accounts_before = wrapped_keys(*server->db).size();
  SignupInput newcomer;
  newcomer.email = "ALEX@example.org";
  newcomer.password = "another long password";
  newcomer.display_name = "Al";
  newcomer.confirm_adult = true;
  auto taken = server->services.accounts.sign_up(newcomer);
  EXPECT_EQ(code_of(taken), "email_taken");
  EXPECT_EQ(wrapped_keys(*server->db).size(), accounts_before);
}

// A server nobody restarted keeps only the old key. Once the rotation has switched the
// database to the new key, it must not create data keys that only the old key opens:
// those would be lost when the old key is destroyed.
TEST_F(KeyRotation, AServerLeftOnTheOldKeyCreatesNoKeysOnceTheDatabaseMovedOn) {
  populate();
  auto stale = start(old_key_);
  ASSERT_TRUE(rotate());
  const auto keys_before = wrapped_keys(*stale->db).size();
  SignupInput newcomer;
  newcomer.email = "dana@example.org";
  newcomer.password = "a long enough password";
  newcomer.display_name = "Dana";
  newcomer.confirm_adult = true;
  EXPECT_THROW((void)stale->services.accounts.sign_up(newcomer), store::Unavailable);
  EXPECT_THROW((void)stale->services.relationships.create(alex_.actor, "Another"),
               store::Unavailable);
  EXPECT_EQ(wrapped_keys(*stale->db).size(), keys_before);
  // A server with the new key creates them as usual.
  auto fresh = start(new_key_);
  EXPECT_TRUE(fresh->services.accounts.sign_up(newcomer));
}

TEST_F(KeyRotation, RunningAgainFinishesAndChangesNothingMore) {
  populate();
  ASSERT_TRUE(rotate());
  auto db = store::sqlite::SqliteDatabase::open(store::sqlite_path_in(dir_.path.string()));
  const auto after_first = wrapped_keys(*db);
  db.reset();
  auto again = rotate();
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->rewrapped, 0);
  EXPECT_EQ(again->already_new, 5);
  db = store::sqlite::SqliteDatabase::open(store::sqlite_path_in(dir_.path.string()));
  const auto after_second = wrapped_keys(*db);
  ASSERT_EQ(after_first.size(), after_second.size());
  for (std::size_t i = 0; i < after_first.size(); ++i) {
    EXPECT_EQ(after_first[i].wrapped, after_second[i].wrapped);
  }
}

TEST_F(KeyRotation, RefusesADatabaseWrittenUnderNeitherKeyAndChangesNothing) {
  populate();
  auto db = store::sqlite::SqliteDatabase::open(store::sqlite_path_in(dir_.path.string()));
  const auto before = all_rows(*db);
  const std::string stranger = crypto::MasterKey::generate().to_hex();
  auto refused = ops::rotate_master_key(*db, *vault_of(new_key_, stranger));
  EXPECT_EQ(code_of(refused), "invalid_field");
  EXPECT_EQ(all_rows(*db), before);
}

// What a server cannot open is told apart: a data key under a master key it was not given
// is unavailable to it (503, restart it with that key), while a key or field that does not
// open under a key it holds is corruption (500, never retried).
TEST_F(KeyRotation, AKeyUnderAnUnheldMasterKeyIsUnavailableAndADamagedOneIsCorruption) {
  populate();
  auto stale = start(old_key_);
  ASSERT_TRUE(rotate());
  stale->db->transact(store::TxMode::kRead, [&](store::Transaction& tx) {
    EXPECT_THROW((void)Keyring(*stale->vault).key_of(tx, KeyOwner::kPerson, alex_.id),
                 store::Unavailable);
    return true;
  });
  stale.reset();

  auto fresh = start(new_key_);
  fresh->db->transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    const Keyring keyring(*fresh->vault);
    const auto key = keyring.key_of(tx, KeyOwner::kPerson, alex_.id);
    const std::string sealed = keyring.seal(key, alex_.id, "email", alex_.email);
    EXPECT_EQ(keyring.open(key, alex_.id, "email", sealed), alex_.email);
    EXPECT_THROW((void)keyring.open(key, blake_.id, "email", sealed), base::Corruption);
    std::string wrapped =
        tx.query_one("SELECT wrapped_key FROM accounts WHERE id = ?", {alex_.id})->bytes(0);
    wrapped.back() = static_cast<char>(wrapped.back() ^ 0x01);
    tx.execute("UPDATE accounts SET wrapped_key = ? WHERE id = ?",
               {store::blob(wrapped), alex_.id});
    EXPECT_THROW((void)keyring.key_of(tx, KeyOwner::kPerson, alex_.id), base::Corruption);
    return true;
  });
}

}  // namespace
}  // namespace attune::app::testing
