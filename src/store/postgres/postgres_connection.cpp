#include "store/postgres/postgres_connection.h"

#include <charconv>
#include <string_view>

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

// Empty for statements that change no rows by definition (DDL, SELECT).
std::int64_t rows_changed(PGresult* result) {
  std::string_view changed = PQcmdTuples(result);
  std::int64_t count = 0;
  std::from_chars(changed.data(), changed.data() + changed.size(), count);
  return count;
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

bool Connection::in_transaction() const { return PQtransactionStatus(connection_) != PQTRANS_IDLE; }

void Connection::reset() {
  prepared_.clear();
  stale_ = false;
  PQreset(connection_);
  if (is_broken()) {
    throw Unavailable("cannot reconnect to PostgreSQL: " + trimmed(PQerrorMessage(connection_)));
  }
}

std::string Connection::command(const char* sql) {
  ResultPtr result = checked(ResultPtr(PQexec(connection_, sql)));
  return PQcmdStatus(result.get());
}

std::string Connection::control(std::string_view sql) {
  const TranslatedSql statement{std::string(sql), 0};
  return PQcmdStatus(run(statement, {}).get());
}

void Connection::rollback() noexcept {
  try {
    control("ROLLBACK");
  } catch (const std::exception&) {
    // The connection is broken or stale; the pool will not keep it.
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
  BoundParams bound(params, sql.parameter_count);
  ResultPtr failure;
  // Text results for every column; rows_of decodes them by column type.
  if (const std::string* name = prepared(sql.sql, bound, failure)) {
    return ResultPtr(PQexecPrepared(connection_, name->c_str(), bound.count(), bound.values(),
                                    bound.lengths(), bound.formats(), 0));
  }
  if (failure) return failure;
  count_compile();
  return ResultPtr(PQexecParams(connection_, sql.sql.c_str(), bound.count(), bound.types(),
                                bound.values(), bound.lengths(), bound.formats(), 0));
}

const std::string* Connection::prepared(const std::string& sql, const BoundParams& bound,
                                        ResultPtr& failure) {
  // The server fixes a prepared statement's parameter types when it parses it, and an
  // untyped NULL may stand where an integer stands another time: the types are part of the key.
  std::string key = sql;
  key.push_back('\0');
  key.append(reinterpret_cast<const char*>(bound.types()),
             static_cast<std::size_t>(bound.count()) * sizeof(Oid));
  if (auto found = prepared_.find(key); found != prepared_.end()) return &found->second;
  if (prepared_.size() >= kMaxCachedStatements || !worth_caching(sql)) return nullptr;
  std::string name = "attune_" + std::to_string(prepared_.size() + 1);
  count_compile();
  ResultPtr result(PQprepare(connection_, name.c_str(), sql.c_str(), bound.count(), bound.types()));
  if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
    failure = std::move(result);
    if (!failure) failure = ResultPtr(PQmakeEmptyPGresult(connection_, PGRES_FATAL_ERROR));
    return nullptr;
  }
  return &prepared_.emplace(std::move(key), std::move(name)).first->second;
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
