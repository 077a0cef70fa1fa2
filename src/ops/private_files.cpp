#include "ops/private_files.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace attune::ops {
namespace {

base::Error io_failure(const std::string& what, const std::string& path) {
  return {base::ErrorCode::internal, what + " " + path + ": " + std::strerror(errno)};
}

}  // namespace

base::Result<std::unique_ptr<ScratchFile>> ScratchFile::create(const std::string& dir,
                                                               const std::string& prefix) {
  std::string pattern = (std::filesystem::path(dir) / (prefix + "XXXXXX")).string();
  const int fd = ::mkstemp(pattern.data());  // mode 0600
  if (fd < 0) return std::unexpected(io_failure("cannot create a scratch file in", dir));
  ::close(fd);
  return std::unique_ptr<ScratchFile>(new ScratchFile(std::move(pattern)));
}

ScratchFile::~ScratchFile() {
  if (kept_) return;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
    std::remove((path_ + suffix).c_str());
  }
}

base::Status create_private_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return base::fail(base::ErrorCode::conflict, path + " already exists");
    return std::unexpected(io_failure("cannot create", path));
  }
  ::close(fd);
  return {};
}

base::Status sync_path(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::unexpected(io_failure("cannot open", path));
  const int synced = ::fsync(fd);
  ::close(fd);
  if (synced != 0) return std::unexpected(io_failure("cannot sync", path));
  return {};
}

base::Status durable_rename(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) {
    return std::unexpected(io_failure("cannot move " + from + " to", to));
  }
  auto dir = std::filesystem::path(to).parent_path();
  return sync_path(dir.empty() ? "." : dir.string());
}

}  // namespace attune::ops
