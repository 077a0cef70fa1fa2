// Idempotency-Key support: the first response to (caller, method, path, key) is kept,
// sealed, for a day; a retry with the same body gets it back and writes nothing.
#pragma once

#include <optional>
#include <string>

#include "app/context.h"
#include "core/error.h"

namespace attune::app {

struct StoredResponse {
  int status = 0;
  std::string body;
};

class Idempotency {
 public:
  explicit Idempotency(Context& context);

  // nullopt when the key is new; the stored response for a replay; an error when the key
  // was used with another body.
  core::Result<std::optional<StoredResponse>> find(std::string_view caller, std::string_view method,
                                                   std::string_view path, std::string_view key,
                                                   std::string_view body);
  void remember(std::string_view caller, std::string_view method, std::string_view path,
                std::string_view key, std::string_view body, const StoredResponse& response);

 private:
  std::string scope_of(std::string_view caller, std::string_view method, std::string_view path,
                       std::string_view key) const;

  Context& context_;
  crypto::SecretKey sealing_key_;
};

}  // namespace attune::app
