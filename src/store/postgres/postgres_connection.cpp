#include "store/postgres/postgres_connection.h"

#include <charconv>
#include <string_view>
#include <utility>

#include "store/database.h"
#include "store/postgres/postgres_rows.h"
#include "store/statement_cache.h"
#include "store/statement_counts.h"

namespace attune::store::postgres {
namespace {

constexpr std::string_view kUniqueViolationState = "23505";
// A kept statement the server no longer has as it was: "cached plan must not change result
// type" (feature_not_supported), or a name it does not know (invalid_sql_statement_name).
constexpr std::string_view kStalePlanState = "0A000";
constexpr std::string_view kUnknownStatementState = "26000";
// The server undid the transaction to keep serializable writes serial, or to end a deadlock.
constexpr std::string_view kSerializationFailureState = "40001";
constexpr std::string_view kDeadlockState = "40P01";

std::string trimmed(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text.empty() ? "unknown error" : text;
}

bool is_unique_violation(const PGresult* result) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  return state != nullptr && state == kUniqueViolationState;
}

bool is_failure(const PGresult* result) {
  const auto status = PQresultStatus(result);
  return status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK;
}

// Empty for statements that change no rows by definition (DDL, SELECT).
std::int64_t rows_changed(PGresult* result) {
  std::string_view changed = PQcmdTuples(result);
  std::int64_t count = 0;
  std::from_chars(changed.data(), changed.data() + changed.size(), count);
  return count;
}

// The server fixes a prepared statement's parameter types when it parses it, and an untyped
// NULL may stand where an integer stands another time: the types are part of the key.
std::string statement_key(const std::string& sql, const BoundParams& bound) {
  std::string key = sql;
  key.push_back('\0');
  key.append(reinterpret_cast<const char*>(bound.types()),
             static_cast<std::size_t>(bound.count()) * sizeof(Oid));
  return key;
}

// Server notices ("relation already exists, skipping") would otherwise go to stderr.
void ignore_notice(void*, const char*) {}

// Defaults that keep a dead peer from holding anyone for long; listed before the URL, so
// whatever the operator's URL sets wins. Without them a replica whose host vanished while
// holding the write lock would block every writer (pauses included) until the kernel's
// two-hour keepalive gave up: now its connection is dropped within about a minute, a lock
// wait gives up after 10 s (the caller gets 503 and retries), and a transaction left idle
// by a stuck process is ended by the server.
PGconn* connect_with_timeouts(const std::string& url) {
  const char* keys[] = {"connect_timeout",
                        "keepalives",
                        "keepalives_idle",
                        "keepalives_interval",
                        "keepalives_count",
                        "tcp_user_timeout",
                        "options",
                        "dbname",
                        nullptr};
  const char* values[] = {"10",
                          "1",
                          "30",
                          "10",
                          "3",
                          "30000",
                          "-c lock_timeout=10s -c idle_in_transaction_session_timeout=30s",
                          url.c_str(),
                          nullptr};
  return PQconnectdbParams(keys, values, /*expand_dbname=*/1);
}

}  // namespace

Connection::Connection(const std::string& url) : connection_(connect_with_timeouts(url)) {
  if (is_broken()) {
    std::string message = connection_ ? trimmed(PQerrorMessage(connection_)) : "out of memory";
    PQfinish(connection_);
    throw Unavailable("cannot connect to PostgreSQL: " + message);
  }
  PQsetNoticeProcessor(connection_, ignore_notice, nullptr);
}

Connection::~Connection() { PQfinish(connection_); }

bool Connection::is_broken() const {
  return stale_ || connection_ == nullptr || PQstatus(connection_) != CONNECTION_OK;
}

bool Connection::in_transaction() const {
  return !deferred_end_ && PQtransactionStatus(connection_) != PQTRANS_IDLE;
}

void Connection::reset() {
  prepared_.clear();
  stale_ = false;
  deferred_end_ = false;  // a new connection owes no answer
  PQreset(connection_);
  if (is_broken()) {
    throw Unavailable("cannot reconnect to PostgreSQL: " + trimmed(PQerrorMessage(connection_)));
  }
}

std::string Connection::command(const char* sql) {
  read_deferred_end();
  if (!pending_begin_.empty()) send_begin();
  count_round_trip();
  ResultPtr result = checked(ResultPtr(PQexec(connection_, sql)));
  return PQcmdStatus(result.get());
}

std::string Connection::control(std::string_view sql) {
  const TranslatedSql statement{std::string(sql), 0};
  return PQcmdStatus(run(statement, {}).get());
}

bool Connection::drop_unsent_begin() noexcept {
  if (pending_begin_.empty()) return false;
  pending_begin_.clear();
  return true;
}

void Connection::rollback() noexcept {
  if (drop_unsent_begin()) return;  // never begun: nothing to undo
  try {
    control("ROLLBACK");
  } catch (const std::exception&) {
    // The connection is broken or stale; the pool will not keep it.
  }
}

void Connection::begin_with_next_statement(std::vector<std::string_view> statements) {
  pending_begin_ = std::move(statements);
}

void Connection::end_read_without_waiting(std::string_view sql) noexcept {
  if (drop_unsent_begin()) return;  // never begun: nothing to end
  try {
    const BoundParams none({}, 0);
    ResultPtr failure;
    const std::string* name = prepared(std::string(sql), none, failure);
    if (name && PQsendQueryPrepared(connection_, name->c_str(), 0, nullptr, nullptr, nullptr, 0)) {
      deferred_end_ = true;
      return;
    }
  } catch (const std::exception&) {
  }
  stale_ = true;  // the pool drops it; the server ends the transaction with the connection
}

// The answer is usually already in the socket's buffer by the time the connection is used
// again. A failure there leaves the connection broken, which the next BEGIN notices.
void Connection::read_deferred_end() noexcept {
  if (!deferred_end_) return;
  deferred_end_ = false;
  while (PGresult* result = PQgetResult(connection_)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK && PQstatus(connection_) == CONNECTION_OK) {
      stale_ = true;  // a read's end cannot fail on a healthy connection: trust it no more
    }
    PQclear(result);
  }
}

std::vector<Row> Connection::query(const TranslatedSql& sql, const Params& params) {
  return rows_of(run(sql, params).get());
}

std::int64_t Connection::execute(const TranslatedSql& sql, const Params& params) {
  return rows_changed(run(sql, params).get());
}

std::optional<std::int64_t> Connection::execute_unique(const TranslatedSql& sql,
                                                       const Params& params) {
  ResultPtr result = send(sql, params);
  if (is_unique_violation(result.get())) return std::nullopt;
  return rows_changed(checked(std::move(result)).get());
}

Connection::ResultPtr Connection::send(const TranslatedSql& sql, const Params& params) {
  read_deferred_end();
  BoundParams bound(params, sql.parameter_count);
  if (!pending_begin_.empty()) {
    // A statement seen before goes with the BEGIN; a new one is prepared inside the
    // transaction, as it would be without the pipeline (a failed Parse aborts it there).
    if (const std::string* name = kept(sql.sql, bound)) {
      if (ResultPtr result = begin_and_send(*name, bound)) return result;
    }
    send_begin();
  }
  ResultPtr failure;
  // Text results for every column; rows_of decodes them by column type.
  if (const std::string* name = prepared(sql.sql, bound, failure)) {
    count_round_trip();
    return ResultPtr(PQexecPrepared(connection_, name->c_str(), bound.count(), bound.values(),
                                    bound.lengths(), bound.formats(), 0));
  }
  if (failure) return failure;
  count_compile();
  count_round_trip();
  return ResultPtr(PQexecParams(connection_, sql.sql.c_str(), bound.count(), bound.types(),
                                bound.values(), bound.lengths(), bound.formats(), 0));
}

const std::string* Connection::kept(const std::string& sql, const BoundParams& bound) const {
  auto found = prepared_.find(statement_key(sql, bound));
  return found == prepared_.end() ? nullptr : &found->second;
}

const std::string* Connection::prepared(const std::string& sql, const BoundParams& bound,
                                        ResultPtr& failure) {
  std::string key = statement_key(sql, bound);
  if (auto found = prepared_.find(key); found != prepared_.end()) return &found->second;
  if (prepared_.size() >= kMaxCachedStatements || !worth_caching(sql)) return nullptr;
  std::string name = "attune_" + std::to_string(prepared_.size() + 1);
  count_compile();
  count_round_trip();
  ResultPtr result(PQprepare(connection_, name.c_str(), sql.c_str(), bound.count(), bound.types()));
  if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
    failure = std::move(result);
    if (!failure) failure = ResultPtr(PQmakeEmptyPGresult(connection_, PGRES_FATAL_ERROR));
    return nullptr;
  }
  return &prepared_.emplace(std::move(key), std::move(name)).first->second;
}

// nullptr when it cannot go in one round trip (a BEGIN statement not kept yet) or the
// connection was lost on the way, so the server ended the transaction and nothing of it
// stays: the caller then begins alone, which reconnects. Anything else is the statement's
// one and only run, whatever it answered.
Connection::ResultPtr Connection::begin_and_send(const std::string& name,
                                                 const BoundParams& bound) {
  const BoundParams none({}, 0);
  std::vector<const std::string*> names;
  for (std::string_view statement : pending_begin_) {
    const std::string* kept_name = kept(std::string(statement), none);
    if (!kept_name) return nullptr;
    names.push_back(kept_name);
  }
  ResultPtr result = pipeline(names, name, bound);
  if (!result || PQstatus(connection_) != CONNECTION_OK) return nullptr;
  pending_begin_.clear();
  return result;
}

void Connection::send_begin() {
  const std::vector<std::string_view> statements = std::exchange(pending_begin_, {});
  for (int attempt = 1;; ++attempt) {
    try {
      for (std::string_view statement : statements) control(statement);
      return;
    } catch (const Unavailable&) {
      // Dropped while idle in the pool: nothing has run on it, so reconnecting is safe.
      if (attempt > 1 || !is_broken()) throw;
      reset();
    }
  }
}

// One sync point for all: the server runs them in order and a failure aborts the rest
// (PGRES_PIPELINE_ABORTED), as it would abort the transaction anyway. Returns the first
// failure, or the statement's result; nullptr when nothing could be sent.
Connection::ResultPtr Connection::pipeline(const std::vector<const std::string*>& names,
                                           const std::string& name, const BoundParams& bound) {
  if (PQenterPipelineMode(connection_) != 1) return nullptr;
  bool sent = true;
  for (const std::string* each : names) {
    sent = sent && PQsendQueryPrepared(connection_, each->c_str(), 0, nullptr, nullptr, nullptr, 0);
  }
  sent = sent && PQsendQueryPrepared(connection_, name.c_str(), bound.count(), bound.values(),
                                     bound.lengths(), bound.formats(), 0);
  sent = sent && PQpipelineSync(connection_);
  count_round_trip();
  ResultPtr outcome;
  for (std::size_t i = 0; sent && i <= names.size(); ++i) {
    // Each query's results end with a null; after a failure the rest are "aborted".
    while (PGresult* raw = PQgetResult(connection_)) {
      ResultPtr result(raw);
      if (!outcome || !is_failure(outcome.get())) outcome = std::move(result);
    }
  }
  if (sent) PQclear(PQgetResult(connection_));              // the sync point's own result
  if (PQexitPipelineMode(connection_) != 1) stale_ = true;  // results left unread: drop it
  return sent ? std::move(outcome) : nullptr;
}

Connection::ResultPtr Connection::run(const TranslatedSql& sql, const Params& params) {
  return checked(send(sql, params));
}

Connection::ResultPtr Connection::checked(ResultPtr result) {
  ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  const char* state = result ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
  // The primary message only: the DETAIL line would copy key values (hashes, ids) into logs.
  const char* primary =
      result ? PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string message = trimmed(primary ? primary : PQerrorMessage(connection_));
  if (state && state == kUniqueViolationState) throw UnexpectedDuplicate(message);
  if (state && (state == kStalePlanState || state == kUnknownStatementState)) stale_ = true;
  if (state && (state == kSerializationFailureState || state == kDeadlockState)) {
    throw SerializationConflict("postgres error " + std::string(state) + ": " + message);
  }
  throw Unavailable("postgres error " + std::string(state ? state : "(no SQLSTATE)") + ": " +
                    message);
}

}  // namespace attune::store::postgres
