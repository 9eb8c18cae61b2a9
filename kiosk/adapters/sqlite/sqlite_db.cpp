#include "adapters/sqlite/sqlite_db.hpp"

#include <system_error>
#include <utility>

#include <fmt/format.h>

namespace kiosk::store_detail {
namespace {

StoreFailure make_failure(sqlite3* db, int code, std::string_view what) {
  const char* detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  return StoreFailure{store_error_for(code), fmt::format("{}: {}", what, detail)};
}

}  // namespace

StoreError store_error_for(int sqlite_code) {
  switch (sqlite_code & 0xFF) {  // the primary code of an extended one
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return StoreError::corrupt;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StoreError::unavailable;
    default:
      return StoreError::io;
  }
}

// --- SqliteStatement ---

SqliteStatement::~SqliteStatement() {
  sqlite3_finalize(m_stmt);  // a no-op for nullptr
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr)) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(m_stmt);
    m_db = std::exchange(other.m_db, nullptr);
    m_stmt = std::exchange(other.m_stmt, nullptr);
  }
  return *this;
}

tl::expected<void, StoreFailure> SqliteStatement::bind(int index, std::string_view text) {
  const int rc =
      sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) {
    return tl::unexpected(make_failure(m_db, rc, "bind"));
  }
  return {};
}

tl::expected<void, StoreFailure> SqliteStatement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(m_stmt, index, value);
  if (rc != SQLITE_OK) {
    return tl::unexpected(make_failure(m_db, rc, "bind"));
  }
  return {};
}

tl::expected<bool, StoreFailure> SqliteStatement::step() {
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  return tl::unexpected(make_failure(m_db, rc, "step"));
}

tl::expected<void, StoreFailure> SqliteStatement::run() {
  while (true) {
    auto row = step();
    if (!row) {
      sqlite3_reset(m_stmt);
      return tl::unexpected(std::move(row.error()));
    }
    if (!*row) {
      break;
    }
  }
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
  return {};
}

tl::expected<void, StoreFailure> SqliteStatement::bind_blob(int index,
                                                            std::span<const std::uint8_t> bytes) {
  const int rc = sqlite3_bind_blob64(m_stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) {
    return tl::unexpected(make_failure(m_db, rc, "bind"));
  }
  return {};
}

std::span<const std::uint8_t> SqliteStatement::bytes(int column) const {
  const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
  const int size = sqlite3_column_bytes(m_stmt, column);  // after _blob, as SQLite asks
  if (data == nullptr) {
    return {};
  }
  return {data, static_cast<std::size_t>(size)};
}

bool SqliteStatement::is_blob(int column) const {
  return sqlite3_column_type(m_stmt, column) == SQLITE_BLOB;
}

std::string_view SqliteStatement::text(int column) const {
  const auto* data = sqlite3_column_text(m_stmt, column);
  const int size = sqlite3_column_bytes(m_stmt, column);  // after _text, as SQLite asks
  if (data == nullptr) {
    return {};
  }
  return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)};
}

std::int64_t SqliteStatement::integer(int column) const {
  return sqlite3_column_int64(m_stmt, column);
}

// --- SqliteDb ---

tl::expected<SqliteDb, StoreFailure> SqliteDb::open(const std::filesystem::path& path) {
  std::error_code ec;
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
      return tl::unexpected(StoreFailure{
          StoreError::unavailable,
          fmt::format("cannot create {}: {}", path.parent_path().string(), ec.message())});
    }
  }
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  SqliteDb db(raw);  // owns the handle even when opening failed
  if (rc != SQLITE_OK) {
    auto failure = make_failure(raw, rc, fmt::format("cannot open {}", path.string()));
    failure.kind = StoreError::unavailable;
    return tl::unexpected(std::move(failure));
  }
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

SqliteDb::~SqliteDb() {
  sqlite3_close_v2(m_db);  // a no-op for nullptr
}

SqliteDb::SqliteDb(SqliteDb&& other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

SqliteDb& SqliteDb::operator=(SqliteDb&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(m_db);
    m_db = std::exchange(other.m_db, nullptr);
  }
  return *this;
}

tl::expected<void, StoreFailure> SqliteDb::exec(const char* sql) {
  const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    const std::string_view text(sql);
    return tl::unexpected(make_failure(m_db, rc, text.substr(0, text.find('\n'))));
  }
  return {};
}

tl::expected<SqliteStatement, StoreFailure> SqliteDb::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return tl::unexpected(make_failure(m_db, rc, fmt::format("prepare \"{}\"", sql)));
  }
  return SqliteStatement(m_db, stmt);
}

tl::expected<std::string, StoreFailure> SqliteDb::query_text(const char* sql) {
  auto stmt = prepare(sql);
  if (!stmt) {
    return tl::unexpected(std::move(stmt.error()));
  }
  auto row = stmt->step();
  if (!row) {
    return tl::unexpected(std::move(row.error()));
  }
  return *row ? std::string(stmt->text(0)) : std::string();
}

}  // namespace kiosk::store_detail
