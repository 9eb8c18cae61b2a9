// SqliteVacancyStore against real files in a temporary directory.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include "adapters/sqlite/session_json.hpp"
#include "adapters/sqlite/sqlite_vacancy_store.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;

Vacancy vacancy(const std::string& id, const std::string& title) {
  Vacancy v;
  v.id = id;
  v.version = 7;
  v.updated_at = WallTime{seconds{1795000000}};
  v.published_at = WallTime{seconds{1794900000}};
  v.expires_at = WallTime{seconds{1798000000}};
  v.title = title;
  v.employer_id = "emp-" + id;
  v.employer_name = "Công ty Cổ phần May Đức Giang";
  v.isco08 = "7533";
  v.occupation_label = "Thợ may công nghiệp";
  v.province_code = "01";
  v.ward_code = "00070";
  v.ward_name = "Phường Long Biên";
  v.address = "59 Phố Đức Giang, Hà Nội";
  v.lat = 21.0612;
  v.lon = 105.8985;
  v.salary_min_vnd = 8000000;
  v.salary_max_vnd = 12000000;
  v.salary_period = "month";
  v.salary_text = "8–12 triệu đồng/tháng";
  v.employment_type = "full_time";
  v.positions = 30;
  v.min_age = 18;
  v.max_age = 45;
  v.education = "THCS";
  v.experience_months = 6;
  v.skills_must = {"may công nghiệp", "đọc bản vẽ"};
  v.benefits = {"Bảo hiểm xã hội", "Ăn trưa"};
  v.target_groups = {"bo_doi_xuat_ngu", "nguoi_khuyet_tat"};
  v.session_ids = {"s-2026-12-28"};
  v.description = "Làm việc theo ca; có xe đưa đón.\nƯu tiên người ở gần.";
  v.slots_available = 5;
  return v;
}

Catalog realistic_catalog() {
  Catalog c;
  c.vacancies = {vacancy("v-1", "Công nhân may"), vacancy("v-2", "Nhân viên kho"),
                 // Decomposed (NFD) Vietnamese must come back as stored, not normalised.
                 vacancy("v-3", "Ke\xcc\x82\xcc\x81 toa\xcc\x81n vie\xcc\x82n")};
  c.vacancies[1].lat.reset();
  c.vacancies[1].lon.reset();
  c.vacancies[1].min_age.reset();
  c.sessions = {JobFairSession{"s-2026-12-28",
                               "Phiên giao dịch việc làm bộ đội xuất ngũ",
                               {"bo_doi_xuat_ngu"},
                               "Sàn GDVL số 1, 215 Trung Kính",
                               WallTime{seconds{1798426800}},
                               WallTime{seconds{1798444800}}},
                JobFairSession{"s-online", "Phiên trực tuyến kết nối các tỉnh", {}, "", {}, {}}};
  c.sync_token = "st-0001.ab";
  c.synced_at = WallTime{seconds{1795010000}};
  return c;
}

void expect_same(const Catalog& a, const Catalog& b) {
  ASSERT_EQ(a.vacancies.size(), b.vacancies.size());
  for (std::size_t i = 0; i < a.vacancies.size(); ++i) {
    EXPECT_EQ(to_json(a.vacancies[i]), to_json(b.vacancies[i])) << i;
    EXPECT_EQ(a.vacancies[i].title, b.vacancies[i].title) << i;  // byte for byte
    EXPECT_EQ(a.vacancies[i].lat.has_value(), b.vacancies[i].lat.has_value()) << i;
  }
  ASSERT_EQ(a.sessions.size(), b.sessions.size());
  for (std::size_t i = 0; i < a.sessions.size(); ++i) {
    EXPECT_EQ(store_detail::session_to_json(a.sessions[i]),
              store_detail::session_to_json(b.sessions[i]))
        << i;
  }
  EXPECT_EQ(a.sync_token, b.sync_token);
  EXPECT_EQ(a.synced_at, b.synced_at);
}

class SqliteStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { spdlog::set_level(spdlog::level::off); }

  void SetUp() override {
    std::string templ = (fs::temp_directory_path() / "kiosk-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    m_dir = templ;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(m_dir, ec);
  }

  fs::path db_path() const { return m_dir / "cache" / "kiosk.db"; }

  std::unique_ptr<SqliteVacancyStore> open_store(bool replace_corrupt = false) const {
    auto store =
        SqliteVacancyStore::open({db_path(), std::chrono::milliseconds{1000}, replace_corrupt});
    EXPECT_TRUE(store.has_value()) << store.error().message;
    return store ? std::move(*store) : nullptr;
  }

  /// The first column of the first row of `sql`, through a second connection.
  std::string raw_query(const std::string& sql) const {
    sqlite3* db = nullptr;
    std::string out;
    if (sqlite3_open(db_path().c_str(), &db) == SQLITE_OK) {
      sqlite3_exec(
          db, sql.c_str(),
          [](void* user, int columns, char** values, char**) {
            if (columns > 0 && values[0] != nullptr) {
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

TEST_F(SqliteStore, NewStoreLoadsAnEmptyCatalog) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  const auto catalog = store->load();
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message;
  EXPECT_TRUE(catalog->vacancies.empty());
  EXPECT_TRUE(catalog->sessions.empty());
  EXPECT_TRUE(catalog->sync_token.empty());
  EXPECT_FALSE(catalog->synced_at.has_value());
  EXPECT_TRUE(fs::exists(db_path()));  // parent directory was created
}

TEST_F(SqliteStore, SaveLoadRoundTripKeepsVietnameseTextByteForByte) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  const Catalog saved = realistic_catalog();
  ASSERT_TRUE(store->save(saved).has_value());
  const auto loaded = store->load();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
  expect_same(saved, *loaded);
  EXPECT_EQ(loaded->vacancies[2].title, "Ke\xcc\x82\xcc\x81 toa\xcc\x81n vie\xcc\x82n");
  EXPECT_EQ(loaded->vacancies[0].description, saved.vacancies[0].description);
}

TEST_F(SqliteStore, SaveReplacesEverything) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->save(realistic_catalog()).has_value());
  Catalog next;
  next.vacancies = {vacancy("v-9", "Bảo vệ")};
  next.sync_token = "st-0002";
  ASSERT_TRUE(store->save(next).has_value());
  const auto loaded = store->load();
  ASSERT_TRUE(loaded.has_value());
  expect_same(next, *loaded);
  EXPECT_EQ(raw_query("SELECT count(*) FROM vacancies"), "1");
  EXPECT_EQ(raw_query("SELECT count(*) FROM sessions"), "0");
  EXPECT_EQ(raw_query("SELECT count(*) FROM meta WHERE key = 'synced_at'"), "0");
}

TEST_F(SqliteStore, UsesWalAndSchemaVersionTwo) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(raw_query("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(raw_query("PRAGMA user_version"), "2");
  EXPECT_EQ(raw_query("SELECT group_concat(name, ',') FROM "
                      "(SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name)"),
            "meta,occupations,sessions,vacancies");
  EXPECT_EQ(raw_query("SELECT expires_at FROM vacancies"), "");  // nothing saved yet
  ASSERT_TRUE(store->save(realistic_catalog()).has_value());
  EXPECT_EQ(raw_query("SELECT expires_at FROM vacancies WHERE id = 'v-1'"), "1798000000");
}

TEST_F(SqliteStore, ReopenKeepsTheData) {
  const Catalog saved = realistic_catalog();
  {
    auto store = open_store();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->save(saved).has_value());
  }
  auto reopened = open_store();
  ASSERT_NE(reopened, nullptr);
  const auto loaded = reopened->load();
  ASSERT_TRUE(loaded.has_value());
  expect_same(saved, *loaded);
}

TEST_F(SqliteStore, FailedSaveLeavesTheOldCatalog) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  const Catalog saved = realistic_catalog();
  ASSERT_TRUE(store->save(saved).has_value());
  Catalog broken;
  broken.vacancies = {vacancy("v-new", "Lái xe"), vacancy("v-dup", "Thợ hàn"),
                      vacancy("v-dup", "Thợ hàn 2")};
  broken.sync_token = "st-broken";
  const auto result = store->save(broken);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, StoreError::io);
  EXPECT_NE(result.error().message.find("v-dup"), std::string::npos);
  const auto loaded = store->load();
  ASSERT_TRUE(loaded.has_value());
  expect_same(saved, *loaded);
  // The store is still usable after the rollback.
  ASSERT_TRUE(store->save(Catalog{}).has_value());
}

TEST_F(SqliteStore, GarbageFileIsCorrupt) {
  fs::create_directories(db_path().parent_path());
  {
    std::ofstream out(db_path(), std::ios::binary);
    for (int i = 0; i < 400; ++i) {
      out << "this is not an SQLite database, line " << i << '\n';
    }
  }
  const auto size = fs::file_size(db_path());
  const auto store = SqliteVacancyStore::open({db_path()});
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().kind, StoreError::corrupt);
  EXPECT_EQ(fs::file_size(db_path()), size);  // left as it was
}

TEST_F(SqliteStore, GarbageFileIsMovedAsideWhenAllowed) {
  fs::create_directories(db_path().parent_path());
  {
    std::ofstream out(db_path(), std::ios::binary);
    out << std::string(8192, 'Z');
  }
  auto store = open_store(/*replace_corrupt=*/true);
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(fs::exists(db_path().string() + ".corrupt"));
  ASSERT_TRUE(store->save(realistic_catalog()).has_value());
  const auto loaded = store->load();
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->vacancies.size(), 3U);
}

TEST_F(SqliteStore, UncreatableDirectoryIsUnavailable) {
  std::ofstream(m_dir / "cache") << "a file where the directory should be";
  const auto store = SqliteVacancyStore::open({db_path()});
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().kind, StoreError::unavailable);
}

TEST_F(SqliteStore, NewerSchemaIsUnavailable) {
  ASSERT_NE(open_store(), nullptr);
  raw_query("PRAGMA user_version = 99");
  const auto store = SqliteVacancyStore::open({db_path()});
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().kind, StoreError::unavailable);
  EXPECT_EQ(raw_query("PRAGMA user_version"), "99");
}

TEST_F(SqliteStore, DamagedRowIsSkippedOnLoad) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->save(realistic_catalog()).has_value());
  raw_query("UPDATE vacancies SET json = '{\"id\":' WHERE id = 'v-2'");
  const auto loaded = store->load();
  ASSERT_TRUE(loaded.has_value());
  ASSERT_EQ(loaded->vacancies.size(), 2U);
  EXPECT_EQ(loaded->vacancies[0].id, "v-1");
  EXPECT_EQ(loaded->vacancies[1].id, "v-3");
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

TEST_F(SqliteStore, VacanciesAreStoredAsCborAndOlderJsonTextRowsStillRead) {
  auto store = open_store();
  ASSERT_NE(store, nullptr);
  const Catalog saved = realistic_catalog();
  ASSERT_TRUE(store->save(saved).has_value());
  EXPECT_EQ(raw_query("SELECT typeof(json) FROM vacancies LIMIT 1"), "blob");
  // A cache written before: the document as JSON text.
  const std::string text = to_json(saved.vacancies[1]).dump();
  std::string quoted;
  for (const char c : text) {
    quoted += c == '\'' ? std::string("''") : std::string(1, c);
  }
  raw_query("UPDATE vacancies SET json = '" + quoted + "' WHERE id = '" + saved.vacancies[1].id +
            "'");
  EXPECT_EQ(raw_query("SELECT typeof(json) FROM vacancies WHERE id = '" + saved.vacancies[1].id +
                      "'"),
            "text");
  // And one row that is neither: skipped, the rest still load.
  raw_query("UPDATE vacancies SET json = x'ff00ff' WHERE id = '" + saved.vacancies[0].id + "'");
  store.reset();
  store = open_store();
  const auto loaded = store->load();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().message;
  ASSERT_EQ(loaded->vacancies.size(), saved.vacancies.size() - 1);
  EXPECT_EQ(loaded->vacancies[0].id, saved.vacancies[1].id);
  EXPECT_EQ(loaded->vacancies[0].title, saved.vacancies[1].title);
  EXPECT_EQ(loaded->vacancies[0].description, saved.vacancies[1].description);
}

}  // namespace
}  // namespace kiosk
