// One read transaction per request (issue 13 item 2). While a RequestReadScope is open on a
// thread, every read transaction that thread begins on a RequestReads database is one and
// the same, so a request's session check and its use case read one snapshot in one
// transaction. A write transaction begun meanwhile ends the shared read, so whatever the
// request writes is seen by the reads after it.
#pragma once

#include <memory>

#include "store/database.h"

namespace attune::store {

// A Database that hands out the open scope's read transaction; without a scope on the
// calling thread it is the database it wraps.
class RequestReads final : public Database {
 public:
  explicit RequestReads(std::unique_ptr<Database> owned);
  explicit RequestReads(Database& inner);

  std::unique_ptr<Transaction> begin(TxMode mode) override;
  std::string_view dialect() const override { return inner_.dialect(); }
  void scrub_after_delete() override { inner_.scrub_after_delete(); }

 private:
  std::unique_ptr<Database> owned_;
  Database& inner_;
};

// Open around one request on the thread that runs it. Inert for a database that is not a
// RequestReads. Scopes nest: an inner scope shares nothing with the outer one.
class RequestReadScope {
 public:
  explicit RequestReadScope(Database& db);
  ~RequestReadScope();
  RequestReadScope(const RequestReadScope&) = delete;
  RequestReadScope& operator=(const RequestReadScope&) = delete;

 private:
  friend class RequestReads;
  const Database* db_;
  RequestReadScope* outer_;
  // Shared with every Transaction handed out for it, so one still in use outlives a write
  // that ends the scope's hold on it.
  std::shared_ptr<Transaction> read_;
};

}  // namespace attune::store
