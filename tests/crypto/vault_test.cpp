#include "crypto/vault.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "crypto/seal.h"

namespace attune::crypto {
namespace {

MasterKey key_from(char fill) { return *MasterKey::from_hex(std::string(64, fill)); }

TEST(Vault, ReportsItsMasterKeyId) {
  MasterKey master = key_from('1');
  const std::string id = master.id();
  Vault vault(std::move(master));
  EXPECT_EQ(vault.master_key_id(), id);
}

TEST(Vault, NewDataKeysAreRandom) {
  Vault vault(MasterKey::generate());
  EXPECT_NE(vault.new_data_key().bytes(), vault.new_data_key().bytes());
}

TEST(Vault, WrapUnwrapRoundTrips) {
  Vault vault(MasterKey::generate());
  const SecretKey data_key = vault.new_data_key();
  const std::string wrapped = vault.wrap(data_key, "person:p1");
  EXPECT_EQ(wrapped.size(), Vault::kWrappedSize);
  auto unwrapped = vault.unwrap(wrapped, "person:p1");
  ASSERT_TRUE(unwrapped);
  EXPECT_EQ(unwrapped->bytes(), data_key.bytes());
}

TEST(Vault, WrappedKeyDoesNotContainTheKey) {
  Vault vault(MasterKey::generate());
  const SecretKey data_key = vault.new_data_key();
  EXPECT_EQ(vault.wrap(data_key, "person:p1").find(data_key.bytes()), std::string::npos);
}

TEST(Vault, UnwrapFailsUnderAnotherMasterKey) {
  Vault vault(key_from('1'));
  Vault other(key_from('2'));
  const std::string wrapped = vault.wrap(vault.new_data_key(), "person:p1");
  auto unwrapped = other.unwrap(wrapped, "person:p1");
  ASSERT_FALSE(unwrapped);
  EXPECT_EQ(unwrapped.error().code, base::ErrorCode::invalid_field);
  EXPECT_NE(unwrapped.error().message.find(vault.master_key_id()), std::string::npos);
}

TEST(Vault, UnwrapFailsForWrongPurpose) {
  Vault vault(MasterKey::generate());
  const std::string wrapped = vault.wrap(vault.new_data_key(), "person:p1");
  EXPECT_FALSE(vault.unwrap(wrapped, "person:p2"));
  EXPECT_FALSE(vault.unwrap(wrapped, "relationship:p1"));
  EXPECT_FALSE(vault.unwrap(wrapped, ""));
}

TEST(Vault, UnwrapDetectsTamperingAtEveryByte) {
  Vault vault(MasterKey::generate());
  const std::string wrapped = vault.wrap(vault.new_data_key(), "person:p1");
  for (std::size_t i = 0; i < wrapped.size(); ++i) {
    std::string tampered = wrapped;
    tampered[i] = static_cast<char>(tampered[i] ^ 0x80);
    EXPECT_FALSE(vault.unwrap(tampered, "person:p1")) << "byte " << i;
  }
}

TEST(Vault, UnwrapRefusesMalformedInput) {
  Vault vault(MasterKey::generate());
  const std::string wrapped = vault.wrap(vault.new_data_key(), "p");
  EXPECT_FALSE(vault.unwrap("", "p"));
  EXPECT_FALSE(vault.unwrap(wrapped.substr(0, wrapped.size() - 1), "p"));
  EXPECT_FALSE(vault.unwrap(wrapped + "x", "p"));
}

TEST(Vault, WrappedKeyIdNamesTheWrappingMasterKey) {
  Vault vault(key_from('a'));
  const std::string wrapped = vault.wrap(vault.new_data_key(), "person:p1");
  EXPECT_EQ(Vault::wrapped_key_id(wrapped), vault.master_key_id());
  EXPECT_EQ(Vault::wrapped_key_id(""), "");
  EXPECT_EQ(Vault::wrapped_key_id("garbage"), "");
  std::string other_version = wrapped;
  other_version[0] = 2;
  EXPECT_EQ(Vault::wrapped_key_id(other_version), "");
}

TEST(Vault, RotationRewrapsUnderTheNewMasterKey) {
  Vault old_vault(key_from('1'));
  Vault new_vault(key_from('2'));
  const SecretKey data_key = old_vault.new_data_key();
  const std::string sealed = seal(data_key, "note", field_aad("r", "f"));
  const std::string old_wrapped = old_vault.wrap(data_key, "person:p1");

  ASSERT_EQ(Vault::wrapped_key_id(old_wrapped), old_vault.master_key_id());
  auto unwrapped = old_vault.unwrap(old_wrapped, "person:p1");
  ASSERT_TRUE(unwrapped);
  const std::string new_wrapped = new_vault.wrap(*unwrapped, "person:p1");
  EXPECT_EQ(Vault::wrapped_key_id(new_wrapped), new_vault.master_key_id());

  auto rewrapped_key = new_vault.unwrap(new_wrapped, "person:p1");
  ASSERT_TRUE(rewrapped_key);
  auto opened = open(*rewrapped_key, sealed, field_aad("r", "f"));
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, "note");
}

TEST(Vault, BlindIndexIsDeterministicHex) {
  Vault vault(key_from('3'));
  Vault same(key_from('3'));
  const std::string index = vault.blind_index("alice@example.org");
  EXPECT_EQ(index.size(), 64u);
  EXPECT_EQ(index.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(vault.blind_index("alice@example.org"), index);
  EXPECT_EQ(same.blind_index("alice@example.org"), index);
  EXPECT_NE(vault.blind_index("bob@example.org"), index);
}

TEST(Vault, BlindIndexDiffersAcrossMasterKeys) {
  Vault a(key_from('3'));
  Vault b(key_from('4'));
  EXPECT_NE(a.blind_index("alice@example.org"), b.blind_index("alice@example.org"));
}

TEST(Vault, BlindIndexesListTheCurrentKeysIndexFirstThenThePreviousKeys) {
  Vault single(key_from('4'));
  EXPECT_EQ(single.blind_indexes("alice@example.org"),
            std::vector<std::string>{single.blind_index("alice@example.org")});
  Vault rotating(key_from('4'), key_from('3'));
  EXPECT_EQ(rotating.blind_index("alice@example.org"), single.blind_index("alice@example.org"));
  EXPECT_EQ(rotating.blind_indexes("alice@example.org"),
            (std::vector<std::string>{single.blind_index("alice@example.org"),
                                      Vault(key_from('3')).blind_index("alice@example.org")}));
}

TEST(Vault, HoldsItsCurrentKeyAndDuringARotationThePreviousOne) {
  Vault single(key_from('4'));
  Vault rotating(key_from('4'), key_from('3'));
  const std::string current = single.master_key_id();
  const std::string previous = Vault(key_from('3')).master_key_id();
  EXPECT_TRUE(single.holds_key(current));
  EXPECT_FALSE(single.holds_key(previous));
  EXPECT_FALSE(single.holds_key(""));
  EXPECT_TRUE(rotating.holds_key(current));
  EXPECT_TRUE(rotating.holds_key(previous));
  EXPECT_FALSE(rotating.holds_key(Vault(key_from('5')).master_key_id()));
}

TEST(Vault, BlindIndexIsNotAPlainHashOfTheValue) {
  Vault vault(key_from('3'));
  const std::string index = vault.blind_index("alice@example.org");
  EXPECT_EQ(index.find("alice"), std::string::npos);
}

TEST(Vault, DerivedSubkeysAreStableAndSeparated) {
  Vault vault(key_from('5'));
  Vault other(key_from('6'));
  const SecretKey k = vault.derive_subkey(1, "idemscop");
  EXPECT_EQ(vault.derive_subkey(1, "idemscop").bytes(), k.bytes());
  EXPECT_NE(vault.derive_subkey(2, "idemscop").bytes(), k.bytes());
  EXPECT_NE(vault.derive_subkey(1, "otheruse").bytes(), k.bytes());
  EXPECT_NE(other.derive_subkey(1, "idemscop").bytes(), k.bytes());
  EXPECT_NE(k.bytes(), std::string(SecretKey::kSize, '\0'));
}

TEST(Vault, IsSafeToUseFromManyThreads) {
  const Vault vault(MasterKey::generate());
  const std::string expected_index = vault.blind_index("x@example.org");
  std::vector<std::thread> threads;
  std::vector<int> failures(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&vault, &failures, &expected_index, t] {
      for (int i = 0; i < 200; ++i) {
        const SecretKey key = vault.new_data_key();
        const std::string purpose = "person:" + std::to_string(t);
        auto back = vault.unwrap(vault.wrap(key, purpose), purpose);
        if (!back || back->bytes() != key.bytes()) ++failures[t];
        if (vault.blind_index("x@example.org") != expected_index) ++failures[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

}  // namespace
}  // namespace attune::crypto
