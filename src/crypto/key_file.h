// Small-file I/O for the master key file: reading with a permission check, and creating a
// file 0600 atomically without ever overwriting an existing key.
#pragma once

#include <string>
#include <string_view>

#include "base/error.h"

namespace attune::crypto::key_file {

// Files larger than this are not key files; refusing them bounds what we read into memory.
inline constexpr std::size_t kMaxBytes = 4096;

// Reads the whole file. not_found if it does not exist; invalid_field if it is not a regular
// file, is too large, or (when require_private) grants any group/other permission bit;
// internal on other I/O errors. The caller owns the contents and should wipe them.
base::Result<std::string> read(const std::string& path, bool require_private);

// Creates path with mode 0600 holding contents, durably (file and directory fsynced). The
// file appears complete or not at all. conflict if path already exists.
base::Status create_exclusive(const std::string& path, std::string_view contents);

}  // namespace attune::crypto::key_file
