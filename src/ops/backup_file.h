// The encrypted backup file: a short plaintext header (magic, format version, what kind of
// database it holds, the master key id, when it was taken), then the database sealed as
// one secretstream under a key derived from the master key. Nothing in it is readable
// without that master key, and the header cannot be edited undetected.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/error.h"
#include "crypto/vault.h"

namespace attune::ops {

enum class BackupSource : unsigned char {
  kSqlite = 1,    // a SQLite database file
  kPostgres = 2,  // a pg_dump custom-format archive
};

struct BackupHeader {
  static constexpr std::string_view kMagic = "ATTUNEBK";
  static constexpr unsigned char kVersion = 1;
  // magic | version | source | master key id (16 hex) | taken at (ms, big-endian) |
  // subkey id (big-endian)
  static constexpr std::size_t kSize = 8 + 1 + 1 + 16 + 8 + 8;

  BackupSource source = BackupSource::kSqlite;
  std::string master_key_id;
  std::int64_t taken_at_ms = 0;  // before the snapshot began, so it errs early
  std::uint64_t subkey_id = 0;   // random: every backup is sealed under its own key

  std::string encode() const;
  // invalid_field unless `bytes` starts with a well-formed header of a known version.
  static base::Result<BackupHeader> decode(std::string_view bytes);
};

// Seals the plaintext file at plain_path into out_path. out_path must not exist: it is
// written as out_path + ".partial" (0600) and renamed into place once complete and synced.
base::Status seal_backup_file(const crypto::Vault& vault, const BackupHeader& header,
                              const std::string& plain_path, const std::string& out_path);

// The header alone, without opening anything.
base::Result<BackupHeader> read_backup_header(const std::string& in_path);

// Opens a backup into plain_path (an existing private file, truncated first). Refuses,
// writing nothing, a backup taken under another master key id (invalid_field, naming
// both ids); invalid_field too when anything in it was altered or cut off, in which case
// plain_path may hold a verified prefix that the caller must discard.
base::Result<BackupHeader> open_backup_file(const crypto::Vault& vault, const std::string& in_path,
                                            const std::string& plain_path);

}  // namespace attune::ops
