#include "app/idempotency.h"

#include "crypto/seal.h"

namespace attune::app {
namespace {

constexpr std::uint64_t kSealingSubkeyId = 1;
constexpr char kSealingContext[8] = {'i', 'd', 'e', 'm', 'p', 'o', 't', 'k'};

std::string encode(const StoredResponse& response) {
  return std::to_string(response.status) + '\n' + response.body;
}

StoredResponse decode(const std::string& text) {
  auto newline = text.find('\n');
  return {std::stoi(text.substr(0, newline)), text.substr(newline + 1)};
}

}  // namespace

Idempotency::Idempotency(Context& context)
    : context_(context), sealing_key_(context.vault.derive_subkey(kSealingSubkeyId, kSealingContext)) {}

std::string Idempotency::scope_of(std::string_view caller, std::string_view method,
                                  std::string_view path, std::string_view key) const {
  return context_.vault.blind_index(std::string(caller) + '\x1f' + std::string(method) + '\x1f' +
                                    std::string(path) + '\x1f' + std::string(key));
}

core::Result<std::optional<StoredResponse>> Idempotency::find(std::string_view caller,
                                                             std::string_view method,
                                                             std::string_view path,
                                                             std::string_view key,
                                                             std::string_view body) {
  const std::string scope = scope_of(caller, method, path, key);
  const auto ttl_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(context_.config.idempotency_ttl).count();
  auto tx = context_.db.begin(store::TxMode::kRead);
  auto row = tx->query_one(
      "SELECT request_hash, response_sealed FROM idempotency_records WHERE scope_hash = ? AND "
      "created_at > ?",
      {scope, context_.now_ms() - ttl_ms});
  if (!row) return std::optional<StoredResponse>();
  if (row->text(0) != context_.vault.blind_index(body)) {
    return core::fail(core::ErrorCode::idempotency_key_reused,
                      "This Idempotency-Key was already used with a different request.");
  }
  auto plain = crypto::open(sealing_key_, row->bytes(1), crypto::field_aad(scope, "response"));
  if (!plain) throw store::StoreFailure("an idempotency record does not open");
  return std::optional<StoredResponse>(decode(*plain));
}

void Idempotency::remember(std::string_view caller, std::string_view method, std::string_view path,
                           std::string_view key, std::string_view body,
                           const StoredResponse& response) {
  const std::string scope = scope_of(caller, method, path, key);
  const auto now = context_.now_ms();
  const auto ttl_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(context_.config.idempotency_ttl).count();
  context_.db.transact(store::TxMode::kWrite, [&](store::Transaction& tx) {
    tx.execute("DELETE FROM idempotency_records WHERE scope_hash = ? OR created_at <= ?",
               {scope, now - ttl_ms});
    tx.execute(
        "INSERT INTO idempotency_records (scope_hash, request_hash, response_sealed, created_at) "
        "VALUES (?,?,?,?)",
        {scope, context_.vault.blind_index(body),
         store::blob(crypto::seal(sealing_key_, encode(response), crypto::field_aad(scope, "response"))),
         now});
    return true;
  });
}

}  // namespace attune::app
