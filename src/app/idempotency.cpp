#include "app/idempotency.h"

#include "crypto/seal.h"

namespace attune::app {
namespace {

constexpr std::uint64_t kSealingSubkeyId = 1;
constexpr char kSealingContext[8] = {'i', 'd', 'e', 'm', 'p', 'o', 't', 'k'};

// How long a claim without a response holds its key. A request runs for well under a
// second; a claim this old belongs to a server that died mid-request, and a retry takes
// it over rather than waiting out the day.
constexpr std::int64_t kClaimLeaseMs = 30'000;

// A claim's response column stays empty until finish(); a sealed response never is.
constexpr const char* kFindRecord =
    "SELECT request_hash, response_sealed, created_at FROM idempotency_records WHERE "
    "scope_hash = ? AND created_at > ?";

// The mark a claim gets in the same commit as its request's write: status 0 is never a
// real response, it says "written, answer not kept yet".
constexpr int kWrittenMark = 0;

std::string encode(const StoredResponse& response) {
  return std::to_string(response.status) + '\n' + response.body;
}

StoredResponse decode(const std::string& text) {
  auto newline = text.find('\n');
  return {std::stoi(text.substr(0, newline)), text.substr(newline + 1)};
}

}  // namespace

Idempotency::Idempotency(Context& context)
    : context_(context),
      sealing_key_(context.vault.derive_subkey(kSealingSubkeyId, kSealingContext)) {}

std::string Idempotency::scope_of(std::string_view caller, std::string_view method,
                                  std::string_view path, std::string_view key) const {
  return context_.vault.blind_index(std::string(caller) + '\x1f' + std::string(method) + '\x1f' +
                                    std::string(path) + '\x1f' + std::string(key));
}

std::int64_t Idempotency::ttl_ms() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(context_.config.idempotency_ttl)
      .count();
}

core::Result<std::optional<StoredResponse>> Idempotency::claim(std::string_view caller,
                                                               std::string_view method,
                                                               std::string_view path,
                                                               std::string_view key,
                                                               std::string_view body) {
  using Outcome = core::Result<std::optional<StoredResponse>>;
  const std::string scope = scope_of(caller, method, path, key);
  const std::string request_hash = context_.vault.blind_index(body);
  const auto now = context_.now_ms();
  // One write transaction, so of two copies arriving together exactly one claims the key.
  return context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) -> Outcome {
    if (auto row = tx.query_one(kFindRecord, {scope, now - ttl_ms()})) {
      if (row->text(0) != request_hash) {
        return core::fail(core::ErrorCode::idempotency_key_reused,
                          "This Idempotency-Key was already used with a different request.");
      }
      const std::string sealed = row->bytes(1);
      std::optional<StoredResponse> stored;
      if (!sealed.empty()) {
        auto plain = crypto::open(sealing_key_, sealed, crypto::field_aad(scope, "response"));
        if (!plain) throw store::StoreFailure("an idempotency record does not open");
        stored = decode(*plain);
        if (stored->status != kWrittenMark) return stored;
      }
      const bool running = row->integer(2) > now - kClaimLeaseMs;
      if (stored && !running) {
        // The server that ran it died between the write and keeping the answer.
        return core::fail(core::ErrorCode::idempotency_outcome_unknown,
                          "This request was carried out, but its answer was lost. Please "
                          "reload to see the result.");
      }
      if (running) {
        core::Error busy{core::ErrorCode::busy,
                         "This request is still being processed. Please try again in a moment."};
        busy.retry_after_seconds = 1;
        return std::unexpected(std::move(busy));
      }
    }
    tx.execute("DELETE FROM idempotency_records WHERE scope_hash = ? OR created_at <= ?",
               {scope, now - ttl_ms()});
    tx.execute(
        "INSERT INTO idempotency_records (scope_hash, request_hash, response_sealed, created_at) "
        "VALUES (?,?,?,?)",
        {scope, request_hash, store::blob(""), now});
    return std::optional<StoredResponse>();
  });
}

std::function<void(store::Transaction&)> Idempotency::mark_written(std::string_view caller,
                                                                   std::string_view method,
                                                                   std::string_view path,
                                                                   std::string_view key) const {
  const std::string scope = scope_of(caller, method, path, key);
  const std::string sealed =
      crypto::seal(sealing_key_, encode({kWrittenMark, ""}), crypto::field_aad(scope, "response"));
  return [scope, sealed](store::Transaction& tx) {
    tx.execute(
        "UPDATE idempotency_records SET response_sealed = ? WHERE scope_hash = ? AND "
        "length(response_sealed) = 0",
        {store::blob(sealed), scope});
  };
}

void Idempotency::finish(std::string_view caller, std::string_view method, std::string_view path,
                         std::string_view key, const StoredResponse& response) {
  const std::string scope = scope_of(caller, method, path, key);
  const std::string sealed =
      crypto::seal(sealing_key_, encode(response), crypto::field_aad(scope, "response"));
  context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    return tx.execute("UPDATE idempotency_records SET response_sealed = ? WHERE scope_hash = ?",
                      {store::blob(sealed), scope});
  });
}

void Idempotency::release(std::string_view caller, std::string_view method, std::string_view path,
                          std::string_view key) {
  const std::string scope = scope_of(caller, method, path, key);
  context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    return tx.execute(
        "DELETE FROM idempotency_records WHERE scope_hash = ? AND length(response_sealed) = 0",
        {scope});
  });
}

}  // namespace attune::app
