#include "crypto/master_key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "test_support.h"

namespace attune::crypto {
namespace {

using testing::ScopedEnv;
using testing::TempDir;

const std::string kHexA(64, 'a');
const std::string kHexB = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

void write_file(const std::string& path, const std::string& contents, mode_t mode) {
  std::ofstream(path, std::ios::binary) << contents;
  ASSERT_EQ(::chmod(path.c_str(), mode), 0);
}

mode_t mode_of(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0);
  return st.st_mode & 07777;
}

TEST(MasterKey, FromHexRoundTrips) {
  auto key = MasterKey::from_hex(kHexB);
  ASSERT_TRUE(key);
  EXPECT_EQ(key->to_hex(), kHexB);
}

TEST(MasterKey, FromHexAcceptsUpperCase) {
  auto key =
      MasterKey::from_hex("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789");
  ASSERT_TRUE(key);
  EXPECT_EQ(key->to_hex(), "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
}

TEST(MasterKey, FromHexRefusesBadHexAndLength) {
  for (const std::string& bad :
       {std::string(), std::string(63, 'a'), std::string(65, 'a'), std::string(62, 'a') + "zz",
        std::string(62, 'a') + " a", std::string(128, 'a')}) {
    auto key = MasterKey::from_hex(bad);
    ASSERT_FALSE(key) << bad;
    EXPECT_EQ(key.error().code, base::ErrorCode::invalid_field);
  }
}

TEST(MasterKey, IdIsShortStableAndRevealsNothing) {
  auto a = MasterKey::from_hex(kHexB);
  auto again = MasterKey::from_hex(kHexB);
  auto other = MasterKey::from_hex(kHexA);
  ASSERT_TRUE(a && again && other);
  EXPECT_EQ(a->id().size(), 16u);
  EXPECT_EQ(a->id().find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(a->id(), again->id());
  EXPECT_NE(a->id(), other->id());
  EXPECT_EQ(kHexB.find(a->id()), std::string::npos);
}

TEST(MasterKey, GeneratedKeysDiffer) {
  EXPECT_NE(MasterKey::generate().to_hex(), MasterKey::generate().to_hex());
}

TEST(MasterKey, LoadFileAcceptsTrailingNewline) {
  TempDir dir;
  write_file(dir.file("k"), kHexB + "\n", 0600);
  auto key = MasterKey::load_file(dir.file("k"));
  ASSERT_TRUE(key);
  EXPECT_EQ(key->to_hex(), kHexB);

  write_file(dir.file("k2"), kHexB, 0644);  // mounted secrets are often world-readable
  auto bare = MasterKey::load_file(dir.file("k2"));
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->to_hex(), kHexB);
}

TEST(MasterKey, LoadFileRefusesBadContentAndMissingFile) {
  TempDir dir;
  write_file(dir.file("bad"), "not a key\n", 0600);
  auto bad = MasterKey::load_file(dir.file("bad"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, base::ErrorCode::invalid_field);

  write_file(dir.file("huge"), std::string(10000, 'a'), 0600);
  EXPECT_FALSE(MasterKey::load_file(dir.file("huge")));

  EXPECT_FALSE(MasterKey::load_file(dir.file("absent")));
  EXPECT_FALSE(MasterKey::load_file(dir.str()));  // a directory
}

TEST(MasterKey, LoadOrCreateCreatesAPrivateFileAndReloadsIt) {
  TempDir dir;
  auto created = MasterKey::load_or_create(dir.str());
  ASSERT_TRUE(created) << created.error().message;
  const std::string path = dir.file("master.key");
  ASSERT_TRUE(std::filesystem::exists(path));
  EXPECT_EQ(mode_of(path), 0600u);

  auto reloaded = MasterKey::load_or_create(dir.str());
  ASSERT_TRUE(reloaded);
  EXPECT_EQ(reloaded->to_hex(), created->to_hex());
  EXPECT_EQ(reloaded->id(), created->id());

  auto via_file = MasterKey::load_file(path);
  ASSERT_TRUE(via_file);
  EXPECT_EQ(via_file->to_hex(), created->to_hex());

  // No temporary files are left beside the key.
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    ++entries;
  }
  EXPECT_EQ(entries, 1);
}

TEST(MasterKey, LoadOrCreateCreatesAMissingDataDirectory) {
  TempDir dir;
  const std::string data_dir = dir.file("nested/data");
  auto created = MasterKey::load_or_create(data_dir);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_TRUE(std::filesystem::exists(data_dir + "/master.key"));
}

TEST(MasterKey, LoadOrCreateKeepsAnExistingKey) {
  TempDir dir;
  write_file(dir.file("master.key"), kHexB + "\n", 0600);
  auto key = MasterKey::load_or_create(dir.str());
  ASSERT_TRUE(key);
  EXPECT_EQ(key->to_hex(), kHexB);
}

TEST(MasterKey, LoadOrCreateRefusesGroupOrOtherPermissions) {
  for (const mode_t mode : {0640u, 0604u, 0660u, 0644u, 0610u}) {
    TempDir dir;
    write_file(dir.file("master.key"), kHexB + "\n", mode);
    auto key = MasterKey::load_or_create(dir.str());
    ASSERT_FALSE(key) << std::oct << mode;
    EXPECT_EQ(key.error().code, base::ErrorCode::invalid_field);
    // The refused file is left untouched, never replaced by a new key.
    EXPECT_EQ(mode_of(dir.file("master.key")), mode);
  }
}

TEST(MasterKey, LoadOrCreateRefusesACorruptKeyRatherThanReplacingIt) {
  TempDir dir;
  write_file(dir.file("master.key"), "abc\n", 0600);
  EXPECT_FALSE(MasterKey::load_or_create(dir.str()));
  std::ifstream in(dir.file("master.key"));
  std::string contents((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(contents, "abc\n");
}

class MasterKeyResolve : public ::testing::Test {
 protected:
  TempDir dir_;
  ScopedEnv hex_{MasterKey::kEnvHex, std::nullopt};
  ScopedEnv file_{MasterKey::kEnvFile, std::nullopt};
};

TEST_F(MasterKeyResolve, PrefersTheHexVariable) {
  write_file(dir_.file("k"), kHexA + "\n", 0600);
  ScopedEnv hex(MasterKey::kEnvHex, kHexB);
  ScopedEnv file(MasterKey::kEnvFile, dir_.file("k"));
  auto key = MasterKey::resolve(dir_.str(), true);
  ASSERT_TRUE(key);
  EXPECT_EQ(key->to_hex(), kHexB);
  EXPECT_FALSE(std::filesystem::exists(dir_.file("master.key")));
}

TEST_F(MasterKeyResolve, ThenTheFileVariable) {
  write_file(dir_.file("k"), kHexA + "\n", 0644);
  ScopedEnv file(MasterKey::kEnvFile, dir_.file("k"));
  auto key = MasterKey::resolve(dir_.str(), false);
  ASSERT_TRUE(key);
  EXPECT_EQ(key->to_hex(), kHexA);
  EXPECT_FALSE(std::filesystem::exists(dir_.file("master.key")));
}

TEST_F(MasterKeyResolve, ThenCreatesInTheDataDirectoryWhenAllowed) {
  auto key = MasterKey::resolve(dir_.str(), true);
  ASSERT_TRUE(key) << key.error().message;
  EXPECT_EQ(mode_of(dir_.file("master.key")), 0600u);
  auto again = MasterKey::resolve(dir_.str(), true);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->id(), key->id());
}

TEST_F(MasterKeyResolve, RefusesWithoutAnExplicitKeyWhenCreationIsNotAllowed) {
  auto key = MasterKey::resolve(dir_.str(), false);
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().code, base::ErrorCode::invalid_field);
  EXPECT_FALSE(std::filesystem::exists(dir_.file("master.key")));
}

TEST_F(MasterKeyResolve, TreatsEmptyVariablesAsUnset) {
  ScopedEnv hex(MasterKey::kEnvHex, "");
  ScopedEnv file(MasterKey::kEnvFile, "");
  EXPECT_FALSE(MasterKey::resolve(dir_.str(), false));
}

TEST_F(MasterKeyResolve, AnInvalidVariableIsAnErrorNotAFallThrough) {
  ScopedEnv hex(MasterKey::kEnvHex, "nothex");
  auto key = MasterKey::resolve(dir_.str(), true);
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().code, base::ErrorCode::invalid_field);
  EXPECT_FALSE(std::filesystem::exists(dir_.file("master.key")));
}

TEST_F(MasterKeyResolve, AMissingKeyFileIsAnError) {
  ScopedEnv file(MasterKey::kEnvFile, dir_.file("absent"));
  EXPECT_FALSE(MasterKey::resolve(dir_.str(), true));
  EXPECT_FALSE(std::filesystem::exists(dir_.file("master.key")));
}

TEST(ScopedEnvSupport, RestoresThePreviousValue) {
  ::setenv("ATTUNE_CRYPTO_TEST_VAR", "before", 1);
  {
    ScopedEnv env("ATTUNE_CRYPTO_TEST_VAR", "during");
    EXPECT_STREQ(std::getenv("ATTUNE_CRYPTO_TEST_VAR"), "during");
  }
  EXPECT_STREQ(std::getenv("ATTUNE_CRYPTO_TEST_VAR"), "before");
  ::unsetenv("ATTUNE_CRYPTO_TEST_VAR");
}

}  // namespace
}  // namespace attune::crypto
