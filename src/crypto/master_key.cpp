#include "crypto/master_key.h"

#include <sodium.h>
#include <sys/stat.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "crypto/hex.h"
#include "crypto/initialize.h"
#include "crypto/key_file.h"

namespace attune::crypto {
namespace {

using base::ErrorCode;

// Wipes a string that held key material once it goes out of scope.
struct WipeOnExit {
  std::string& s;
  ~WipeOnExit() { sodium_memzero(s.data(), s.size()); }
};

std::string_view trim_trailing_whitespace(std::string_view s) {
  while (!s.empty() &&
         (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

// A keyed hash of a fixed label under the key itself: anyone holding the key can recompute
// it, nobody can go back from it to the key.
std::string compute_id(const SecretKey& key) {
  static constexpr std::string_view kLabel = "attune master key id v1";
  std::array<unsigned char, 8> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(kLabel.data()), kLabel.size(),
                     key.data(), key.kSize);
  return attune::crypto::to_hex({reinterpret_cast<const char*>(digest.data()), digest.size()});
}

base::Status ensure_private_directory(const std::string& dir) {
  if (::mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST) return {};
  if (errno != ENOENT) {
    return base::fail(ErrorCode::internal,
                      "cannot create data directory " + dir + ": " + std::strerror(errno));
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return base::fail(ErrorCode::internal,
                      "cannot create data directory " + dir + ": " + ec.message());
  }
  ::chmod(dir.c_str(), 0700);
  return {};
}

base::Result<MasterKey> read_key_file(const std::string& path, bool require_private) {
  auto contents = key_file::read(path, require_private);
  if (!contents) return std::unexpected(std::move(contents.error()));
  WipeOnExit wipe{*contents};
  auto key = MasterKey::from_hex(trim_trailing_whitespace(*contents));
  if (!key) {
    return base::fail(ErrorCode::invalid_field, path + " must hold 64 hex characters");
  }
  return key;
}

const char* non_empty_env(const char* name) {
  const char* value = std::getenv(name);
  return (value != nullptr && *value != '\0') ? value : nullptr;
}

}  // namespace

MasterKey::MasterKey(SecretKey key) : key_(std::move(key)), id_(compute_id(key_)) {}

base::Result<MasterKey> MasterKey::from_hex(std::string_view hex64) {
  initialize();
  if (hex64.size() != 2 * SecretKey::kSize) {
    return base::fail(ErrorCode::invalid_field, "a master key is 64 hex characters");
  }
  // Decode straight into the key's own storage so no unwiped copy is left behind.
  SecretKey key;
  size_t written = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(key.mutable_data(), SecretKey::kSize, hex64.data(), hex64.size(), nullptr,
                     &written, &end) != 0 ||
      written != SecretKey::kSize || end != hex64.data() + hex64.size()) {
    return base::fail(ErrorCode::invalid_field, "a master key is 64 hex characters");
  }
  return MasterKey(std::move(key));
}

base::Result<MasterKey> MasterKey::load_file(const std::string& path) {
  return read_key_file(path, /*require_private=*/false);
}

base::Result<MasterKey> MasterKey::load_or_create(const std::string& data_dir) {
  ATTUNE_TRY(ensure_private_directory(data_dir));
  const std::string path = (std::filesystem::path(data_dir) / kFileName).string();
  auto loaded = read_key_file(path, /*require_private=*/true);
  if (loaded || loaded.error().code != ErrorCode::not_found) return loaded;

  MasterKey fresh = generate();
  // Encoded in place (no temporaries) so the only copy of the hex is the one we wipe.
  std::string hex(2 * SecretKey::kSize + 1, '\0');
  WipeOnExit wipe{hex};
  sodium_bin2hex(hex.data(), hex.size(), fresh.key().data(), SecretKey::kSize);
  hex.back() = '\n';
  auto created = key_file::create_exclusive(path, hex);
  if (created) return fresh;
  // Another process created it first: theirs is the key, since it may already be in use.
  if (created.error().code == ErrorCode::conflict) return read_key_file(path, true);
  return base::error_of(created);
}

base::Result<MasterKey> MasterKey::resolve(const std::string& data_dir, bool allow_create) {
  if (const char* hex = non_empty_env(kEnvHex)) {
    auto key = from_hex(trim_trailing_whitespace(hex));
    if (!key) {
      return base::fail(ErrorCode::invalid_field,
                        std::string(kEnvHex) + " must be 64 hex characters");
    }
    return key;
  }
  if (const char* path = non_empty_env(kEnvFile)) return load_file(path);
  if (allow_create) return load_or_create(data_dir);
  return base::fail(ErrorCode::invalid_field,
                    std::string("no master key: set ") + kEnvHex + " (64 hex) or " + kEnvFile);
}

MasterKey MasterKey::generate() { return MasterKey(SecretKey::random()); }

std::string MasterKey::to_hex() const { return attune::crypto::to_hex(key_.bytes()); }

}  // namespace attune::crypto
