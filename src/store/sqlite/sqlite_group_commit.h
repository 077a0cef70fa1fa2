// Group commit on SQLite's one write connection. Writers take the connection in turn and
// each runs its work inside a savepoint of a transaction that stays open across writers;
// one COMMIT, and so one fsync, makes a whole batch durable. A writer that fails rolls back
// to its savepoint, undoing only its own work. A writer's commit returns only once the batch
// holding its work is durable (I7). Readers on other connections see committed batches only.
//
// Who commits: a writer that finishes hands the connection to the next one waiting for it,
// and the last writer of a batch (nobody waiting, or the batch full) runs the COMMIT. While
// that COMMIT waits for the disk, the next writers queue and then form the next batch.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include "store/sqlite/sqlite_connection.h"

namespace attune::store::sqlite {

class GroupCommit {
 public:
  // Takes the write connection, already configured (WAL, synchronous=FULL).
  GroupCommit(std::unique_ptr<Connection> connection, std::size_t max_batch);
  ~GroupCommit();

  // Waits for the write connection and opens this writer's savepoint on it (beginning a
  // transaction when no batch is open). The connection is the caller's until it calls
  // commit() or abandon(). Throws Unavailable when SQLite refuses.
  Connection& enter();
  // Keeps the writer's work in its batch and returns once the batch is durable. Throws
  // Unavailable when the work could not be kept or the batch could not be committed
  // (nothing of it was kept). Either way the connection is given up.
  void commit();
  // Undoes the writer's work (only its own) and gives the connection up.
  void abandon() noexcept;

  // Writers waiting for the connection at this moment; for tests that build a batch.
  std::size_t writers_waiting() const;

 private:
  struct Batch;

  // With the connection held: hands it to the next writer, or commits the open batch when
  // nobody waits or it is full.
  void pass_on(std::unique_lock<std::mutex>& lock);
  void commit_batch(std::unique_lock<std::mutex>& lock);
  // With the connection held, after an error SQLite answered by ending the whole
  // transaction (it does for some): the open batch is lost, and its writers are told.
  void fail_open_batch(std::unique_lock<std::mutex>& lock, const std::string& why);
  void run(const char* sql);
  void roll_back_quietly() noexcept;
  bool transaction_open() const;

  std::unique_ptr<Connection> connection_;
  const std::size_t max_batch_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  bool held_ = false;            // a writer or a commit has the connection
  std::size_t waiting_ = 0;      // writers in enter()
  std::shared_ptr<Batch> open_;  // the batch the open transaction holds, if any
};

}  // namespace attune::store::sqlite
