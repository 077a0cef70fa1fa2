// Files the operator tools write beside the database: private scratch files that never
// outlive the tool, and the fsyncs that make a rename durable.
#pragma once

#include <memory>
#include <string>

#include "base/error.h"

namespace attune::ops {

// A file created 0600 with a unique name in a given directory (the data dir, which is
// itself private) and removed, with any SQLite journal or WAL beside it, when this goes
// away. A process killed outright leaves it behind: it lives only where the database
// itself lives and is no more readable than the database.
class ScratchFile {
 public:
  // internal if the file cannot be created.
  static base::Result<std::unique_ptr<ScratchFile>> create(const std::string& dir,
                                                           const std::string& prefix);
  ~ScratchFile();
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  const std::string& path() const { return path_; }
  // The file was renamed into place: nothing to remove any more.
  void keep() { kept_ = true; }

 private:
  explicit ScratchFile(std::string path) : path_(std::move(path)) {}

  std::string path_;
  bool kept_ = false;
};

// Creates `path` 0600 exclusively (never replacing an existing file) and empty.
base::Status create_private_file(const std::string& path);
// fsync of a file or directory, so a write or a rename survives a crash.
base::Status sync_path(const std::string& path);
// Renames `from` over `to` and syncs the directory holding `to`.
base::Status durable_rename(const std::string& from, const std::string& to);

}  // namespace attune::ops
