#include "store/postgres/postgres_params.h"

#include <climits>

#include "store/database.h"
#include "store/postgres/postgres_types.h"

namespace attune::store::postgres {

BoundParams::BoundParams(const Params& params, int parameter_count) {
  if (params.size() > static_cast<std::size_t>(parameter_count)) {
    throw Unavailable("the statement takes " + std::to_string(parameter_count) +
                      " parameters but " + std::to_string(params.size()) + " were given");
  }
  const auto count = static_cast<std::size_t>(parameter_count);
  integers_.resize(count);
  // Unknown type, no value: a NULL whose type the server infers from where it is used.
  types_.assign(count, kUnknownOid);
  values_.assign(count, nullptr);
  lengths_.assign(count, 0);
  formats_.assign(count, 0);
  for (std::size_t i = 0; i < params.size(); ++i) bind(params[i], i);
}

void BoundParams::bind(const Value& value, std::size_t index) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    integers_[index] = std::to_string(*integer);
    types_[index] = kInt8Oid;
    values_[index] = integers_[index].c_str();
  } else if (const auto* text = std::get_if<std::string>(&value)) {
    // Text parameters travel as C strings, so a NUL would silently cut the value short.
    if (text->find('\0') != std::string::npos) {
      throw Unavailable("a text parameter holds a NUL byte, which PostgreSQL text cannot store");
    }
    // Left untyped, like a string literal, so the column it meets decides its type.
    values_[index] = text->c_str();
  } else if (const auto* bytes = std::get_if<Blob>(&value)) {
    if (bytes->bytes.size() > static_cast<std::size_t>(INT_MAX)) {
      throw Unavailable("a blob parameter is larger than libpq can send");
    }
    types_[index] = kByteaOid;
    values_[index] = bytes->bytes.data();
    lengths_[index] = static_cast<int>(bytes->bytes.size());
    formats_[index] = 1;  // binary: the bytes as they are, NULs included
  }
}

}  // namespace attune::store::postgres
