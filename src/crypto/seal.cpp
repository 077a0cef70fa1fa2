#include "crypto/seal.h"

#include <sodium.h>

#include "crypto/initialize.h"

namespace attune::crypto {
namespace {

constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(kSealOverhead == kNonceBytes + kTagBytes);
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == SecretKey::kSize);

const unsigned char* bytes_of(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

std::string field_aad(std::string_view record_id, std::string_view field) {
  std::string aad;
  aad.reserve(record_id.size() + 1 + field.size());
  aad.append(record_id);
  aad.push_back('\x1f');
  aad.append(field);
  return aad;
}

std::string seal(const SecretKey& key, std::string_view plaintext, std::string_view aad) {
  initialize();
  std::string out(kNonceBytes + plaintext.size() + kTagBytes, '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, kNonceBytes);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kNonceBytes, &written, bytes_of(plaintext),
                                             plaintext.size(), bytes_of(aad), aad.size(), nullptr,
                                             nonce, key.data());
  return out;
}

base::Result<std::string> open(const SecretKey& key, std::string_view sealed,
                               std::string_view aad) {
  if (sealed.size() < kSealOverhead) {
    return base::fail(base::ErrorCode::internal, "sealed value is truncated");
  }
  initialize();
  std::string plaintext(sealed.size() - kSealOverhead, '\0');
  unsigned long long written = 0;
  const unsigned char* nonce = bytes_of(sealed);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plaintext.data()),
                                                 &written, nullptr, nonce + kNonceBytes,
                                                 sealed.size() - kNonceBytes, bytes_of(aad),
                                                 aad.size(), nonce, key.data()) != 0) {
    return base::fail(base::ErrorCode::internal, "sealed value failed authentication");
  }
  return plaintext;
}

}  // namespace attune::crypto
