// A new, empty database of one backend ("sqlite" in a temporary file, "postgres" in the
// test cluster) that a test can open as often as it likes; SQLite's file is deleted after.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace attune::store::testing {

class FreshDatabase {
 public:
  // For "postgres" this starts the shared test cluster if it is not running yet.
  explicit FreshDatabase(std::string backend);
  ~FreshDatabase();
  FreshDatabase(const FreshDatabase&) = delete;
  FreshDatabase& operator=(const FreshDatabase&) = delete;

  // Opens the database through the backend's own open(), which applies migrations.
  std::unique_ptr<Database> open() const;
  // The SQLite file path or the PostgreSQL URL.
  const std::string& location() const { return location_; }

 private:
  std::string backend_;
  std::string temp_dir_;  // SQLite only
  std::string location_;
};

}  // namespace attune::store::testing
