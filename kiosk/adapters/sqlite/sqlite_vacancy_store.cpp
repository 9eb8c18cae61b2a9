#include "adapters/sqlite/sqlite_vacancy_store.hpp"

#include <exception>
#include <string>

#include <fmt/format.h>

#include "adapters/sqlite/sqlite_db.hpp"
#include "adapters/sqlite/store_rows.hpp"
#include "adapters/sqlite/store_schema.hpp"
#include "core/log.hpp"

namespace kiosk {
namespace {

using store_detail::in_transaction;
using store_detail::Result;
using store_detail::SqliteDb;

tl::expected<SqliteDb, StoreFailure> open_and_prepare(const SqliteStoreSettings& settings) {
  auto db = SqliteDb::open(settings.path);
  if (!db) {
    return db;
  }
  sqlite3_busy_timeout(db->handle(), static_cast<int>(settings.busy_timeout.count()));
  // The first statement that reads the file: a non-database fails here.
  auto mode = db->query_text("PRAGMA journal_mode=WAL");
  if (!mode) {
    return tl::unexpected(std::move(mode.error()));
  }
  if (*mode != "wal") {
    logger("store")->warn("{}: WAL not available, journal_mode is {}", settings.path.string(),
                          *mode);
  }
  if (auto done = db->exec("PRAGMA synchronous=NORMAL"); !done) {
    return tl::unexpected(std::move(done.error()));
  }
  if (auto done = store_detail::migrate(*db); !done) {
    return tl::unexpected(std::move(done.error()));
  }
  return db;
}

// Renames the damaged file and its WAL out of the way; a stale WAL left next
// to a new database would otherwise be replayed into it.
void move_aside(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::rename(path, path.string() + ".corrupt", ec);
  std::filesystem::rename(path.string() + "-wal", path.string() + ".corrupt-wal", ec);
  std::filesystem::remove(path.string() + "-shm", ec);
}

// Writes the meta keys of a whole catalog.
Result write_catalog_meta(SqliteDb& db, const Catalog& catalog) {
  using namespace store_detail;
  auto done = db.exec("DELETE FROM meta")
                  .and_then([&] { return write_meta(db, k_sync_token_key, catalog.sync_token); })
                  .and_then([&] {
                    return write_meta(db, k_sessions_etag_key, catalog.sessions_etag);
                  })
                  .and_then([&] {
                    return write_meta(db, k_occupations_etag_key, catalog.occupations_etag);
                  });
  if (done && catalog.synced_at) {
    done = write_meta(db, k_synced_at_key, format_iso8601_vn(*catalog.synced_at));
  }
  return done;
}

Result write_catalog(SqliteDb& db, const Catalog& catalog) {
  using namespace store_detail;
  return db.exec("DELETE FROM vacancies")
      .and_then([&] { return write_vacancies(db, catalog.vacancies, OnDuplicate::fail); })
      .and_then([&] { return replace_sessions(db, catalog.sessions); })
      .and_then([&] { return replace_occupations(db, catalog.occupations); })
      .and_then([&] { return write_catalog_meta(db, catalog); });
}

// The rows one sync changes, and nothing else.
Result write_changes(SqliteDb& db, const CatalogChanges& changes) {
  using namespace store_detail;
  auto done = write_vacancies(db, changes.upserted, OnDuplicate::replace)
                  .and_then([&] { return delete_vacancies(db, changes.removed); })
                  .and_then([&] { return write_meta(db, k_sync_token_key, changes.sync_token); });
  if (done && changes.synced_at) {
    done = write_meta(db, k_synced_at_key, format_iso8601_vn(*changes.synced_at));
  }
  if (done && changes.sessions) {
    done = replace_sessions(db, *changes.sessions);
  }
  if (done && changes.sessions_etag) {
    done = write_meta(db, k_sessions_etag_key, *changes.sessions_etag);
  }
  if (done && changes.occupations) {
    done = replace_occupations(db, *changes.occupations);
  }
  if (done && changes.occupations_etag) {
    done = write_meta(db, k_occupations_etag_key, *changes.occupations_etag);
  }
  return done;
}

}  // namespace

tl::expected<std::unique_ptr<SqliteVacancyStore>, StoreFailure> SqliteVacancyStore::open(
    const SqliteStoreSettings& settings) {
  auto db = open_and_prepare(settings);
  if (!db && db.error().kind == StoreError::corrupt && settings.replace_corrupt) {
    logger("store")->error("{} is damaged ({}); moving it aside and starting empty",
                           settings.path.string(), db.error().message);
    move_aside(settings.path);
    db = open_and_prepare(settings);
  }
  if (!db) {
    logger("store")->error("cannot use {}: {}", settings.path.string(), db.error().message);
    return tl::unexpected(std::move(db.error()));
  }
  return std::unique_ptr<SqliteVacancyStore>(
      new SqliteVacancyStore(std::make_unique<SqliteDb>(std::move(*db))));
}

SqliteVacancyStore::SqliteVacancyStore(std::unique_ptr<store_detail::SqliteDb> db)
    : m_db(std::move(db)) {}

SqliteVacancyStore::~SqliteVacancyStore() = default;

tl::expected<void, StoreFailure> SqliteVacancyStore::save(const Catalog& catalog) {
  const std::lock_guard lock(m_mutex);
  auto done =
      in_transaction(*m_db, "BEGIN IMMEDIATE", [&] { return write_catalog(*m_db, catalog); });
  if (!done) {
    logger("store")->error("saving the catalog failed, the previous one stays: {}",
                           done.error().message);
  }
  return done;
}

tl::expected<Catalog, StoreFailure> SqliteVacancyStore::load() {
  const std::lock_guard lock(m_mutex);
  Catalog catalog;
  std::size_t skipped = 0;
  // One read transaction: the three tables come from the same snapshot.
  auto done = in_transaction(*m_db, "BEGIN",
                             [&] { return store_detail::read_catalog(*m_db, catalog, skipped); });
  if (!done) {
    logger("store")->error("loading the catalog failed: {}", done.error().message);
    return tl::unexpected(std::move(done.error()));
  }
  if (skipped > 0) {
    logger("store")->warn("load: skipped {} stored rows that no longer read back", skipped);
  }
  return catalog;
}

tl::expected<void, StoreFailure> SqliteVacancyStore::apply(const CatalogChanges& changes) {
  const std::lock_guard lock(m_mutex);
  auto done =
      in_transaction(*m_db, "BEGIN IMMEDIATE", [&] { return write_changes(*m_db, changes); });
  if (!done) {
    logger("store")->error("applying {} upserts and {} removals failed, nothing changed: {}",
                           changes.upserted.size(), changes.removed.size(), done.error().message);
    return done;
  }
  logger("store")->debug("applied {} upserts and {} removals", changes.upserted.size(),
                         changes.removed.size());
  return done;
}

tl::expected<std::size_t, StoreFailure> SqliteVacancyStore::purge_expired(WallTime now) {
  const std::lock_guard lock(m_mutex);
  std::size_t purged = 0;
  auto done = in_transaction(*m_db, "BEGIN IMMEDIATE", [&]() -> Result {
    auto erase = m_db->prepare("DELETE FROM vacancies WHERE expires_at > 0 AND expires_at <= ?1");
    if (!erase) {
      return tl::unexpected(std::move(erase.error()));
    }
    auto run = erase->bind(1, std::int64_t{now.time_since_epoch().count()}).and_then([&] {
      return erase->run();
    });
    purged = static_cast<std::size_t>(sqlite3_changes(m_db->handle()));
    return run;
  });
  if (!done) {
    logger("store")->error("purging expired vacancies failed: {}", done.error().message);
    return tl::unexpected(std::move(done.error()));
  }
  if (purged > 0) {
    logger("store")->info("purged {} expired vacancies", purged);
  }
  return purged;
}

}  // namespace kiosk
