#include "crypto/key_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

#include "crypto/hex.h"

namespace attune::crypto::key_file {
namespace {

using base::ErrorCode;

std::string describe(const std::string& what, const std::string& path, int err) {
  return what + " " + path + ": " + std::strerror(err);
}

// Closes on scope exit so every early return releases the descriptor.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

base::Status write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return base::fail(ErrorCode::internal, std::strerror(errno));
    data.remove_prefix(static_cast<size_t>(n));
  }
  return {};
}

base::Status fsync_directory_of(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0 || ::fsync(fd.get()) != 0) {
    return base::fail(ErrorCode::internal, describe("cannot sync directory", dir, errno));
  }
  return {};
}

base::Status write_private_file(const std::string& path, std::string_view contents) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (fd.get() < 0) {
    return base::fail(ErrorCode::internal, describe("cannot create", path, errno));
  }
  // The umask can only narrow 0600, but be explicit about the exact mode we promise.
  if (::fchmod(fd.get(), 0600) != 0) {
    return base::fail(ErrorCode::internal, describe("cannot chmod", path, errno));
  }
  if (auto written = write_all(fd.get(), contents); !written) return written;
  if (::fsync(fd.get()) != 0 || ::close(fd.release()) != 0) {
    return base::fail(ErrorCode::internal, describe("cannot sync", path, errno));
  }
  return {};
}

}  // namespace

base::Result<std::string> read(const std::string& path, bool require_private) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    const int err = errno;
    return base::fail(err == ENOENT ? ErrorCode::not_found : ErrorCode::internal,
                      describe("cannot open", path, err));
  }
  // fstat on the open descriptor, so the file we check is the file we read.
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return base::fail(ErrorCode::internal, describe("cannot stat", path, errno));
  }
  if (!S_ISREG(st.st_mode)) {
    return base::fail(ErrorCode::invalid_field, path + " is not a regular file");
  }
  if (require_private && (st.st_mode & 077) != 0) {
    return base::fail(ErrorCode::invalid_field,
                      path + " must not be accessible by group or others (chmod 600 it)");
  }
  if (st.st_size < 0 || static_cast<std::size_t>(st.st_size) > kMaxBytes) {
    return base::fail(ErrorCode::invalid_field, path + " is too large to be a key file");
  }
  std::string contents(kMaxBytes + 1, '\0');
  std::size_t used = 0;
  while (used < contents.size()) {
    const ssize_t n = ::read(fd.get(), contents.data() + used, contents.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      sodium_memzero(contents.data(), contents.size());
      return base::fail(ErrorCode::internal, describe("cannot read", path, errno));
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  if (used > kMaxBytes) {
    sodium_memzero(contents.data(), contents.size());
    return base::fail(ErrorCode::invalid_field, path + " is too large to be a key file");
  }
  contents.resize(used);  // bytes past `used` were never written, so wiping size() suffices
  return contents;
}

base::Status create_exclusive(const std::string& path, std::string_view contents) {
  // Write a private temporary file, then hard-link it into place: link() never replaces an
  // existing file, so two processes racing to create the key cannot clobber each other, and
  // a crash mid-write leaves no half-written key under the real name.
  std::array<unsigned char, 8> salt{};
  randombytes_buf(salt.data(), salt.size());
  const std::string tmp =
      path + ".tmp-" + to_hex({reinterpret_cast<const char*>(salt.data()), salt.size()});
  if (auto written = write_private_file(tmp, contents); !written) {
    ::unlink(tmp.c_str());
    return written;
  }
  const int linked = ::link(tmp.c_str(), path.c_str());
  const int link_err = errno;
  ::unlink(tmp.c_str());
  if (linked != 0) {
    return base::fail(link_err == EEXIST ? ErrorCode::conflict : ErrorCode::internal,
                      describe("cannot create", path, link_err));
  }
  return fsync_directory_of(path);
}

}  // namespace attune::crypto::key_file
