// The one storage interface. Backends (sqlite/, postgres/) implement Database and
// Transaction; everything above speaks portable SQL with `?` placeholders through it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include "base/error.h"
#include "store/value.h"

namespace attune::store {

// The backend could not do it just now (server down, connection lost, lock wait timed
// out, disk full): trying again later may succeed, so the API answers 503 busy.
struct Unavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A unique or primary key refused a write through execute(), which expects none: a bug in
// the caller, which should have checked first or used execute_unique. Nothing catches it
// (the API answers 500).
struct UnexpectedDuplicate : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class TxMode { kRead, kWrite };

class Transaction {
 public:
  explicit Transaction(TxMode mode) : mode_(mode) {}
  virtual ~Transaction() = default;
  virtual std::vector<Row> query(std::string_view sql, const Params& params = {}) = 0;
  // Returns the number of rows changed.
  virtual std::int64_t execute(std::string_view sql, const Params& params = {}) = 0;
  // For a write that a unique or primary key may refuse as expected (an e-mail already
  // taken): the number of rows changed, or nullopt when a unique key refused it. Either
  // way the transaction carries on as if the statement had not run.
  virtual std::optional<std::int64_t> execute_unique(std::string_view sql,
                                                     const Params& params = {}) = 0;
  // A write transaction first runs this thread's CommitHook, if one is installed.
  void commit();

  std::optional<Row> query_one(std::string_view sql, const Params& params = {});

 protected:
  virtual void commit_now() = 0;

 private:
  TxMode mode_;
};

// Work added to every write transaction this thread commits while the hook is installed,
// inside that same commit. The HTTP layer marks an Idempotency-Key's claim as written this
// way, so a crash between a write and the keeping of its response cannot let a retry run
// the write a second time. One hook per thread at a time.
class CommitHook {
 public:
  explicit CommitHook(std::function<void(Transaction&)> work);
  ~CommitHook();
  CommitHook(const CommitHook&) = delete;
  CommitHook& operator=(const CommitHook&) = delete;

  static void run(Transaction& tx);
};

class Database {
 public:
  virtual ~Database() = default;
  // A transaction that rolls back unless commit() is called. Write transactions are
  // serialized; read transactions see a consistent snapshot.
  virtual std::unique_ptr<Transaction> begin(TxMode mode) = 0;
  virtual std::string_view dialect() const = 0;  // "sqlite" or "postgres"
  // Makes deleted content unrecoverable from the backend's files (WAL checkpoint etc.).
  virtual void scrub_after_delete() = 0;

  // Runs fn in one transaction and commits when it succeeds: a base::Result with a value,
  // or any other return type. An error result or an exception rolls back.
  template <class F>
  auto transact(TxMode mode, F&& fn) -> std::invoke_result_t<F, Transaction&> {
    auto tx = begin(mode);
    auto result = fn(*tx);
    if constexpr (requires { result.has_value(); }) {
      if (!result.has_value()) return result;
    }
    tx->commit();
    return result;
  }
};

}  // namespace attune::store
