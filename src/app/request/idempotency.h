// Idempotency-Key support: a write carrying a key first claims (caller, method, path, key),
// so copies of it arriving at the same moment cannot both run; the claim is marked in the
// same commit as the request's write, and its response is then kept for a day, sealed
// under the caller's own data key (deleting the account shreds it). A retry with the same
// body gets the response back and writes nothing — also after a crash between the write and
// the keeping of its response, and also when its first copy outlived its lease.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <variant>

#include "app/context.h"
#include "base/error.h"

namespace attune::app {

// Thrown from a write's commit when a retry of the same request took its Idempotency-Key
// over meanwhile: the write is abandoned so it runs once. Answered as busy (503), so the
// client retries and is given the retry's outcome.
struct RequestSuperseded : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct StoredResponse {
  int status = 0;
  std::string body;
};

// The key, held by the request that is running it.
struct Claim {
  std::string caller;  // an account id, or "anonymous"
  std::string scope;   // keyed hash of (caller, method, path, key)
  // Tells this holder from a retry that took the key over after the lease: a write whose
  // claim was taken over is rolled back rather than applied a second time.
  std::string token;
};

class Idempotency {
 public:
  explicit Idempotency(Context& context);

  // A Claim when the key was free and is now this request's: the caller runs it and then
  // calls finish() or release(). The kept response when an earlier copy already ran.
  // idempotency_key_reused when the key was used with another body; busy (Retry-After)
  // while another copy still runs; idempotency_outcome_unknown when an earlier copy wrote
  // but its answer was lost.
  base::Result<std::variant<StoredResponse, Claim>> claim(std::string_view caller,
                                                          std::string_view method,
                                                          std::string_view path,
                                                          std::string_view key,
                                                          std::string_view body);
  // The request's CommitHook: marks the claim as written inside each of the request's
  // write transactions, and throws (rolling the write back) if a retry has taken the claim
  // over meanwhile.
  store::CommitHook mark_written(const Claim& claim) const;
  // Keeps the request's response for its retries.
  void finish(const Claim& claim, const StoredResponse& response);
  // Gives up a claim whose request failed before writing, so a retry runs.
  void release(const Claim& claim);

 private:
  std::int64_t ttl_ms() const;
  std::string seal(store::Transaction& tx, const Claim& claim,
                   const StoredResponse& response) const;
  StoredResponse open(store::Transaction& tx, std::string_view caller, std::string_view scope,
                      const std::string& sealed) const;

  Context& context_;
  crypto::SecretKey anonymous_key_;  // for sign-up, which has no account yet
};

}  // namespace attune::app
