#include "ops/backup_file.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "crypto/stream_seal.h"
#include "ops/private_files.h"

namespace attune::ops {
namespace {

using base::ErrorCode;

// crypto_kdf context for backup keys; the vault's own contexts are "wrapkey_" and "blindidx".
constexpr char kBackupContext[8] = {'b', 'a', 'c', 'k', 'u', 'p', '_', '_'};

void put_u64(std::string& out, std::uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((value >> shift) & 0xff));
}

std::uint64_t get_u64(std::string_view bytes) {
  std::uint64_t value = 0;
  for (unsigned char c : bytes.substr(0, 8)) value = (value << 8) | c;
  return value;
}

bool is_key_id(std::string_view text) {
  if (text.size() != 16) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

base::Error not_a_backup() { return {ErrorCode::invalid_field, "this is not an attune backup"}; }

}  // namespace

std::string BackupHeader::encode() const {
  std::string out(kMagic);
  out.push_back(static_cast<char>(kVersion));
  out.push_back(static_cast<char>(source));
  out.append(master_key_id);
  put_u64(out, static_cast<std::uint64_t>(taken_at_ms));
  put_u64(out, subkey_id);
  return out;
}

base::Result<BackupHeader> BackupHeader::decode(std::string_view bytes) {
  if (bytes.size() < kSize || bytes.substr(0, kMagic.size()) != kMagic) {
    return std::unexpected(not_a_backup());
  }
  if (static_cast<unsigned char>(bytes[8]) != kVersion) {
    return base::fail(ErrorCode::invalid_field,
                      "this backup has format version " +
                          std::to_string(static_cast<unsigned char>(bytes[8])) +
                          "; this attune reads version " + std::to_string(kVersion));
  }
  const auto source = static_cast<unsigned char>(bytes[9]);
  if (source != static_cast<unsigned char>(BackupSource::kSqlite) &&
      source != static_cast<unsigned char>(BackupSource::kPostgres)) {
    return std::unexpected(not_a_backup());
  }
  BackupHeader header;
  header.source = static_cast<BackupSource>(source);
  header.master_key_id = std::string(bytes.substr(10, 16));
  if (!is_key_id(header.master_key_id)) return std::unexpected(not_a_backup());
  header.taken_at_ms = static_cast<std::int64_t>(get_u64(bytes.substr(26, 8)));
  header.subkey_id = get_u64(bytes.substr(34, 8));
  return header;
}

base::Status seal_backup_file(const crypto::Vault& vault, const BackupHeader& header,
                              const std::string& plain_path, const std::string& out_path) {
  if (header.master_key_id != vault.master_key_id()) {
    return base::fail(ErrorCode::internal, "a backup header must name the vault's master key");
  }
  if (std::filesystem::exists(out_path)) {
    return base::fail(ErrorCode::conflict, out_path + " already exists; choose another file");
  }
  const std::string partial = out_path + ".partial";
  std::remove(partial.c_str());  // a leftover of an interrupted run: sealed, hence harmless
  if (auto ok = create_private_file(partial); !ok) return ok;
  const std::string encoded = header.encode();
  base::Status sealed;
  {
    std::ifstream in(plain_path, std::ios::binary);
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!in || !out) {
      sealed = base::fail(ErrorCode::internal, "cannot open the files to seal the backup");
    } else {
      out.write(encoded.data(), static_cast<std::streamsize>(encoded.size()));
      auto key = vault.derive_subkey(header.subkey_id, kBackupContext);
      sealed = crypto::seal_stream(key, encoded, in, out);
    }
  }
  if (sealed) sealed = sync_path(partial);
  if (sealed) sealed = durable_rename(partial, out_path);
  if (!sealed) std::remove(partial.c_str());
  return sealed;
}

base::Result<BackupHeader> read_backup_header(const std::string& in_path) {
  std::ifstream in(in_path, std::ios::binary);
  if (!in) return base::fail(ErrorCode::not_found, "cannot read " + in_path);
  std::string bytes(BackupHeader::kSize, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return BackupHeader::decode(bytes);
}

base::Result<BackupHeader> open_backup_file(const crypto::Vault& vault, const std::string& in_path,
                                            const std::string& plain_path) {
  auto header = read_backup_header(in_path);
  if (!header) return header;
  if (header->master_key_id != vault.master_key_id()) {
    return base::fail(ErrorCode::invalid_field,
                      "this backup was made under master key " + header->master_key_id +
                          "; the key given here is " + vault.master_key_id());
  }
  std::ifstream in(in_path, std::ios::binary);
  std::ofstream out(plain_path, std::ios::binary | std::ios::trunc);
  if (!in || !out)
    return base::fail(ErrorCode::internal, "cannot open the files to read the backup");
  in.seekg(static_cast<std::streamoff>(BackupHeader::kSize));
  auto key = vault.derive_subkey(header->subkey_id, kBackupContext);
  if (auto ok = crypto::open_stream(key, header->encode(), in, out); !ok) {
    if (ok.error().code == ErrorCode::invalid_field) {
      return base::fail(ErrorCode::invalid_field,
                        "the backup " + in_path + " was altered or cut short; it cannot be used");
    }
    return base::error_of(ok);
  }
  return header;
}

}  // namespace attune::ops
