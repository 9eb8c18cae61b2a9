#pragma once
// Small RAII wrappers over SQLite's C API: a connection and a prepared
// statement. Failures become StoreFailure values with SQLite's message.

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include <sqlite3.h>
#include <tl/expected.hpp>

#include "ports/vacancy_store.hpp"

namespace kiosk::store_detail {

/// The StoreError for an SQLite result code: corrupt for CORRUPT/NOTADB,
/// unavailable for CANTOPEN/PERM/READONLY/BUSY/LOCKED, io for the rest.
StoreError store_error_for(int sqlite_code);

/// A prepared statement; movable, finalised on destruction.
class SqliteStatement {
 public:
  SqliteStatement() = default;
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
  ~SqliteStatement();
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  /// Binds are 1-based like SQLite's; text is copied (SQLITE_TRANSIENT).
  tl::expected<void, StoreFailure> bind(int index, std::string_view text);
  tl::expected<void, StoreFailure> bind(int index, std::int64_t value);
  /// Binds bytes as a BLOB (copied).
  tl::expected<void, StoreFailure> bind_blob(int index, std::span<const std::uint8_t> bytes);

  /// One step: true while a row is available, false when done.
  tl::expected<bool, StoreFailure> step();

  /// Runs to completion, ignoring rows; then resets for reuse with new binds.
  tl::expected<void, StoreFailure> run();

  /// Text column of the current row; empty for NULL.
  std::string_view text(int column) const;

  /// The column's bytes as stored (a BLOB, or a TEXT's UTF-8), and whether
  /// it is a BLOB.
  std::span<const std::uint8_t> bytes(int column) const;
  bool is_blob(int column) const;

  /// Integer column of the current row; 0 for NULL.
  std::int64_t integer(int column) const;

 private:
  sqlite3* m_db = nullptr;
  sqlite3_stmt* m_stmt = nullptr;
};

/// A connection to one database file; closed on destruction. Not for
/// concurrent use: one thread at a time.
class SqliteDb {
 public:
  /// Opens (creating the file and its parent directory when missing).
  /// Failing to create or open gives `unavailable`; a file that is not a
  /// database only shows on the first statement (`corrupt`).
  static tl::expected<SqliteDb, StoreFailure> open(const std::filesystem::path& path);

  SqliteDb() = default;
  ~SqliteDb();
  SqliteDb(SqliteDb&& other) noexcept;
  SqliteDb& operator=(SqliteDb&& other) noexcept;
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  /// Runs one or more statements that return no rows of interest.
  tl::expected<void, StoreFailure> exec(const char* sql);

  tl::expected<SqliteStatement, StoreFailure> prepare(std::string_view sql);

  /// The first column of the first row of `sql` as text (PRAGMA answers).
  tl::expected<std::string, StoreFailure> query_text(const char* sql);

  sqlite3* handle() const { return m_db; }

 private:
  explicit SqliteDb(sqlite3* db) : m_db(db) {}
  sqlite3* m_db = nullptr;
};

}  // namespace kiosk::store_detail
