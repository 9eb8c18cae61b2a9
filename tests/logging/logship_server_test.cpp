// The shipper's libcurl transport against the development server's /v1/logs:
// gzip, Retry-After on 503, malformed and huge answers, malformed requests,
// duplicates kept for the reader; and every sink, the OTLP spool included,
// gets masked text only.

#include <atomic>
#include <fstream>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "adapters/logship/log_shipper.hpp"
#include "adapters/logship/log_shipping.hpp"
#include "adapters/logship/log_spool.hpp"
#include "adapters/logship/otlp_json.hpp"
#include "adapters/system/logging.hpp"
#include "core/log.hpp"
#include "core/redact.hpp"
#include "free_port.hpp"
#include "http_client.hpp"
#include "personal_data.hpp"
#include "support/temp_dir.hpp"
#include "tools/central_dev/dev_central.hpp"

namespace kiosk {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

// The bodies of the "scan" records the server holds, in arrival order.
std::vector<std::string> scan_bodies(const json& logs) {
  std::vector<std::string> out;
  for (const auto& record : logs["records"]) {
    if (record["scope"] == "scan") {
      out.push_back(record["body"]);
    }
  }
  return out;
}

class LogshipServer : public testing::Test {
 protected:
  void SetUp() override {
    const auto port = m_central.start();
    ASSERT_TRUE(port) << port.error();
    m_base = m_central.base_url();
    auto spool = LogSpool::open(m_dir.str(), 1000);
    ASSERT_TRUE(spool) << spool.error();
    m_spool = *spool;
  }

  LogShipper shipper(std::size_t max_batch = 100) {
    LogShipperOptions o;
    o.endpoint = m_base;
    o.resource = OtlpResource{"kiosk", "hn-test-01", "9.9.9"};
    o.max_batch = max_batch;
    return LogShipper(m_spool, o, curl_log_transport(), [] { return 0.0; });
  }

  void spool_records(int n) {
    for (int i = 0; i < n; ++i) {
      LogRecord r;
      r.logger = "scan";
      r.body = "r" + std::to_string(i);
      m_spool->append(std::move(r));
    }
  }

  void fault(const json& body) {
    ASSERT_EQ(test::http("POST", m_base + "/api/v1/_dev/log_faults", body.dump()).status, 200);
  }

  dev::DevCentral m_central{{.vacancies = 10}};
  std::string m_base;
  test::TempDir m_dir;
  std::shared_ptr<LogSpool> m_spool;
};

TEST_F(LogshipServer, GzippedBatchesArriveInOrder) {
  spool_records(5);
  auto s = shipper(2);
  while (s.ship_once().outcome == ShipStep::Outcome::sent) {
  }
  const auto logs = test::dev_logs(m_base);
  EXPECT_EQ(logs["count"], 5);
  EXPECT_EQ(logs["requests"], 3);
  EXPECT_EQ(logs["gzip_requests"], 3);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(logs["records"][i]["body"], "r" + std::to_string(i));
    EXPECT_EQ(logs["records"][i]["service_instance_id"], "hn-test-01");
    EXPECT_EQ(logs["records"][i]["service_version"], "9.9.9");
    EXPECT_EQ(logs["records"][i]["scope"], "scan");
  }
  EXPECT_EQ(m_spool->size(), 0u);
}

TEST_F(LogshipServer, A503WithRetryAfterKeepsTheBatchAndSetsTheWait) {
  spool_records(3);
  fault({{"kind", "status"}, {"status", 503}, {"retry_after", "7"}, {"times", 1}});
  auto s = shipper();
  const auto failed = s.ship_once();
  EXPECT_EQ(failed.outcome, ShipStep::Outcome::failed);
  EXPECT_EQ(failed.status, 503);
  EXPECT_EQ(failed.wait, 7s);  // jitter 0: Retry-After is the wait
  EXPECT_EQ(m_spool->size(), 3u);
  EXPECT_EQ(test::dev_logs(m_base)["count"], 0);
  EXPECT_EQ(s.ship_once().outcome, ShipStep::Outcome::sent);
  EXPECT_EQ(scan_bodies(test::dev_logs(m_base)), (std::vector<std::string>{"r0", "r1", "r2"}));
}

TEST_F(LogshipServer, AnHttpDateRetryAfterOn429IsReadToo) {
  spool_records(1);
  fault({{"kind", "status"}, {"status", 429}, {"retry_after", "Wed, 21 Oct 2015 07:28:00 GMT"}});
  auto s = shipper();
  const auto failed = s.ship_once();
  EXPECT_EQ(failed.status, 429);
  EXPECT_EQ(failed.outcome, ShipStep::Outcome::failed);
  EXPECT_EQ(failed.wait, 0ms);  // a date in the past: no floor, jitter 0
}

TEST_F(LogshipServer, MalformedAndHugeAnswersTo2xxAreAcceptedAndCapped) {
  fault({{"kind", "malformed"}});
  fault({{"kind", "oversize"}, {"oversize_bytes", 5 << 20}});
  const auto body = gzip_compress(encode_otlp_logs({"kiosk", "k", "v"}, {}));
  ASSERT_TRUE(body);
  const auto transport = curl_log_transport();
  const auto malformed = transport(m_base + "/v1/logs", *body);
  EXPECT_EQ(malformed.status, 200);
  EXPECT_EQ(malformed.body, "{\"partialSuccess\": {");
  const auto huge = transport(m_base + "/v1/logs", *body);
  EXPECT_EQ(huge.status, 200);
  EXPECT_EQ(huge.body.size(), 64u * 1024u);

  spool_records(2);
  fault({{"kind", "oversize"}, {"oversize_bytes", 1 << 20}});
  auto s = shipper();
  EXPECT_EQ(s.ship_once().outcome, ShipStep::Outcome::sent);
  EXPECT_EQ(m_spool->size(), 0u);
}

TEST_F(LogshipServer, NoCollectorIsAFailureWithBackoffNotALoss) {
  spool_records(2);
  LogShipperOptions o;
  o.endpoint = "http://127.0.0.1:" + std::to_string(test::unused_port());
  LogShipper s(m_spool, o, curl_log_transport(), [] { return 0.999999; });
  const auto step = s.ship_once();
  EXPECT_EQ(step.outcome, ShipStep::Outcome::failed);
  EXPECT_EQ(step.status, 0);
  EXPECT_GT(step.wait, 900ms);
  const auto kept = m_spool->oldest(10);  // kept (the failure's warning may follow)
  ASSERT_GE(kept.size(), 2u);
  EXPECT_EQ(kept[0].body, "r0");
  EXPECT_EQ(kept[1].body, "r1");
}

TEST_F(LogshipServer, TheServerRefusesMalformedRequestsAndKeepsDuplicates) {
  EXPECT_EQ(test::http("POST", m_base + "/v1/logs", "not json").status, 400);
  EXPECT_EQ(test::http("POST", m_base + "/v1/logs", R"({"resourceLogs": 5})").status, 400);
  EXPECT_EQ(test::http("POST", m_base + "/v1/logs",
                       R"({"resourceLogs":[{"scopeLogs":[{)"
                       R"("logRecords":[7]}]}]})")
                .status,
            400);
  EXPECT_EQ(test::http("POST", m_base + "/api/v1/_dev/log_faults", R"({"kind":"nope"})").status,
            400);
  LogRecord r;
  r.seq = 1;
  r.uid = "same-uid";
  r.logger = "scan";
  r.body = "twice";
  const std::string plain = encode_otlp_logs({"kiosk", "k1", "v"}, {r});
  EXPECT_EQ(test::http("POST", m_base + "/v1/logs", plain).status, 200);  // plain JSON
  EXPECT_EQ(test::http("POST", m_base + "/v1/logs", *gzip_compress(plain), "gzip").status, 200);
  const auto logs = test::dev_logs(m_base);
  EXPECT_EQ(logs["count"], 2);
  EXPECT_EQ(logs["distinct_uids"], 1);
  EXPECT_EQ(logs["gzip_requests"], 1);
  EXPECT_EQ(test::http("DELETE", m_base + "/api/v1/_dev/logs").status, 200);
  EXPECT_EQ(test::dev_logs(m_base)["count"], 0);
}

// The shipper's thread writes a heartbeat as soon as it starts (then every
// interval), from the app's status callback, and it reaches the collector.
TEST_F(LogshipServer, AHeartbeatFromTheAppsStatusGoesTheSameWay) {
  Profile profile;
  profile.kiosk.id = "hn-test-03";
  profile.logging.otlp_endpoint = m_base;
  profile.logging.spool_dir = (m_dir.path() / "spool").string();
  profile.logging.heartbeat_interval = std::chrono::seconds{60};
  std::atomic<int> calls{0};
  auto shipping = start_log_shipping(
      profile,
      [&calls] {
        ++calls;
        return HeartbeatStatus{
            "2.0.1", std::chrono::seconds{42}, "2026-11-27T08:30:00Z", 3, "paper_out", "ok"};
      },
      {.version = "2.0.1"});
  ASSERT_TRUE(shipping) << shipping.error();
  EXPECT_TRUE((*shipping)->active());
  (*shipping)->stop();
  EXPECT_EQ(calls, 1);
  const auto logs = test::dev_logs(m_base);
  std::vector<json> beats;
  for (const auto& record : logs["records"]) {
    if (record["scope"] == "heartbeat") {
      beats.push_back(record);
    }
  }
  ASSERT_EQ(beats.size(), 1u);
  EXPECT_EQ(beats[0]["service_instance_id"], "hn-test-03");
  EXPECT_EQ(beats[0]["service_version"], "2.0.1");
  EXPECT_EQ(beats[0]["attributes"]["event.name"], "kiosk.heartbeat");
  EXPECT_EQ(beats[0]["attributes"]["kiosk.uptime_s"], "42");
  EXPECT_EQ(beats[0]["attributes"]["kiosk.outbox_depth"], "3");
  EXPECT_EQ(beats[0]["attributes"]["kiosk.printer"], "paper_out");
  EXPECT_EQ(beats[0]["attributes"]["kiosk.last_sync"], "2026-11-27T08:30:00Z");
}

// Many threads log while the shipper ships: every record arrives, each
// thread's in the order it wrote them.
TEST_F(LogshipServer, RecordsFromManyThreadsAllArriveInEachThreadsOrder) {
  Profile profile;
  profile.kiosk.id = "hn-test-04";
  profile.logging.otlp_endpoint = m_base;
  profile.logging.spool_dir = (m_dir.path() / "spool").string();
  profile.logging.heartbeat_interval = std::chrono::seconds{0};
  ASSERT_TRUE(setup_logging(LoggingOptions{.level = "info", .journald = false}));
  if (auto server_log = spdlog::get("central-dev")) {
    server_log->set_level(spdlog::level::warn);
  }
  auto shipping = start_log_shipping(profile, {}, {.max_batch = 50, .poll_interval = 5ms});
  ASSERT_TRUE(shipping) << shipping.error();
  constexpr int k_threads = 4;
  constexpr int k_each = 150;
  testing::internal::CaptureStderr();
  {
    std::vector<std::jthread> writers;
    for (int t = 0; t < k_threads; ++t) {
      writers.emplace_back([t] {
        for (int i = 0; i < k_each; ++i) {
          logger("worker" + std::to_string(t))->info("n {}", i);
        }
      });
    }
  }
  (*shipping)->stop();
  (void)testing::internal::GetCapturedStderr();
  const auto logs = test::dev_logs(m_base);
  std::map<std::string, std::vector<int>> seen;
  std::set<std::string> uids;
  for (const auto& record : logs["records"]) {
    const std::string scope = record["scope"];
    if (scope.starts_with("worker") && uids.insert(record["uid"].get<std::string>()).second) {
      seen[scope].push_back(std::stoi(record["body"].get<std::string>().substr(2)));
    }
  }
  ASSERT_EQ(seen.size(), static_cast<std::size_t>(k_threads));
  std::vector<int> expected(k_each);
  std::iota(expected.begin(), expected.end(), 0);
  for (const auto& [scope, numbers] : seen) {
    EXPECT_EQ(numbers, expected) << scope;
  }
}

// A collector that never answers cannot hold the kiosk's exit: stop() gives
// up the send in flight after stop_budget, and the batch stays spooled.
TEST_F(LogshipServer, StoppingDuringAHangingSendKeepsTheBatchSpooled) {
  Profile profile;
  profile.kiosk.id = "hn-test-05";
  profile.logging.otlp_endpoint = m_base;
  profile.logging.spool_dir = (m_dir.path() / "spool").string();
  profile.logging.heartbeat_interval = std::chrono::seconds{60};
  fault({{"kind", "hang"}, {"hang_ms", 60000}, {"times", 0}});
  auto shipping =
      start_log_shipping(profile, [] { return HeartbeatStatus{}; }, {.stop_budget = 200ms});
  ASSERT_TRUE(shipping) << shipping.error();
  // Wait (without a deadline of our own) until the heartbeat's send hangs.
  while (test::dev_logs(m_base)["requests"] == 0) {
    std::this_thread::sleep_for(5ms);
  }
  (*shipping)->stop();
  auto spool = LogSpool::open(profile.logging.spool_dir, 1000);
  ASSERT_TRUE(spool);
  const auto kept = (*spool)->oldest(10);
  ASSERT_FALSE(kept.empty());
  EXPECT_EQ(kept.front().logger, "heartbeat");
  fault({{"clear", true}});
}

TEST_F(LogshipServer, NoEndpointMeansNoSpoolAndNoShipping) {
  Profile profile;
  profile.logging.otlp_endpoint = "";
  profile.logging.spool_dir = (m_dir.path() / "unused").string();
  auto shipping = start_log_shipping(profile, {});
  ASSERT_TRUE(shipping);
  EXPECT_FALSE((*shipping)->active());
  EXPECT_FALSE(std::filesystem::exists(profile.logging.spool_dir));
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void expect_masked(const std::string& output, const std::string& sink) {
  for (const auto& fragment : test::forbidden_fragments()) {
    EXPECT_EQ(output.find(fragment), std::string::npos) << sink << " shows " << fragment;
  }
  for (const auto& fragment : test::masked_fragments()) {
    EXPECT_NE(output.find(fragment), std::string::npos) << sink << " lacks " << fragment;
  }
  EXPECT_NE(output.find("[cccd 001******345]"), std::string::npos) << sink;
}

// Console, file, ring buffer, the OTLP spool and what reaches the collector,
// all from one set-up as the app makes it. (journald: logging_sinks_test.cpp.)
TEST_F(LogshipServer, EverySinkTheSpoolAndTheCollectorGetMaskedText) {
  Profile profile;
  profile.kiosk.id = "hn-test-02";
  profile.logging.otlp_endpoint = m_base;
  profile.logging.spool_dir = (m_dir.path() / "spool").string();
  profile.logging.directory = (m_dir.path() / "log").string();
  profile.logging.heartbeat_interval = std::chrono::seconds{0};
  auto hold = Redactor::global().hold({test::k_seeker_name});
  testing::internal::CaptureStderr();
  ASSERT_TRUE(setup_logging(LoggingOptions{
      .level = profile.logging.level, .directory = profile.logging.directory, .journald = false}));
  // The server's access log is in this process's logs too: keep it out of the spool.
  if (auto server_log = spdlog::get("central-dev")) {
    server_log->set_level(spdlog::level::warn);
  }
  // Collector refuses for now, so the records wait in the spool to be read.
  fault({{"kind", "status"}, {"status", 503}, {"times", 0}});
  auto shipping = start_log_shipping(profile, {}, {.version = "t"});
  ASSERT_TRUE(shipping) << shipping.error();
  logger("scan")->info("{}", test::personal_message());
  logger("scan")->warn("payload '{}' refused", test::personal_payload());
  spdlog::default_logger()->flush();
  const std::string console = testing::internal::GetCapturedStderr();

  auto spool = LogSpool::open(profile.logging.spool_dir, 1000);
  ASSERT_TRUE(spool);
  std::string spooled;
  for (const auto& r : (*spool)->oldest(100)) {
    spooled += r.body + "\n";
  }
  std::string ring;
  for (const auto& line : recent_log_lines(50)) {
    ring += line + "\n";
  }
  fault({{"clear", true}});
  (*shipping)->stop();
  std::string collected;
  const auto logs = test::dev_logs(m_base);
  for (const auto& record : logs["records"]) {
    collected += record["body"].get<std::string>() + "\n";
  }
  expect_masked(console, "console");
  expect_masked(read_file(std::filesystem::path(profile.logging.directory) / "kiosk.log"), "file");
  expect_masked(ring, "ring buffer");
  expect_masked(spooled, "spool");
  expect_masked(collected, "collector");
}

}  // namespace
}  // namespace kiosk
