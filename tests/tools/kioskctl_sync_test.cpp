// kioskctl sync against the development central API on loopback: the first
// run fetches a snapshot, the next one only the changes (with removals), as
// the kiosk's SyncService does; a failed run leaves the cache as it was.

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "../support/source_test_support.hpp"
#include "adapters/factory/adapter_factory.hpp"
#include "adapters/factory/profile_file.hpp"
#include "tools/central_dev/dev_central.hpp"
#include "tools/kioskctl/sync_command.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  int status = 0;
  nlohmann::json json;
  std::string err;
};

class KioskctlSync : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { spdlog::set_level(spdlog::level::warn); }

  void SetUp() override {
    dev::DevCentralOptions options;
    options.vacancies = 120;
    options.token = "test-token";
    m_central = std::make_unique<dev::DevCentral>(options);
    const auto port = m_central->start();
    ASSERT_TRUE(port.has_value()) << port.error();
    write_profile(*port);
  }

  void write_profile(int port) {
    std::ofstream(m_profile) << "[api]\nbase_url = \"http://127.0.0.1:" << port << "\"\n"
                             << "token = \"test-token\"\n"
                             << "[data]\nstore_path = \"" << (m_dir.path() / "store.db").string()
                             << "\"\n";
  }

  Outcome run() {
    const auto options = parse_sync_args({"--profile", m_profile.string()});
    EXPECT_TRUE(options.has_value()) << options.error();
    std::ostringstream out;
    std::ostringstream err;
    Outcome r;
    r.status = options ? sync_command(*options, out, err) : 64;
    r.json = nlohmann::json::parse(out.str(), nullptr, false);
    r.err = err.str();
    return r;
  }

  std::vector<std::string> cached_ids() {
    auto profile = load_profile_file(m_profile.string());
    EXPECT_TRUE(profile.has_value());
    auto store = make_store(*profile);
    EXPECT_TRUE(store.has_value());
    auto catalog = (*store)->load();
    EXPECT_TRUE(catalog.has_value());
    std::vector<std::string> ids;
    for (const auto& v : catalog->vacancies) {
      ids.push_back(v.id);
    }
    return ids;
  }

  static bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

  test_support::TempDir m_dir;
  fs::path m_profile = m_dir.path() / "kiosk.toml";
  std::unique_ptr<dev::DevCentral> m_central;
};

TEST_F(KioskctlSync, FirstRunFetchesASnapshotIntoTheCache) {
  const Outcome r = run();
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.json["mode"], "snapshot");
  EXPECT_EQ(r.json["vacancies"], 120);
  EXPECT_EQ(r.json["upserted"], 120);
  EXPECT_EQ(r.json["removed"], 0);
  EXPECT_EQ(r.json["skipped"], 0);
  EXPECT_GE(r.json["sessions"].get<int>(), 1);
  EXPECT_FALSE(r.json["sync_token"].get<std::string>().empty());
  // Expired vacancies (vac-000013, vac-000063, …) are purged from the cache.
  const auto ids = cached_ids();
  EXPECT_EQ(ids.size(), 120u - r.json["expired"].get<std::size_t>());
  EXPECT_TRUE(has(ids, "vac-000001"));
  EXPECT_FALSE(has(ids, "vac-000013"));
}

TEST_F(KioskctlSync, SecondRunAppliesOnlyTheChanges) {
  const Outcome first = run();
  ASSERT_EQ(first.status, 0) << first.err;
  ASSERT_TRUE(m_central->remove_vacancy("vac-000001"));
  ASSERT_TRUE(m_central->touch_vacancy("vac-000002"));
  m_central->clear_requests();

  const Outcome r = run();
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.json["mode"], "changes");
  EXPECT_EQ(r.json["upserted"], 1);
  EXPECT_EQ(r.json["removed"], 1);
  // The changes apply to the cache, whose expired vacancies were purged.
  EXPECT_EQ(r.json["vacancies"], 120 - first.json["expired"].get<int>() - 1);
  const auto ids = cached_ids();
  EXPECT_FALSE(has(ids, "vac-000001"));
  EXPECT_TRUE(has(ids, "vac-000002"));

  // No snapshot page was asked for, and the sessions came with their ETag.
  bool changes = false;
  for (const auto& req : m_central->requests()) {
    EXPECT_NE(req.path.rfind("/api/v1/vacancies/snapshot", 0), 0u) << req.path;
    changes = changes || req.path.rfind("/api/v1/vacancies/changes", 0) == 0;
    if (req.path == "/api/v1/sessions") {
      EXPECT_FALSE(req.if_none_match.empty());
    }
  }
  EXPECT_TRUE(changes);
}

TEST_F(KioskctlSync, UnreachableApiLeavesTheCacheAsItWas) {
  ASSERT_EQ(run().status, 0);
  const auto before = cached_ids();
  m_central->stop();
  const Outcome r = run();
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("sync failed"), std::string::npos) << r.err;
  EXPECT_EQ(cached_ids(), before);
}

TEST(KioskctlSyncArgs, ProfileIsRequired) {
  EXPECT_FALSE(parse_sync_args({}).has_value());
  EXPECT_FALSE(parse_sync_args({"--profile"}).has_value());
  EXPECT_FALSE(parse_sync_args({"--profile", "a.toml", "--bogus"}).has_value());
  EXPECT_EQ(parse_sync_args({"--profile", "a.toml"})->profile_path, "a.toml");
}

}  // namespace
}  // namespace kiosk
