#include "crypto/password.h"

#include <sodium.h>

#include <array>
#include <cstring>
#include <new>

#include "crypto/initialize.h"

namespace attune::crypto {
namespace {

struct Limits {
  unsigned long long ops;
  std::size_t mem;
};

Limits limits_for(PasswordCost cost) {
  switch (cost) {
    case PasswordCost::kTestOnlyFast:
      return {crypto_pwhash_OPSLIMIT_MIN, 8u * 1024u * 1024u};
    case PasswordCost::kInteractive:
      break;
  }
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

using HashBuffer = std::array<char, crypto_pwhash_STRBYTES>;

// libsodium wants a NUL-terminated string in a buffer of STRBYTES; false if it cannot fit.
bool to_hash_buffer(std::string_view stored_hash, HashBuffer& out) {
  out.fill('\0');
  if (stored_hash.size() >= out.size()) return false;
  std::memcpy(out.data(), stored_hash.data(), stored_hash.size());
  return true;
}

}  // namespace

std::string hash_password(std::string_view password, PasswordCost cost) {
  initialize();
  const Limits limits = limits_for(cost);
  HashBuffer out{};
  if (crypto_pwhash_str(out.data(), password.data(), password.size(), limits.ops, limits.mem) !=
      0) {
    throw std::bad_alloc();  // libsodium's only failure here is running out of memory
  }
  return std::string(out.data());
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  initialize();
  HashBuffer hash;
  if (!to_hash_buffer(stored_hash, hash)) return false;
  return crypto_pwhash_str_verify(hash.data(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(std::string_view stored_hash, PasswordCost cost) {
  initialize();
  HashBuffer hash;
  if (!to_hash_buffer(stored_hash, hash)) return true;
  const Limits limits = limits_for(cost);
  return crypto_pwhash_str_needs_rehash(hash.data(), limits.ops, limits.mem) != 0;
}

}  // namespace attune::crypto
