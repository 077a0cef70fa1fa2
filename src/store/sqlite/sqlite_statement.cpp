#include "store/sqlite/sqlite_statement.h"

#include <sqlite3.h>

#include <string>

#include "store/database.h"

namespace attune::store::sqlite {
namespace {

Value read_cell(sqlite3_stmt* statement, int column) {
  switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
    case SQLITE_TEXT: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
      return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
    }
    case SQLITE_BLOB: {
      const auto* data = static_cast<const char*>(sqlite3_column_blob(statement, column));
      auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
      return Blob{data ? std::string(data, size) : std::string()};
    }
    default:
      return std::monostate{};
  }
}

}  // namespace

Statement::Statement(Connection& connection, std::string_view sql, const Params& params)
    : db_(connection.handle()) {
  const Connection::Compiled compiled = connection.compile(sql);
  statement_ = compiled.statement;
  kept_ = compiled.kept;
  try {
    bind(params);
  } catch (...) {
    release();
    throw;
  }
}

Statement::~Statement() { release(); }

void Statement::release() noexcept {
  if (!kept_) {
    sqlite3_finalize(statement_);
    return;
  }
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

void Statement::bind(const Params& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    int rc = SQLITE_OK;
    int index = static_cast<int>(i + 1);
    const Value& value = params[i];
    if (const auto* integer = std::get_if<std::int64_t>(&value)) {
      rc = sqlite3_bind_int64(statement_, index, *integer);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      rc = sqlite3_bind_text64(statement_, index, text->data(), text->size(), SQLITE_TRANSIENT,
                               SQLITE_UTF8);
    } else if (const auto* bytes = std::get_if<Blob>(&value)) {
      rc = sqlite3_bind_blob64(statement_, index, bytes->bytes.data(), bytes->bytes.size(),
                               SQLITE_TRANSIENT);
    } else {
      rc = sqlite3_bind_null(statement_, index);
    }
    if (rc != SQLITE_OK) fail(rc);
  }
}

bool Statement::step() {
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(rc);
}

std::vector<Row> Statement::rows() {
  std::vector<Row> result;
  while (step()) {
    // Read after the step: a kept statement whose table changed is recompiled by the step,
    // and `*` may then name more columns than before.
    const int columns = sqlite3_column_count(statement_);
    std::vector<Value> cells;
    cells.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) cells.push_back(read_cell(statement_, c));
    result.emplace_back(std::move(cells));
  }
  return result;
}

void Statement::run() {
  while (step()) {
  }
}

bool Statement::run_unless_duplicate() {
  while (true) {
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) continue;
    if (rc == SQLITE_DONE) return true;
    // Only the statement is undone (ON CONFLICT ABORT); the transaction goes on.
    if (refused_as_duplicate()) return false;
    fail(rc);
  }
}

bool Statement::refused_as_duplicate() const {
  const int extended = sqlite3_extended_errcode(db_);
  return extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY;
}

void Statement::fail(int code) {
  std::string message = sqlite3_errmsg(db_);
  if (refused_as_duplicate()) throw UnexpectedDuplicate(message);
  throw Unavailable("sqlite error " + std::to_string(code) + ": " + message);
}

}  // namespace attune::store::sqlite
