// MasterKey: the root of the key hierarchy (it wraps every data key), and how the server
// finds it: environment, key file, or a key created on first run in the data directory.
#pragma once

#include <string>
#include <string_view>

#include "base/error.h"
#include "crypto/secret.h"

namespace attune::crypto {

class MasterKey {
 public:
  static constexpr const char* kEnvHex = "ATTUNE_MASTER_KEY";
  static constexpr const char* kEnvFile = "ATTUNE_MASTER_KEY_FILE";
  static constexpr const char* kFileName = "master.key";

  // invalid_field unless hex64 is exactly 64 hex characters.
  static base::Result<MasterKey> from_hex(std::string_view hex64);
  // The file holds 64 hex characters; trailing whitespace (a newline) is ignored. Permissions
  // are not checked here: mounted secrets (e.g. Kubernetes) are often 0644 symlinks.
  static base::Result<MasterKey> load_file(const std::string& path);
  // <data_dir>/master.key, created 0600 with a random key if absent (data_dir is created 0700
  // if missing). An existing file with any group/other permission is refused.
  static base::Result<MasterKey> load_or_create(const std::string& data_dir);
  // ATTUNE_MASTER_KEY (hex), then ATTUNE_MASTER_KEY_FILE, then load_or_create(data_dir) only
  // if allow_create. A set-but-invalid variable is an error, never a fall-through. Without
  // allow_create (PostgreSQL) an explicit key is required: invalid_field if none is set.
  static base::Result<MasterKey> resolve(const std::string& data_dir, bool allow_create);
  static MasterKey generate();

  // 16 hex chars from a keyed hash: stable for a key, distinct across keys, reveals nothing.
  const std::string& id() const { return id_; }
  // The key itself, for writing a key file or showing it once to an operator.
  std::string to_hex() const;
  const SecretKey& key() const { return key_; }

 private:
  explicit MasterKey(SecretKey key);

  SecretKey key_;
  std::string id_;
};

}  // namespace attune::crypto
