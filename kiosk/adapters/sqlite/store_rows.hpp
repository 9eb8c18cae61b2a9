#pragma once
// Reading and writing the store's rows: vacancies, sessions, occupations and
// the meta keys (sync token, synced_at, ETags). Each function runs inside a
// transaction its caller holds; none begins or commits one itself.

#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "adapters/sqlite/sqlite_db.hpp"
#include "core/catalog.hpp"

namespace kiosk::store_detail {

using Result = tl::expected<void, StoreFailure>;

enum class OnDuplicate { fail, replace };

/// Inserts each vacancy. An id already stored fails the call (`fail`, with
/// the id in the message) or replaces the stored row in place (`replace`:
/// its rowid, and so its place in the load order, stays).
Result write_vacancies(SqliteDb& db, const std::vector<Vacancy>& vacancies, OnDuplicate mode);

/// Deletes the vacancies with these ids; unknown ids are ignored.
Result delete_vacancies(SqliteDb& db, const std::vector<std::string>& ids);

/// Replaces every stored session.
Result replace_sessions(SqliteDb& db, const std::vector<JobFairSession>& sessions);

/// Replaces the stored occupation taxonomy.
Result replace_occupations(SqliteDb& db, const std::vector<Occupation>& occupations);

/// Sets one meta key (sync_token, synced_at, sessions_etag, occupations_etag).
Result write_meta(SqliteDb& db, std::string_view key, std::string_view value);

/// Reads the whole catalog; rows that no longer read back are skipped and
/// counted in `skipped`.
Result read_catalog(SqliteDb& db, Catalog& catalog, std::size_t& skipped);

inline constexpr std::string_view k_sync_token_key = "sync_token";
inline constexpr std::string_view k_synced_at_key = "synced_at";
inline constexpr std::string_view k_sessions_etag_key = "sessions_etag";
inline constexpr std::string_view k_occupations_etag_key = "occupations_etag";

/// Runs `body` inside `begin`/COMMIT, rolling back on a failure or an
/// exception (which becomes an io failure).
template <typename Body>
Result in_transaction(SqliteDb& db, const char* begin, Body body) {
  if (auto begun = db.exec(begin); !begun) {
    return begun;
  }
  Result done;
  try {
    done = body();
  } catch (const std::exception& e) {
    done = tl::unexpected(StoreFailure{StoreError::io, e.what()});
  }
  if (done) {
    done = db.exec("COMMIT");
  }
  if (!done) {
    static_cast<void>(db.exec("ROLLBACK"));
  }
  return done;
}

}  // namespace kiosk::store_detail
