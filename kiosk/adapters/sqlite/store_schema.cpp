#include "adapters/sqlite/store_schema.hpp"

#include <array>
#include <charconv>
#include <string>

#include <fmt/format.h>

namespace kiosk::store_detail {
namespace {

// vacancies/sessions keep the API's JSON (to_json/session_to_json) so
// new fields need no schema change; expires_at is a column for purging.
constexpr std::array k_migrations{
    Migration{1, R"sql(
CREATE TABLE vacancies(id TEXT PRIMARY KEY, expires_at INTEGER, json TEXT NOT NULL);
CREATE TABLE sessions(id TEXT PRIMARY KEY, json TEXT);
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
)sql"},
    // The occupation taxonomy; ETags and the sync token live in meta. The
    // index serves purge_expired.
    Migration{2, R"sql(
CREATE TABLE occupations(isco08 TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE INDEX vacancies_by_expiry ON vacancies(expires_at);
)sql"},
};
static_assert(k_migrations.back().version == k_schema_version);

tl::expected<int, StoreFailure> user_version(SqliteDb& db) {
  auto text = db.query_text("PRAGMA user_version");
  if (!text) {
    return tl::unexpected(std::move(text.error()));
  }
  int version = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), version);
  if (ec != std::errc{} || end != text->data() + text->size()) {
    return tl::unexpected(StoreFailure{StoreError::corrupt, "unreadable user_version " + *text});
  }
  return version;
}

tl::expected<void, StoreFailure> apply_missing(SqliteDb& db, std::span<const Migration> steps) {
  const int newest = steps.empty() ? 0 : steps.back().version;
  auto version = user_version(db);
  if (!version) {
    return tl::unexpected(std::move(version.error()));
  }
  if (*version > newest) {
    return tl::unexpected(StoreFailure{
        StoreError::unavailable,
        fmt::format("schema version {} is newer than this build's {}", *version, newest)});
  }
  for (const Migration& step : steps) {
    if (step.version <= *version) {
      continue;
    }
    if (auto done = db.exec(step.sql); !done) {
      return done;
    }
    const std::string set = fmt::format("PRAGMA user_version = {}", step.version);
    if (auto done = db.exec(set.c_str()); !done) {
      return done;
    }
  }
  return {};
}

}  // namespace

tl::expected<void, StoreFailure> migrate(SqliteDb& db) {
  return migrate(db, k_migrations);
}

tl::expected<void, StoreFailure> migrate(SqliteDb& db, std::span<const Migration> steps) {
  if (auto begun = db.exec("BEGIN IMMEDIATE"); !begun) {
    return begun;
  }
  auto applied = apply_missing(db, steps);
  if (applied) {
    applied = db.exec("COMMIT");
  }
  if (!applied) {
    static_cast<void>(db.exec("ROLLBACK"));
  }
  return applied;
}

}  // namespace kiosk::store_detail
