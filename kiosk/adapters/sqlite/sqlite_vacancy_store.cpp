#include "adapters/sqlite/sqlite_vacancy_store.hpp"

#include <exception>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "adapters/sqlite/session_json.hpp"
#include "adapters/sqlite/sqlite_db.hpp"
#include "adapters/sqlite/store_schema.hpp"
#include "core/log.hpp"

namespace kiosk {
namespace {

using nlohmann::json;
using store_detail::SqliteDb;
using store_detail::SqliteStatement;
using Result = tl::expected<void, StoreFailure>;

constexpr const char* k_sync_token_key = "sync_token";
constexpr const char* k_synced_at_key = "synced_at";

// Invalid UTF-8 is replaced, never thrown on, so a save cannot fail on it.
std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

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

Result insert_vacancies(SqliteDb& db, const std::vector<Vacancy>& vacancies) {
  auto insert = db.prepare("INSERT INTO vacancies(id, expires_at, json) VALUES(?1, ?2, ?3)");
  if (!insert) {
    return tl::unexpected(std::move(insert.error()));
  }
  for (const Vacancy& v : vacancies) {
    const std::string text = dump(to_json(v));
    auto done = insert->bind(1, v.id)
                    .and_then([&] {
                      return insert->bind(2, std::int64_t{v.expires_at.time_since_epoch().count()});
                    })
                    .and_then([&] { return insert->bind(3, text); })
                    .and_then([&] { return insert->run(); });
    if (!done) {
      done.error().message = fmt::format("vacancy {}: {}", v.id, done.error().message);
      return done;
    }
  }
  return {};
}

Result insert_sessions(SqliteDb& db, const std::vector<JobFairSession>& sessions) {
  auto insert = db.prepare("INSERT INTO sessions(id, json) VALUES(?1, ?2)");
  if (!insert) {
    return tl::unexpected(std::move(insert.error()));
  }
  for (const JobFairSession& s : sessions) {
    const std::string text = dump(store_detail::session_to_json(s));
    auto done = insert->bind(1, s.id).and_then([&] { return insert->bind(2, text); }).and_then([&] {
      return insert->run();
    });
    if (!done) {
      done.error().message = fmt::format("session {}: {}", s.id, done.error().message);
      return done;
    }
  }
  return {};
}

Result write_meta(SqliteDb& db, const Catalog& catalog) {
  auto insert = db.prepare("INSERT INTO meta(key, value) VALUES(?1, ?2)");
  if (!insert) {
    return tl::unexpected(std::move(insert.error()));
  }
  auto done = insert->bind(1, std::string_view(k_sync_token_key))
                  .and_then([&] { return insert->bind(2, catalog.sync_token); })
                  .and_then([&] { return insert->run(); });
  if (done && catalog.synced_at) {
    const std::string at = format_iso8601_vn(*catalog.synced_at);
    done = insert->bind(1, std::string_view(k_synced_at_key))
               .and_then([&] { return insert->bind(2, at); })
               .and_then([&] { return insert->run(); });
  }
  return done;
}

Result write_catalog(SqliteDb& db, const Catalog& catalog) {
  return db.exec("DELETE FROM vacancies")
      .and_then([&] { return db.exec("DELETE FROM sessions"); })
      .and_then(
          [&] { return db.exec("DELETE FROM meta WHERE key IN ('sync_token', 'synced_at')"); })
      .and_then([&] { return insert_vacancies(db, catalog.vacancies); })
      .and_then([&] { return insert_sessions(db, catalog.sessions); })
      .and_then([&] { return write_meta(db, catalog); });
}

Result read_meta(SqliteDb& db, Catalog& catalog) {
  auto select = db.prepare("SELECT key, value FROM meta WHERE key IN ('sync_token', 'synced_at')");
  if (!select) {
    return tl::unexpected(std::move(select.error()));
  }
  while (true) {
    auto row = select->step();
    if (!row) {
      return tl::unexpected(std::move(row.error()));
    }
    if (!*row) {
      return {};
    }
    const std::string_view key = select->text(0);
    if (key == k_sync_token_key) {
      catalog.sync_token = std::string(select->text(1));
    } else if (key == k_synced_at_key) {
      catalog.synced_at = parse_iso8601(select->text(1));
    }
  }
}

// Reads every stored JSON document through `reader` into `out`; rows that no
// longer parse are skipped and counted in `skipped`.
template <typename T, typename Reader>
Result read_rows(SqliteDb& db, const char* sql, Reader reader, std::vector<T>& out,
                 std::size_t& skipped) {
  auto select = db.prepare(sql);
  if (!select) {
    return tl::unexpected(std::move(select.error()));
  }
  while (true) {
    auto row = select->step();
    if (!row) {
      return tl::unexpected(std::move(row.error()));
    }
    if (!*row) {
      return {};
    }
    const json j = json::parse(select->text(0), nullptr, false);
    if (j.is_discarded()) {
      ++skipped;
      continue;
    }
    if (auto item = reader(j)) {
      out.push_back(std::move(*item));
    } else {
      ++skipped;
    }
  }
}

Result read_catalog(SqliteDb& db, Catalog& catalog, std::size_t& skipped) {
  return read_meta(db, catalog)
      .and_then([&] {
        return read_rows(
            db, "SELECT json FROM vacancies ORDER BY rowid",
            [](const json& j) { return vacancy_from_json(j); }, catalog.vacancies, skipped);
      })
      .and_then([&] {
        return read_rows(
            db, "SELECT json FROM sessions ORDER BY rowid",
            [](const json& j) { return session_from_json(j); }, catalog.sessions, skipped);
      });
}

// Runs `body` inside BEGIN/COMMIT, rolling back on a failure or exception.
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
  auto done = in_transaction(*m_db, "BEGIN", [&] { return read_catalog(*m_db, catalog, skipped); });
  if (!done) {
    logger("store")->error("loading the catalog failed: {}", done.error().message);
    return tl::unexpected(std::move(done.error()));
  }
  if (skipped > 0) {
    logger("store")->warn("load: skipped {} stored rows that no longer read back", skipped);
  }
  return catalog;
}

}  // namespace kiosk
