#include "app/request/idempotency.h"

#include "base/corruption.h"
#include "crypto/seal.h"
#include "crypto/tokens.h"

namespace attune::app {
namespace {

constexpr std::uint64_t kSealingSubkeyId = 1;
constexpr char kSealingContext[8] = {'i', 'd', 'e', 'm', 'p', 'o', 't', 'k'};
constexpr std::string_view kAnonymous = "anonymous";

// How long a claim without a response holds its key. A request runs for well under a
// second; a claim this old belongs to a server that died mid-request, and a retry takes
// it over rather than waiting out the day.
constexpr std::int64_t kClaimLeaseMs = 30'000;

// The response column holds one of three things. The two markers are plain text of 40
// bytes (a prefix and a 32-character token); a sealed response is at least 44 (nonce, tag
// and "200\n"), so they cannot be mistaken for one another.
constexpr std::string_view kClaimedPrefix = "claimed:";  // running, nothing written yet
constexpr std::string_view kWrittenPrefix = "written:";  // its write committed, no answer kept
constexpr std::size_t kMarkerMaxSize = 40;

std::string claimed_mark(const Claim& claim) { return std::string(kClaimedPrefix) + claim.token; }
std::string written_mark(const Claim& claim) { return std::string(kWrittenPrefix) + claim.token; }

bool is_marker(std::string_view stored, std::string_view prefix) {
  // An empty column is a claim made before claims carried a token.
  if (stored.empty()) return prefix == kClaimedPrefix;
  return stored.size() <= kMarkerMaxSize && stored.starts_with(prefix);
}

std::string encode(const StoredResponse& response) {
  return std::to_string(response.status) + '\n' + response.body;
}

StoredResponse decode(const std::string& text) {
  auto newline = text.find('\n');
  return {std::stoi(text.substr(0, newline)), text.substr(newline + 1)};
}

base::Error busy() {
  base::Error error{base::ErrorCode::busy,
                    "This request is still being processed. Please try again in a moment."};
  error.retry_after_seconds = 1;
  return error;
}

// Replaces the record's column with `value` if this holder still has the key (under
// either marker: a request may commit several writes before it finishes); the number of
// rows changed, 0 when a retry took the key over.
std::int64_t replace_if_held(store::Transaction& tx, const Claim& claim, const std::string& value) {
  return tx.execute(
      "UPDATE idempotency_records SET response_sealed = ? WHERE scope_hash = ? AND "
      "(response_sealed = ? OR response_sealed = ?)",
      {store::blob(value), claim.scope, store::blob(claimed_mark(claim)),
       store::blob(written_mark(claim))});
}

}  // namespace

Idempotency::Idempotency(Context& context)
    : context_(context),
      anonymous_key_(context.vault.derive_subkey(kSealingSubkeyId, kSealingContext)) {}

std::int64_t Idempotency::ttl_ms() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(context_.config.idempotency_ttl)
      .count();
}

std::string Idempotency::seal(store::Transaction& tx, const Claim& claim,
                              const StoredResponse& response) const {
  if (claim.caller == kAnonymous) {
    return crypto::seal(anonymous_key_, encode(response),
                        crypto::field_aad(claim.scope, "response"));
  }
  const auto key = context_.keyring.key_of(tx, KeyOwner::kPerson, claim.caller);
  return context_.keyring.seal(key, claim.scope, "response", encode(response));
}

StoredResponse Idempotency::open(store::Transaction& tx, std::string_view caller,
                                 std::string_view scope, const std::string& sealed) const {
  if (caller == kAnonymous) {
    auto plain = crypto::open(anonymous_key_, sealed, crypto::field_aad(scope, "response"));
    if (!plain) throw base::Corruption("an idempotency record does not open");
    return decode(*plain);
  }
  const auto key = context_.keyring.key_of(tx, KeyOwner::kPerson, caller);
  return decode(context_.keyring.open(key, scope, "response", sealed));
}

base::Result<std::variant<StoredResponse, Claim>> Idempotency::claim(std::string_view caller,
                                                                     std::string_view method,
                                                                     std::string_view path,
                                                                     std::string_view key,
                                                                     std::string_view body) {
  using Outcome = base::Result<std::variant<StoredResponse, Claim>>;
  Claim claim{std::string(caller),
              context_.vault.blind_index(std::string(caller) + '\x1f' + std::string(method) +
                                         '\x1f' + std::string(path) + '\x1f' + std::string(key)),
              crypto::random_id()};
  const std::string request_hash = context_.vault.blind_index(body);
  const auto now = context_.now_ms();
  // One write transaction, so of two copies arriving together exactly one claims the key.
  return context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> Outcome {
    auto row = tx.query_one(
        "SELECT request_hash, response_sealed, created_at FROM idempotency_records WHERE "
        "scope_hash = ? AND created_at > ?",
        {claim.scope, now - ttl_ms()});
    if (row) {
      if (row->text(0) != request_hash) {
        return base::fail(base::ErrorCode::idempotency_key_reused,
                          "This Idempotency-Key was already used with a different request.");
      }
      const std::string stored = row->bytes(1);
      const bool within_lease = row->integer(2) > now - kClaimLeaseMs;
      if (is_marker(stored, kWrittenPrefix)) {
        if (within_lease) return std::unexpected(busy());
        // The copy that ran it wrote, then died (or failed) before keeping its answer.
        return base::fail(base::ErrorCode::idempotency_outcome_unknown,
                          "This request was carried out, but its answer was lost. Please "
                          "reload to see the result.");
      }
      if (!is_marker(stored, kClaimedPrefix)) return open(tx, caller, claim.scope, stored);
      if (within_lease) return std::unexpected(busy());
      // A claim without a write whose server died: this retry takes it over.
    }
    tx.execute("DELETE FROM idempotency_records WHERE scope_hash = ? OR created_at <= ?",
               {claim.scope, now - ttl_ms()});
    tx.execute(
        "INSERT INTO idempotency_records (scope_hash, request_hash, response_sealed, created_at) "
        "VALUES (?,?,?,?)",
        {claim.scope, request_hash, store::blob(claimed_mark(claim)), now});
    return claim;
  });
}

store::CommitHook Idempotency::mark_written(const Claim& claim) const {
  return [claim](store::Transaction& tx) {
    if (replace_if_held(tx, claim, written_mark(claim)) == 0) {
      throw RequestSuperseded("a retry took this request's Idempotency-Key over; not writing");
    }
  };
}

void Idempotency::finish(const Claim& claim, const StoredResponse& response) {
  context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    return replace_if_held(tx, claim, seal(tx, claim, response));
  });
}

void Idempotency::release(const Claim& claim) {
  context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    return tx.execute(
        "DELETE FROM idempotency_records WHERE scope_hash = ? AND response_sealed = ?",
        {claim.scope, store::blob(claimed_mark(claim))});
  });
}

}  // namespace attune::app
