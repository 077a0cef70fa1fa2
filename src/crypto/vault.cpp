#include "crypto/vault.h"

#include <sodium.h>

#include <array>

#include "crypto/hex.h"
#include "crypto/initialize.h"

namespace attune::crypto {
namespace {

using base::ErrorCode;

constexpr std::size_t kIdBytes = 8;
constexpr std::size_t kHeaderBytes = 1 + kIdBytes;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(Vault::kWrappedSize == kHeaderBytes + kNonceBytes + SecretKey::kSize + kTagBytes);
static_assert(crypto_kdf_KEYBYTES == SecretKey::kSize);
static_assert(crypto_kdf_CONTEXTBYTES == 8);

const unsigned char* bytes_of(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// Binding the header as well as the purpose means the version and key id cannot be edited
// without breaking authentication.
std::string wrap_aad(std::string_view header, std::string_view purpose) {
  std::string aad(header);
  aad.append(purpose);
  return aad;
}

SecretKey derive(const SecretKey& parent, uint64_t id, const char context[8]) {
  initialize();
  SecretKey sub;
  crypto_kdf_derive_from_key(sub.mutable_data(), SecretKey::kSize, id, context, parent.data());
  return sub;
}

std::string keyed_hash(std::string_view value, const SecretKey& key) {
  std::array<unsigned char, 32> digest{};
  crypto_generichash(digest.data(), digest.size(), bytes_of(value), value.size(), key.data(),
                     SecretKey::kSize);
  return to_hex({reinterpret_cast<const char*>(digest.data()), digest.size()});
}

}  // namespace

Vault::Vault(MasterKey master)
    : master_(std::move(master)),
      wrap_key_(derive(master_.key(), 1, "wrapkey_")),
      blind_index_key_(derive(master_.key(), 1, "blindidx")) {}

Vault::Vault(MasterKey master, MasterKey previous) : Vault(std::move(master)) {
  previous_wrap_key_ = derive(previous.key(), 1, "wrapkey_");
  previous_blind_index_key_ = derive(previous.key(), 1, "blindidx");
  previous_.emplace(std::move(previous));
}

std::string Vault::previous_master_key_id() const { return previous_ ? previous_->id() : ""; }

bool Vault::holds_key(std::string_view key_id) const {
  return key_id == master_.id() || (previous_ && key_id == previous_->id());
}

SecretKey Vault::new_data_key() const { return SecretKey::random(); }

std::string Vault::wrap(const SecretKey& data_key, std::string_view purpose) const {
  const auto id = from_hex(master_.id());  // always 16 valid hex chars
  std::string out(kWrappedSize, '\0');
  out[0] = static_cast<char>(kWrapVersion);
  out.replace(1, kIdBytes, *id);
  auto* nonce = reinterpret_cast<unsigned char*>(out.data() + kHeaderBytes);
  randombytes_buf(nonce, kNonceBytes);
  const std::string aad = wrap_aad(std::string_view(out).substr(0, kHeaderBytes), purpose);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kNonceBytes, &written, data_key.data(),
                                             SecretKey::kSize, bytes_of(aad), aad.size(), nullptr,
                                             nonce, wrap_key_.data());
  return out;
}

base::Result<SecretKey> Vault::unwrap(std::string_view wrapped, std::string_view purpose) const {
  const std::string key_id = wrapped_key_id(wrapped);
  if (key_id.empty()) {
    return base::fail(ErrorCode::invalid_field, "not a wrapped key");
  }
  const bool under_previous = previous_ && key_id == previous_->id();
  if (key_id != master_.id() && !under_previous) {
    return base::fail(ErrorCode::invalid_field,
                      "key is wrapped under master key " + key_id + ", not " + master_.id());
  }
  const SecretKey& wrap_key = under_previous ? previous_wrap_key_ : wrap_key_;
  const std::string aad = wrap_aad(wrapped.substr(0, kHeaderBytes), purpose);
  const unsigned char* nonce = bytes_of(wrapped) + kHeaderBytes;
  SecretKey key;
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          key.mutable_data(), &written, nullptr, nonce + kNonceBytes, SecretKey::kSize + kTagBytes,
          bytes_of(aad), aad.size(), nonce, wrap_key.data()) != 0 ||
      written != SecretKey::kSize) {
    return base::fail(ErrorCode::internal, "wrapped key failed authentication");
  }
  return key;
}

std::string Vault::wrapped_key_id(std::string_view wrapped) {
  if (wrapped.size() != kWrappedSize || static_cast<unsigned char>(wrapped[0]) != kWrapVersion) {
    return "";
  }
  return to_hex(wrapped.substr(1, kIdBytes));
}

std::string Vault::blind_index(std::string_view value) const {
  return keyed_hash(value, blind_index_key_);
}

std::vector<std::string> Vault::blind_indexes(std::string_view value) const {
  std::vector<std::string> indexes{blind_index(value)};
  if (previous_) indexes.push_back(keyed_hash(value, previous_blind_index_key_));
  return indexes;
}

SecretKey Vault::derive_subkey(uint64_t id, const char context[8]) const {
  return derive(master_.key(), id, context);
}

}  // namespace attune::crypto
