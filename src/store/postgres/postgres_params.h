// The libpq parameter arrays for one statement, built from store::Value parameters:
// integers as int8 text, strings as text of an inferred type, blobs as binary bytea.
#pragma once

#include <libpq-fe.h>

#include <string>
#include <vector>

#include "store/value.h"

namespace attune::store::postgres {

class BoundParams {
 public:
  // Throws Unavailable when more values are given than the statement numbers, or a
  // string cannot travel as PostgreSQL text (it holds a NUL byte). Missing trailing values
  // are NULL, as in SQLite.
  BoundParams(const Params& params, int parameter_count);
  BoundParams(const BoundParams&) = delete;
  BoundParams& operator=(const BoundParams&) = delete;

  int count() const { return static_cast<int>(values_.size()); }
  const Oid* types() const { return types_.data(); }
  const char* const* values() const { return values_.data(); }
  const int* lengths() const { return lengths_.data(); }
  const int* formats() const { return formats_.data(); }

 private:
  void bind(const Value& value, std::size_t index);

  std::vector<std::string> integers_;  // the text form of integer parameters, by index
  std::vector<Oid> types_;
  std::vector<const char*> values_;
  std::vector<int> lengths_;
  std::vector<int> formats_;
};

}  // namespace attune::store::postgres
