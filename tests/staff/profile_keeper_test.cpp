// ProfileKeeper (issue 7): the profile in force from its layers at start-up,
// a central profile fetched over real HTTP from the development server
// (If-None-Match and 304, a bad signature, a tampered body), the last known
// good one across a restart, and staff changes written as the top layer.

#include "app/profile_keeper.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "adapters/curl/curl_central_api.hpp"
#include "adapters/factory/central_profile_cache.hpp"
#include "support/ed25519_signer.hpp"
#include "support/temp_dir.hpp"
#include "tools/central_dev/dev_central.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

class ProfileKeeperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dev::DevCentralOptions options;
    options.vacancies = 20;
    central = std::make_unique<dev::DevCentral>(options);
    auto port = central->start();
    ASSERT_TRUE(port) << port.error();
    write_local();
  }
  void TearDown() override { central->stop(); }

  void write_local(const std::string& extra = "") {
    std::ofstream out(dir / "kiosk.toml");
    out << "[kiosk]\nid = \"hn-07\"\n"
        << "[api]\nbase_url = \"" << central->base_url() << "\"\ntoken = \"dev-token\"\n"
        << "profile_pubkey = \"" << centre.public_b64() << "\"\n"
        << "[session]\nidle_timeout_s = 90\n"
        << "[data]\nstore_path = \"" << (dir / "kiosk.db").string() << "\"\n"
        << extra;
  }
  std::string local_path() const { return (dir / "kiosk.toml").string(); }

  std::unique_ptr<CentralApi> api() const {
    CurlApiSettings s;
    s.base_url = central->base_url();
    s.token = "dev-token";
    return std::make_unique<CurlCentralApi>(s);
  }

  test::TempDir temp;  // removed with the fixture
  const fs::path dir = temp.path();
  std::unique_ptr<dev::DevCentral> central;
  test_support::Ed25519Signer centre;
};

constexpr const char* k_central = "[session]\nidle_timeout_s = 120\nsession_ids = [\"pgd-a\"]\n";

TEST_F(ProfileKeeperTest, LayersLocalThenLastGoodCentralThenStaff) {
  auto cache = CentralProfileCache(dir);
  ASSERT_TRUE(cache.save(k_central, centre.sign_b64(k_central), "\"e1\""));
  std::ofstream(dir / "staff.toml") << "[session]\nsession_ids = [\"pgd-b\"]\n";
  auto keeper = ProfileKeeper::load(local_path());
  ASSERT_TRUE(keeper) << keeper.error().to_string();
  EXPECT_EQ(keeper->profile().session.idle_timeout, std::chrono::seconds{120});         // central
  EXPECT_EQ(keeper->profile().session.session_ids, std::vector<std::string>{"pgd-b"});  // staff
  EXPECT_EQ(keeper->profile().kiosk.id, "hn-07");                                       // local
  EXPECT_EQ(keeper->effective().origin_of("session.session_ids"), "staff");
  EXPECT_EQ(keeper->sources(), "kiosk.toml + central \"e1\" + staff");
}

TEST_F(ProfileKeeperTest, ABadStaffFileOrCacheIsLeftOutAndTheKioskStillStarts) {
  std::ofstream(dir / "staff.toml") << "[session]\nidle_timeout_s = \"soon\"\n";
  std::ofstream(dir / "central_profile.toml") << k_central;
  std::ofstream(dir / "central_profile.toml.sig") << centre.sign_b64("something else");
  auto keeper = ProfileKeeper::load(local_path());
  ASSERT_TRUE(keeper) << keeper.error().to_string();
  EXPECT_EQ(keeper->profile().session.idle_timeout, std::chrono::seconds{90});
  EXPECT_EQ(keeper->sources(), "kiosk.toml");
}

TEST_F(ProfileKeeperTest, ACacheThatNoLongerMergesIsLeftOutButTheStaffFileStays) {
  // Signed and cached, but this local file's own settings make it invalid
  // together (the outbox on the cache's file).
  const std::string body = "[data]\noutbox_path = \"" + (dir / "kiosk.db").string() + "\"\n";
  ASSERT_TRUE(CentralProfileCache(dir).save(body, centre.sign_b64(body), "\"e2\""));
  std::ofstream(dir / "staff.toml") << "[session]\nsession_ids = [\"pgd-b\"]\n";
  auto keeper = ProfileKeeper::load(local_path());
  ASSERT_TRUE(keeper) << keeper.error().to_string();
  EXPECT_EQ(keeper->sources(), "kiosk.toml + staff");
  EXPECT_EQ(keeper->profile().session.session_ids, std::vector<std::string>{"pgd-b"});
}

TEST_F(ProfileKeeperTest, FetchesOverHttpAsksWithTheETagAndKeepsTheLastGoodOne) {
  auto keeper = ProfileKeeper::load(local_path());
  ASSERT_TRUE(keeper);
  auto client = api();
  // None served yet: nothing changes.
  auto fetch = ProfileKeeper::fetch_central(*client, keeper->local(), keeper->central_etag());
  EXPECT_EQ(fetch.outcome, CentralFetch::Outcome::none);
  EXPECT_FALSE(keeper->take_central(fetch));

  central->set_kiosk_profile("hn-07", k_central, centre.sign_b64(k_central));
  fetch = ProfileKeeper::fetch_central(*client, keeper->local(), keeper->central_etag());
  ASSERT_EQ(fetch.outcome, CentralFetch::Outcome::checked) << fetch.error;
  auto next = keeper->take_central(fetch);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->profile.session.idle_timeout, std::chrono::seconds{120});
  keeper->commit(std::move(*next));
  const std::string etag = keeper->central_etag();
  EXPECT_FALSE(etag.empty());

  // Asked again with the ETag: 304, nothing to apply.
  central->clear_requests();
  fetch = ProfileKeeper::fetch_central(*client, keeper->local(), keeper->central_etag());
  EXPECT_EQ(fetch.outcome, CentralFetch::Outcome::unchanged);
  EXPECT_FALSE(keeper->take_central(fetch));
  const auto requests = central->requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].if_none_match, etag);
  EXPECT_EQ(requests[0].status, 304);

  // A tampered body (the old signature) and a profile signed by another key
  // are refused; the one in force stays, and so does the cache.
  const std::string tampered = "[session]\nidle_timeout_s = 3600\n";
  central->set_kiosk_profile("hn-07", tampered, centre.sign_b64(k_central));
  fetch = ProfileKeeper::fetch_central(*client, keeper->local(), keeper->central_etag());
  EXPECT_EQ(fetch.outcome, CentralFetch::Outcome::refused);
  EXPECT_FALSE(keeper->take_central(fetch));
  test_support::Ed25519Signer forger;
  central->set_kiosk_profile("hn-07", tampered, forger.sign_b64(tampered));
  fetch = ProfileKeeper::fetch_central(*client, keeper->local(), keeper->central_etag());
  EXPECT_EQ(fetch.outcome, CentralFetch::Outcome::refused);
  EXPECT_FALSE(keeper->take_central(fetch));
  EXPECT_EQ(keeper->profile().session.idle_timeout, std::chrono::seconds{120});

  // A restart: the last good central profile is in force again.
  auto again = ProfileKeeper::load(local_path());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->profile().session.idle_timeout, std::chrono::seconds{120});
  EXPECT_EQ(again->central_etag(), etag);
}

TEST_F(ProfileKeeperTest, ACentralProfileThatDoesNotMergeIsRefused) {
  auto keeper = ProfileKeeper::load(local_path());
  ASSERT_TRUE(keeper);
  // Signed by the Centre, but it carries a secret: refused all the same.
  const std::string secret = "[api]\ntoken = \"stolen\"\n";
  central->set_kiosk_profile("hn-07", secret, centre.sign_b64(secret));
  auto client = api();
  const auto fetch = ProfileKeeper::fetch_central(*client, keeper->local(), "");
  EXPECT_EQ(fetch.outcome, CentralFetch::Outcome::refused);
  EXPECT_NE(fetch.error.find("api.token"), std::string::npos) << fetch.error;
}

TEST_F(ProfileKeeperTest, StaffSessionsAreWrittenAsTheTopLayerAndOutliveARestart) {
  auto keeper = ProfileKeeper::load(local_path());
  ASSERT_TRUE(keeper);
  auto next = keeper->set_staff_sessions({"pgd-20261127-bdxn"});
  ASSERT_TRUE(next) << next.error();
  EXPECT_EQ(next->profile.session.session_ids, std::vector<std::string>{"pgd-20261127-bdxn"});
  keeper->commit(std::move(*next));
  auto again = ProfileKeeper::load(local_path());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->profile().session.session_ids, std::vector<std::string>{"pgd-20261127-bdxn"});
  // Back to every session: an empty list, still from the staff layer.
  auto all = again->set_staff_sessions({});
  ASSERT_TRUE(all);
  EXPECT_TRUE(all->profile.session.session_ids.empty());
  EXPECT_EQ(all->origin_of("session.session_ids"), "staff");
}

}  // namespace
}  // namespace kiosk
