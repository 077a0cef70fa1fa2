// A fault seam for tests: a Database that hands everything to a real one and, while
// `failing` is set, makes every write commit throw as a full disk would. The write is
// rolled back by the real transaction going away uncommitted.
#pragma once

#include <atomic>
#include <memory>
#include <optional>

#include "store/database.h"

namespace attune::store::testing {

class FailingDatabase final : public Database {
 public:
  explicit FailingDatabase(Database& real) : real_(real) {}

  std::atomic<bool> failing{false};

  std::unique_ptr<Transaction> begin(TxMode mode) override {
    return std::make_unique<FailingTransaction>(mode, real_.begin(mode), failing);
  }
  std::string_view dialect() const override { return real_.dialect(); }
  void scrub_after_delete() override { real_.scrub_after_delete(); }

 private:
  class FailingTransaction final : public Transaction {
   public:
    FailingTransaction(TxMode mode, std::unique_ptr<Transaction> real,
                       const std::atomic<bool>& failing)
        : Transaction(mode), mode_(mode), real_(std::move(real)), failing_(failing) {}

    std::vector<Row> query(std::string_view sql, const Params& params) override {
      return real_->query(sql, params);
    }
    std::int64_t execute(std::string_view sql, const Params& params) override {
      return real_->execute(sql, params);
    }
    std::optional<std::int64_t> execute_unique(std::string_view sql,
                                               const Params& params) override {
      return real_->execute_unique(sql, params);
    }

   protected:
    void commit_now() override {
      if (mode_ == TxMode::kWrite && failing_) throw Unavailable("the disk is full");
      real_->commit();
    }

   private:
    TxMode mode_;
    std::unique_ptr<Transaction> real_;
    const std::atomic<bool>& failing_;
  };

  Database& real_;
};

}  // namespace attune::store::testing
