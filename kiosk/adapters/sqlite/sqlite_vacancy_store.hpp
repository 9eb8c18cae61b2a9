#pragma once
// The vacancy cache in one SQLite file (WAL mode), so the kiosk shows jobs at
// start-up and while offline. sqlite3.h stays out of this header.

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>

#include <tl/expected.hpp>

#include "ports/vacancy_store.hpp"

namespace kiosk {

namespace store_detail {
class SqliteDb;
}  // namespace store_detail

struct SqliteStoreSettings {
  /// The database file, e.g. /var/lib/kiosk/kiosk.db; its parent directory
  /// is created when missing.
  std::filesystem::path path;
  /// How long a statement waits for another process's lock (kioskctl).
  std::chrono::milliseconds busy_timeout{5000};
  /// When the file turns out not to be a database, rename it (and its -wal
  /// and -shm files) to "<name>.corrupt…" and start an empty one, instead of
  /// failing with `corrupt`. Only for files that hold nothing but a cache.
  bool replace_corrupt = false;
};

/// A VacancyStore on SQLite. Meant for one worker thread at a time (the sync
/// worker); calls are serialised by a mutex all the same, and never from the
/// UI thread since they block on disk. Other processes may read the file
/// concurrently (WAL). Failures are returned and logged once on "store":
/// - unavailable: the file or its directory cannot be created or opened, it
///   is locked for longer than `busy_timeout`, or a newer build wrote it
/// - corrupt: the file is not an SQLite database or its pages are damaged
/// - io: anything else (disk full, a constraint such as a duplicate id)
class SqliteVacancyStore final : public VacancyStore {
 public:
  /// Opens or creates the file, sets WAL, synchronous=NORMAL and the busy
  /// timeout, and migrates the schema to the current version.
  static tl::expected<std::unique_ptr<SqliteVacancyStore>, StoreFailure> open(
      const SqliteStoreSettings& settings);

  ~SqliteVacancyStore() override;
  SqliteVacancyStore(const SqliteVacancyStore&) = delete;
  SqliteVacancyStore& operator=(const SqliteVacancyStore&) = delete;
  SqliteVacancyStore(SqliteVacancyStore&&) = delete;
  SqliteVacancyStore& operator=(SqliteVacancyStore&&) = delete;

  /// Replaces all vacancies, sessions, occupations, sync_token, synced_at
  /// and ETags in one transaction; on any failure it rolls back and the old catalog stays.
  /// Ids must be unique within the catalog (a duplicate fails with io).
  tl::expected<void, StoreFailure> save(const Catalog& catalog) override;

  /// The cached catalog in the order it was saved; an empty one when
  /// nothing was saved yet. A stored row that no longer reads back is
  /// skipped and counted in the log.
  tl::expected<Catalog, StoreFailure> load() override;

  /// Upserts and deletes only the rows `changes` names, and replaces the
  /// sessions or taxonomy only when it carries them, in one IMMEDIATE
  /// transaction: all or nothing.
  tl::expected<void, StoreFailure> apply(const CatalogChanges& changes) override;

  /// Deletes the vacancies whose expires_at is at or before `now` (through
  /// the expiry index); returns how many went.
  tl::expected<std::size_t, StoreFailure> purge_expired(WallTime now) override;

 private:
  explicit SqliteVacancyStore(std::unique_ptr<store_detail::SqliteDb> db);

  std::mutex m_mutex;
  std::unique_ptr<store_detail::SqliteDb> m_db;
};

}  // namespace kiosk
