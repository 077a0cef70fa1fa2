#include "store/sqlite/sqlite_group_commit.h"

#include <sqlite3.h>

#include "store/database.h"
#include "store/sqlite/sqlite_statement.h"
#include "store/statement_counts.h"

namespace attune::store::sqlite {

struct GroupCommit::Batch {
  std::size_t members = 0;  // writers whose released work it holds
  bool done = false;
  std::string failure;  // empty once durable
};

GroupCommit::GroupCommit(std::unique_ptr<Connection> connection, std::size_t max_batch)
    : connection_(std::move(connection)), max_batch_(max_batch) {}

// Every writer has returned by now; a transaction still open holds no one's work and rolls
// back as the connection closes.
GroupCommit::~GroupCommit() = default;

Connection& GroupCommit::enter() {
  std::unique_lock lock(mutex_);
  ++waiting_;
  changed_.wait(lock, [&] { return !held_; });
  --waiting_;
  held_ = true;
  const bool begin = !open_;
  lock.unlock();
  try {
    if (begin) run("BEGIN IMMEDIATE");
    run("SAVEPOINT attune_write");
  } catch (const Unavailable&) {
    if (begin) roll_back_quietly();
    lock.lock();
    if (!begin && !transaction_open()) {
      fail_open_batch(lock, "the write connection lost its transaction");
    } else {
      pass_on(lock);
    }
    throw;
  }
  if (begin) {
    lock.lock();
    open_ = std::make_shared<Batch>();
  }
  return *connection_;
}

void GroupCommit::commit() {
  try {
    run("RELEASE attune_write");
  } catch (const Unavailable&) {
    abandon();
    throw;
  }
  std::unique_lock lock(mutex_);
  std::shared_ptr<Batch> batch = open_;
  ++batch->members;
  pass_on(lock);
  changed_.wait(lock, [&] { return batch->done; });
  if (!batch->failure.empty()) {
    throw Unavailable("the write was not kept: " + batch->failure);
  }
}

void GroupCommit::abandon() noexcept {
  bool undone = true;
  try {
    run("ROLLBACK TO attune_write");
    run("RELEASE attune_write");
  } catch (const Unavailable&) {
    undone = false;
  }
  // Without its savepoint undone the writer's work cannot be told from its neighbours'.
  if (!undone) roll_back_quietly();
  std::unique_lock lock(mutex_);
  if (!transaction_open()) {
    fail_open_batch(lock, "an error in another write of its batch undid the batch");
    return;
  }
  pass_on(lock);
}

std::size_t GroupCommit::writers_waiting() const {
  std::lock_guard lock(mutex_);
  return waiting_;
}

void GroupCommit::pass_on(std::unique_lock<std::mutex>& lock) {
  const std::size_t members = open_ ? open_->members : 0;
  if (members > 0 && (waiting_ == 0 || members >= max_batch_)) {
    commit_batch(lock);
    return;
  }
  if (open_ && members == 0 && waiting_ == 0) {
    // Begun for writers that all failed: nothing to keep, and nobody to hand it to.
    lock.unlock();
    roll_back_quietly();
    lock.lock();
    open_.reset();
  }
  held_ = false;
  changed_.notify_all();
}

void GroupCommit::commit_batch(std::unique_lock<std::mutex>& lock) {
  std::shared_ptr<Batch> batch = open_;
  lock.unlock();
  std::string failure;
  try {
    run("COMMIT");
    count_durable_commit();
  } catch (const Unavailable& error) {
    failure = error.what();
    roll_back_quietly();
  }
  lock.lock();
  batch->failure = std::move(failure);
  batch->done = true;
  open_.reset();
  held_ = false;
  changed_.notify_all();
}

void GroupCommit::fail_open_batch(std::unique_lock<std::mutex>&, const std::string& why) {
  if (open_) {
    open_->failure = why;
    open_->done = true;
    open_.reset();
  }
  held_ = false;
  changed_.notify_all();
}

void GroupCommit::run(const char* sql) { Statement(*connection_, sql, {}).run(); }

void GroupCommit::roll_back_quietly() noexcept {
  if (!transaction_open()) return;
  try {
    run("ROLLBACK");
  } catch (const Unavailable&) {
    // SQLite rolls back an unfinished transaction by itself when the connection closes.
  }
}

bool GroupCommit::transaction_open() const {
  return sqlite3_get_autocommit(connection_->handle()) == 0;
}

}  // namespace attune::store::sqlite
