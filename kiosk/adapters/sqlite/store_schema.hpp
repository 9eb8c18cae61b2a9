#pragma once
// The store's schema as a list of migration steps; PRAGMA user_version holds
// the step the file is at. A later change appends a step, never edits one.

#include <span>

#include <tl/expected.hpp>

#include "adapters/sqlite/sqlite_db.hpp"

namespace kiosk::store_detail {

/// The schema version this build writes.
inline constexpr int k_schema_version = 2;

/// One step of a file's schema: the SQL that takes it to `version`.
struct Migration {
  int version;
  const char* sql;
};

/// Applies the steps of `steps` (ascending versions) the file lacks, in one
/// IMMEDIATE transaction, like migrate(db); for other files than the cache
/// (the booking outbox).
tl::expected<void, StoreFailure> migrate(SqliteDb& db, std::span<const Migration> steps);

/// Applies the missing steps in one IMMEDIATE transaction (so two processes
/// opening a new file at once cannot both migrate). A file written by a
/// newer build is left alone and reported as `unavailable`.
tl::expected<void, StoreFailure> migrate(SqliteDb& db);

}  // namespace kiosk::store_detail
