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

// Two write transactions collided and the backend undid this one so that the writes that
// commit stay equivalent to running one at a time (PostgreSQL's serialization failure or
// deadlock). Running the whole transaction again is safe and normally succeeds:
// Database::transact does so; anyone else answers it like Unavailable (503 busy).
struct SerializationConflict : Unavailable {
  using Unavailable::Unavailable;
};

enum class TxMode { kRead, kWrite };

class Transaction;

// Work that must commit together with a write, inside the same transaction: the HTTP layer
// marks an Idempotency-Key's claim as written this way, so a crash between a write and the
// keeping of its response cannot let a retry run the write a second time. A hook that
// throws rolls the write back.
using CommitHook = std::function<void(Transaction&)>;

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
  // A write transaction first runs its CommitHook, if it was given one.
  void commit();

  std::optional<Row> query_one(std::string_view sql, const Params& params = {});

 protected:
  virtual void commit_now() = 0;

 private:
  friend class Database;
  TxMode mode_;
  CommitHook on_commit_;
};

class Database {
 public:
  virtual ~Database() = default;
  // A transaction that rolls back unless commit() is called. Write transactions behave as
  // if run one at a time (a backend may undo one with SerializationConflict to keep it so);
  // read transactions see a consistent snapshot of committed writes.
  virtual std::unique_ptr<Transaction> begin(TxMode mode) = 0;
  virtual std::string_view dialect() const = 0;  // "sqlite" or "postgres"
  // Makes deleted content unrecoverable from the backend's files (WAL checkpoint etc.).
  virtual void scrub_after_delete() = 0;

  // A write transaction whose commit runs on_commit inside it first.
  std::unique_ptr<Transaction> begin_write(CommitHook on_commit) {
    auto tx = begin(TxMode::kWrite);
    tx->on_commit_ = std::move(on_commit);
    return tx;
  }

  // Runs fn in one transaction and commits when it succeeds: a base::Result with a value,
  // or any other return type. An error result or an exception rolls back. A write's
  // on_commit commits with it. After a SerializationConflict the whole transaction runs
  // again (at most kAttempts times in all), so fn must change nothing outside the
  // transaction that a second run would not set afresh.
  template <class F>
  auto transact(TxMode mode, F&& fn, CommitHook on_commit = {})
      -> std::invoke_result_t<F, Transaction&> {
    for (int attempt = 1;; ++attempt) {
      try {
        return transact_once(mode, fn, on_commit);
      } catch (const SerializationConflict&) {
        if (attempt == kAttempts) throw;
      }
    }
  }

  static constexpr int kAttempts = 10;

 private:
  template <class F>
  auto transact_once(TxMode mode, F& fn, const CommitHook& on_commit)
      -> std::invoke_result_t<F, Transaction&> {
    auto tx = mode == TxMode::kWrite ? begin_write(on_commit) : begin(mode);
    auto result = fn(*tx);
    if constexpr (requires { result.has_value(); }) {
      if (!result.has_value()) return result;
    }
    tx->commit();
    return result;
  }
};

}  // namespace attune::store
