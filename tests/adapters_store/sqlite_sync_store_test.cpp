// SqliteVacancyStore's sync side: incremental apply touches only the rows
// that change, ETags and the taxonomy persist, expired rows are purged, and
// a version 1 file is migrated in place.

#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include "adapters/sqlite/sqlite_vacancy_store.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;

Vacancy vacancy(const std::string& id, std::int64_t expires) {
  Vacancy v;
  v.id = id;
  v.version = 1;
  v.title = "Công nhân " + id;
  v.expires_at = WallTime{seconds{expires}};
  return v;
}

constexpr std::int64_t k_later = 1900000000;

Catalog thousand() {
  Catalog c;
  for (int i = 0; i < 1000; ++i) {
    c.vacancies.push_back(vacancy("v-" + std::to_string(i), k_later));
  }
  c.sync_token = "st-1";
  c.occupations = {Occupation{"7533", "Thợ may", "Sewing machine operators"},
                   Occupation{"8212", "Lắp ráp điện tử", "Electronics assemblers"}};
  c.sessions_etag = "\"ses-1\"";
  c.occupations_etag = "\"occ-1\"";
  return c;
}

class SqliteSyncStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { spdlog::set_level(spdlog::level::off); }
  void SetUp() override {
    std::string templ = (fs::temp_directory_path() / "kiosk-sync-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    m_dir = templ;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(m_dir, ec);
  }
  fs::path db_path() const { return m_dir / "kiosk.db"; }
  std::unique_ptr<SqliteVacancyStore> open_store() const {
    auto store = SqliteVacancyStore::open({db_path()});
    EXPECT_TRUE(store.has_value()) << store.error().message;
    return store ? std::move(*store) : nullptr;
  }
  /// Runs `sql` through a second connection; the first column of the last row.
  std::string raw(const std::string& sql) const {
    sqlite3* db = nullptr;
    std::string out;
    if (sqlite3_open(db_path().c_str(), &db) == SQLITE_OK) {
      sqlite3_exec(
          db, sql.c_str(),
          [](void* user, int n, char** values, char**) {
            if (n > 0 && values[0] != nullptr) {
              *static_cast<std::string*>(user) = values[0];
            }
            return 0;
          },
          &out, nullptr);
    }
    sqlite3_close(db);
    return out;
  }
  fs::path m_dir;
};

TEST_F(SqliteSyncStore, ApplyWritesOnlyTheRowsThatChange) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->save(thousand()).has_value());
  // Triggers count every row write the store makes from now on.
  raw("CREATE TABLE writes(n INTEGER);"
      "CREATE TRIGGER wi AFTER INSERT ON vacancies BEGIN INSERT INTO writes VALUES(1); END;"
      "CREATE TRIGGER wu AFTER UPDATE ON vacancies BEGIN INSERT INTO writes VALUES(1); END;"
      "CREATE TRIGGER wd AFTER DELETE ON vacancies BEGIN INSERT INTO writes VALUES(1); END;");
  CatalogChanges changes;
  auto changed = vacancy("v-10", k_later);
  changed.version = 2;
  changes.upserted = {changed, vacancy("v-new", k_later)};
  changes.removed = {"v-20", "v-unknown"};
  changes.sync_token = "st-2";
  ASSERT_TRUE(store->apply(changes).has_value());
  EXPECT_EQ(raw("SELECT count(*) FROM writes"), "3");  // one update, one insert, one delete

  const auto loaded = store->load();
  ASSERT_TRUE(loaded.has_value());
  ASSERT_EQ(loaded->vacancies.size(), 1000u);
  EXPECT_EQ(loaded->vacancies[10].id, "v-10");  // kept its place
  EXPECT_EQ(loaded->vacancies[10].version, 2);
  EXPECT_EQ(loaded->vacancies.back().id, "v-new");
  EXPECT_EQ(loaded->sync_token, "st-2");
  // Untouched by changes that do not carry them.
  EXPECT_EQ(loaded->occupations.size(), 2u);
  EXPECT_EQ(loaded->sessions_etag, "\"ses-1\"");

  // The same changes applied in memory give the same catalog.
  Catalog memory = thousand();
  apply_changes(memory, changes);
  ASSERT_EQ(memory.vacancies.size(), loaded->vacancies.size());
  for (std::size_t i = 0; i < memory.vacancies.size(); ++i) {
    EXPECT_EQ(memory.vacancies[i].id, loaded->vacancies[i].id) << i;
  }
}

TEST_F(SqliteSyncStore, EtagsAndTaxonomyPersistAcrossRestarts) {
  {
    auto store = open_store();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->save(thousand()).has_value());
    CatalogChanges changes;
    changes.sync_token = "st-3";
    changes.occupations = std::vector<Occupation>{{"2411", "Kế toán viên", "Accountants"}};
    changes.occupations_etag = "\"occ-2\"";
    ASSERT_TRUE(store->apply(changes).has_value());
  }
  auto reopened = open_store();
  ASSERT_NE(reopened, nullptr);
  const auto loaded = reopened->load();
  ASSERT_TRUE(loaded.has_value());
  ASSERT_EQ(loaded->occupations.size(), 1u);
  EXPECT_EQ(loaded->occupations[0].label_vi, "Kế toán viên");
  EXPECT_EQ(loaded->occupations_etag, "\"occ-2\"");
  EXPECT_EQ(loaded->sessions_etag, "\"ses-1\"");
  EXPECT_EQ(loaded->sync_token, "st-3");
}

TEST_F(SqliteSyncStore, AFailedApplyChangesNothing) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->save(thousand()).has_value());
  // A trigger that refuses one id makes the transaction fail half-way.
  raw("CREATE TRIGGER refuse BEFORE INSERT ON vacancies WHEN NEW.id = 'v-bad' "
      "BEGIN SELECT RAISE(ABORT, 'refused'); END;");
  CatalogChanges changes;
  changes.upserted = {vacancy("v-ok", k_later), vacancy("v-bad", k_later)};
  changes.removed = {"v-1"};
  changes.sync_token = "st-9";
  ASSERT_FALSE(store->apply(changes).has_value());
  const auto loaded = store->load();
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->vacancies.size(), 1000u);
  EXPECT_EQ(loaded->sync_token, "st-1");
  EXPECT_EQ(raw("SELECT count(*) FROM vacancies WHERE id = 'v-ok'"), "0");
}

TEST_F(SqliteSyncStore, PurgeExpiredDeletesOnlyExpiredRows) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  Catalog c = thousand();
  c.vacancies[0].expires_at = WallTime{seconds{1000}};
  c.vacancies[1].expires_at = WallTime{seconds{2000}};
  c.vacancies[2].expires_at = WallTime{};  // no expiry given: kept
  ASSERT_TRUE(store->save(c).has_value());
  const auto purged = store->purge_expired(WallTime{seconds{2000}});
  ASSERT_TRUE(purged.has_value());
  EXPECT_EQ(*purged, 2u);
  EXPECT_EQ(raw("SELECT count(*) FROM vacancies"), "998");
}

TEST_F(SqliteSyncStore, AVersionOneFileIsMigratedKeepingItsRows) {
  raw("PRAGMA journal_mode=WAL;"
      "CREATE TABLE vacancies(id TEXT PRIMARY KEY, expires_at INTEGER, json TEXT NOT NULL);"
      "CREATE TABLE sessions(id TEXT PRIMARY KEY, json TEXT);"
      "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
      "INSERT INTO vacancies VALUES('v-old', 1900000000, '{\"id\":\"v-old\",\"title\":\"Bảo vệ\","
      "\"expires_at\":\"2030-03-17T00:00:00+07:00\"}');"
      "INSERT INTO meta VALUES('sync_token', 'st-old');"
      "PRAGMA user_version = 1;");
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(raw("PRAGMA user_version"), "2");
  const auto loaded = store->load();
  ASSERT_TRUE(loaded.has_value());
  ASSERT_EQ(loaded->vacancies.size(), 1u);
  EXPECT_EQ(loaded->vacancies[0].title, "Bảo vệ");
  EXPECT_EQ(loaded->sync_token, "st-old");
  EXPECT_TRUE(loaded->occupations.empty());
  EXPECT_TRUE(loaded->sessions_etag.empty());
}

}  // namespace
}  // namespace kiosk
