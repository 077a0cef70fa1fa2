#include "store/postgres/postgres_connection.h"

#include <charconv>
#include <string_view>

#include "store/database.h"
#include "store/postgres/postgres_params.h"
#include "store/postgres/postgres_rows.h"

namespace attune::store::postgres {
namespace {

constexpr std::string_view kUniqueViolationState = "23505";

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
  return connection_ == nullptr || PQstatus(connection_) != CONNECTION_OK;
}

bool Connection::in_transaction() const { return PQtransactionStatus(connection_) != PQTRANS_IDLE; }

void Connection::reset() {
  PQreset(connection_);
  if (is_broken()) {
    throw Unavailable("cannot reconnect to PostgreSQL: " + trimmed(PQerrorMessage(connection_)));
  }
}

std::string Connection::command(const char* sql) {
  ResultPtr result = checked(ResultPtr(PQexec(connection_, sql)));
  return PQcmdStatus(result.get());
}

void Connection::rollback() noexcept { PQclear(PQexec(connection_, "ROLLBACK")); }

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
  // Text results for every column; rows_of decodes them by column type.
  return ResultPtr(PQexecParams(connection_, sql.sql.c_str(), bound.count(), bound.types(),
                                bound.values(), bound.lengths(), bound.formats(), 0));
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
  throw Unavailable("postgres error " + std::string(state ? state : "(no SQLSTATE)") + ": " +
                    message);
}

}  // namespace attune::store::postgres
