#include "store/request_reads.h"

namespace attune::store {
namespace {

thread_local RequestReadScope* current_scope = nullptr;

// The scope's read transaction as seen by one caller: committing or dropping it leaves the
// transaction open for the rest of the request; the scope ends it.
class SharedRead final : public Transaction {
 public:
  explicit SharedRead(std::shared_ptr<Transaction> read)
      : Transaction(TxMode::kRead), read_(std::move(read)) {}

  std::vector<Row> query(std::string_view sql, const Params& params) override {
    return read_->query(sql, params);
  }
  std::int64_t execute(std::string_view sql, const Params& params) override {
    return read_->execute(sql, params);
  }
  std::optional<std::int64_t> execute_unique(std::string_view sql, const Params& params) override {
    return read_->execute_unique(sql, params);
  }

 protected:
  void commit_now() override {}

 private:
  std::shared_ptr<Transaction> read_;
};

}  // namespace

RequestReads::RequestReads(std::unique_ptr<Database> owned)
    : owned_(std::move(owned)), inner_(*owned_) {}

RequestReads::RequestReads(Database& inner) : inner_(inner) {}

std::unique_ptr<Transaction> RequestReads::begin(TxMode mode) {
  RequestReadScope* scope = current_scope;
  if (scope == nullptr || scope->db_ != this) return inner_.begin(mode);
  if (mode == TxMode::kWrite) {
    scope->read_.reset();
    return inner_.begin(mode);
  }
  if (!scope->read_) scope->read_ = inner_.begin(TxMode::kRead);
  return std::make_unique<SharedRead>(scope->read_);
}

RequestReadScope::RequestReadScope(Database& db) : db_(&db), outer_(current_scope) {
  current_scope = this;
}

RequestReadScope::~RequestReadScope() { current_scope = outer_; }

}  // namespace attune::store
