// Password hashing with Argon2id (libsodium crypto_pwhash_str). Hashing is deliberately slow
// (~0.1 s, 64 MiB): run it off the I/O threads.
#pragma once

#include <string>
#include <string_view>

namespace attune::crypto {

enum class PasswordCost {
  kInteractive,   // production: OPSLIMIT/MEMLIMIT_INTERACTIVE
  kTestOnlyFast,  // only under the server's test flag: opslimit MIN, 8 MiB
};

// A self-describing "$argon2id$..." string (parameters and salt included). Throws
// std::bad_alloc if the memory for the hash cannot be had.
std::string hash_password(std::string_view password, PasswordCost cost);

// False for a wrong password and for anything that is not a valid stored hash.
bool verify_password(std::string_view stored_hash, std::string_view password);

// True when stored_hash was made with other parameters than cost (or is not a valid hash):
// after a successful login, hash the password again and store the result.
bool password_needs_rehash(std::string_view stored_hash, PasswordCost cost);

}  // namespace attune::crypto
