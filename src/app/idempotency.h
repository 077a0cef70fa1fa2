// Idempotency-Key support: a write carrying a key first claims (caller, method, path, key),
// so copies of it arriving at the same moment cannot both run; its response is then kept,
// sealed, for a day, and a retry with the same body gets it back and writes nothing. A
// claim is marked in the same commit as the request's write, so a crash before the
// response is kept still never lets the write run twice.
#pragma once

#include <functional>
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

  // nullopt when the key was free and is now claimed for this request: the caller runs it
  // and then calls finish() or release(). The stored response when it already ran.
  // idempotency_key_reused when the key was used with another body; busy (Retry-After)
  // while another request with this key is still running.
  core::Result<std::optional<StoredResponse>> claim(std::string_view caller,
                                                    std::string_view method, std::string_view path,
                                                    std::string_view key, std::string_view body);
  // Work for store::CommitHook while the claimed request runs: marks the claim as written
  // inside the request's own write, so if the server dies before finish(), a retry learns
  // that the write happened instead of running it again.
  std::function<void(store::Transaction&)> mark_written(std::string_view caller,
                                                        std::string_view method,
                                                        std::string_view path,
                                                        std::string_view key) const;
  // Keeps the claimed request's response for its retries.
  void finish(std::string_view caller, std::string_view method, std::string_view path,
              std::string_view key, const StoredResponse& response);
  // Gives up a claim whose request failed without an answer worth keeping, so a retry runs.
  void release(std::string_view caller, std::string_view method, std::string_view path,
               std::string_view key);

 private:
  std::string scope_of(std::string_view caller, std::string_view method, std::string_view path,
                       std::string_view key) const;
  std::int64_t ttl_ms() const;

  Context& context_;
  crypto::SecretKey sealing_key_;
};

}  // namespace attune::app
