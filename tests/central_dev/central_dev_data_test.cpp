// The generated data (size, determinism, realism), the command line and HTTPS.

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "central_dev_support.hpp"
#include "tools/central_dev/dev_cli.hpp"

namespace kiosk::dev::test {
namespace {

TEST_F(CentralDev, FiftyThousandVacanciesPageAndAreDeterministic) {
  start({.vacancies = 50'000, .seed = 1234});
  std::set<std::string> ids;
  std::string cursor;
  for (int pages = 0; pages < 60; ++pages) {
    const auto page = get("/api/v1/vacancies/snapshot?limit=1000&cursor=" + cursor).json();
    for (const auto& v : page["vacancies"]) {
      ids.insert(v["id"].get<std::string>());
    }
    if (page["next_cursor"].is_null()) {
      break;
    }
    cursor = page["next_cursor"].get<std::string>();
  }
  EXPECT_EQ(ids.size(), 50'000U);
  const std::string first = get("/api/v1/vacancies/snapshot?limit=1").json()["vacancies"][0].dump();

  start({.vacancies = 50'000, .seed = 1234});
  EXPECT_EQ(get("/api/v1/vacancies/snapshot?limit=1").json()["vacancies"][0].dump(), first);
  start({.vacancies = 600, .seed = 1234});  // vacancy N does not depend on the count
  EXPECT_EQ(get("/api/v1/vacancies/snapshot?limit=1").json()["vacancies"][0].dump(), first);
  start({.vacancies = 600, .seed = 1235});
  EXPECT_NE(get("/api/v1/vacancies/snapshot?limit=1").json()["vacancies"][0].dump(), first);
}

TEST_F(CentralDev, DataLooksLikeHanoi) {
  start({.vacancies = 600});
  const auto all = get("/api/v1/vacancies/snapshot?limit=1000").json()["vacancies"];
  ASSERT_EQ(all.size(), 600U);
  std::set<std::string> wards;
  std::set<std::string> sessions;
  std::map<std::string, int> types;
  int expired = 0;
  for (const auto& v : all) {
    wards.insert(v["location"]["ward_code"].get<std::string>());
    const std::string ward_name = v["location"]["ward_name"].get<std::string>();
    EXPECT_TRUE(ward_name.starts_with("Phường ") || ward_name.starts_with("Xã ")) << ward_name;
    EXPECT_NEAR(v["location"]["lat"].get<double>(), 21.0, 0.5);
    EXPECT_NEAR(v["location"]["lon"].get<double>(), 105.8, 0.5);
    EXPECT_GE(v["salary"]["min_vnd"].get<long>(),
              v["salary"]["period"] == "hour" ? 26'000 : 5'000'000);
    types[v["employment_type"].get<std::string>()] += 1;
    for (const auto& s : v["session_ids"]) {
      sessions.insert(s.get<std::string>());
    }
    EXPECT_EQ(v["session_ids"][0], "pgd-20261127");
    // Same offset everywhere, so the text compares like the instant.
    expired += v["expires_at"].get<std::string>() < "2026-11-27T00:00:00+07:00" ? 1 : 0;
  }
  EXPECT_GT(wards.size(), 60U);
  EXPECT_GE(sessions.size(), 6U);  // every themed session has vacancies
  for (const char* t : {"full_time", "part_time", "seasonal", "overseas_contract"}) {
    EXPECT_GT(types[t], 0) << t;
  }
  EXPECT_EQ(expired, 12);  // vac-000013, vac-000063, … vac-000563
  EXPECT_LT(all[12]["expires_at"].get<std::string>(), "2026-11-27");
  EXPECT_EQ(all[6]["id"], "vac-000007");
  const auto slots = get("/api/v1/vacancies/vac-000007/slots").json()["slots"];
  EXPECT_EQ(slots[0]["capacity"], 1);
  EXPECT_EQ(slots[0]["remaining"], 1);
  EXPECT_GE(slots[0]["starts_at"].get<std::string>(), "2026-11-28");  // ahead all day
}

TEST_F(CentralDev, BadOptionsFailAtStart) {
  DevCentral bad_dir({.data_dir = "/nonexistent"});
  EXPECT_FALSE(bad_dir.start().has_value());
  DevCentral bad_day({.today = "2026-02-30"});
  EXPECT_FALSE(bad_day.start().has_value());
  DevCentral half_tls({.cert_file = "c.pem"});
  EXPECT_FALSE(half_tls.start().has_value());
}

TEST_F(CentralDev, BusyPortFailsToStart) {
  start();
  DevCentral second({.today = k_today});
  const auto port = second.start("127.0.0.1", m_port);
  EXPECT_FALSE(port.has_value());
}

TEST_F(CentralDev, CommandLineFlags) {
  const std::string_view ok[] = {"--port",  "9000",         "--error-rate=0.25",
                                 "--today", "2026-11-27",   "--vacancies",
                                 "50000",   "--latency-ms", "20"};
  const auto args = parse_dev_cli(ok);
  ASSERT_TRUE(args.has_value()) << args.error();
  EXPECT_EQ(args->port, 9000);
  EXPECT_DOUBLE_EQ(args->options.error_rate, 0.25);
  EXPECT_EQ(args->options.vacancies, 50'000U);
  EXPECT_EQ(args->options.latency.count(), 20);
  const std::string_view rate[] = {"--error-rate", "2"};
  EXPECT_FALSE(parse_dev_cli(rate).has_value());
  const std::string_view unknown[] = {"--frobnicate", "1"};
  EXPECT_FALSE(parse_dev_cli(unknown).has_value());
  const std::string_view dangling[] = {"--port"};
  EXPECT_FALSE(parse_dev_cli(dangling).has_value());
}

TEST_F(CentralDev, ServesHttpsWithAThrowawayCertificate) {
  const auto dir = std::filesystem::temp_directory_path() /
                   fmt::format("central-dev-tls-{}",
                               ::testing::UnitTest::GetInstance()->random_seed() ^ ::getpid());
  std::filesystem::create_directories(dir);
  const std::string cert = (dir / "c.pem").string();
  const std::string key = (dir / "k.pem").string();
  const std::string command = fmt::format(
      "openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 "
      "-addext subjectAltName=IP:127.0.0.1 -days 1 -keyout '{}' -out '{}' >/dev/null 2>&1",
      key, cert);
  if (std::system(command.c_str()) != 0) {
    std::filesystem::remove_all(dir);
    GTEST_SKIP() << "the openssl command is not available";
  }
  start({.cert_file = cert, .key_file = key});
  EXPECT_TRUE(m_central->base_url().starts_with("https://127.0.0.1:"));
  httplib::SSLClient tls("127.0.0.1", m_port);
  tls.set_ca_cert_path(cert.c_str());
  tls.enable_server_certificate_verification(true);
  tls.set_bearer_token_auth(k_token);
  const auto health = tls.Get("/healthz");
  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->body, "ok");
  const auto sessions = tls.Get("/api/v1/sessions");
  ASSERT_TRUE(sessions);
  EXPECT_EQ(sessions->status, 200);
  // Plain HTTP to the TLS port gets no answer.
  EXPECT_EQ(get("/healthz").status, 0);
  m_central->stop();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kiosk::dev::test
