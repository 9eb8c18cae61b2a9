// The log spool, the OTLP JSON encoding and the shipper with an injected
// transport and jitter: batching, order, backoff and Retry-After (as the
// waits ship_once() asks for, never timed), refusals, the spool's cap, and
// survival of a crashed process.

#include <sys/wait.h>
#include <unistd.h>

#include <deque>
#include <fstream>

#include <gtest/gtest.h>
#include <zlib.h>
#include <nlohmann/json.hpp>

#include "adapters/logship/log_shipper.hpp"
#include "adapters/logship/log_shipping.hpp"
#include "adapters/logship/log_spool.hpp"
#include "adapters/logship/otlp_json.hpp"
#include "support/temp_dir.hpp"

namespace kiosk {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

LogRecord record(const std::string& body, const std::string& logger = "scan") {
  LogRecord r;
  r.time_ns = 1'790'000'000'000'000'000;
  r.logger = logger;
  r.body = body;
  return r;
}

std::string gunzip(const std::string& data) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out;
  char buffer[16384];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    rc = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  EXPECT_EQ(rc, Z_STREAM_END);
  return out;
}

// The bodies of the records in an OTLP request, in order.
std::vector<std::string> bodies_of(const json& request) {
  std::vector<std::string> out;
  for (const auto& scope : request["resourceLogs"][0]["scopeLogs"]) {
    for (const auto& r : scope["logRecords"]) {
      out.push_back(r["body"]["stringValue"]);
    }
  }
  return out;
}

// A scripted collector: answers in turn (then 200), keeps every request.
struct FakeCollector {
  std::deque<ShipAnswer> answers;
  std::vector<json> requests;
  std::vector<std::string> urls;
  LogTransport transport() {
    return [this](const std::string& url, const std::string& gzipped) {
      urls.push_back(url);
      requests.push_back(json::parse(gunzip(gzipped)));
      if (answers.empty()) {
        return ShipAnswer{200, "", std::nullopt, "{}"};
      }
      ShipAnswer a = answers.front();
      answers.pop_front();
      return a;
    };
  }
};

std::shared_ptr<LogSpool> open_spool(const test::TempDir& dir, std::size_t cap = 1000) {
  auto spool = LogSpool::open(dir.str(), cap);
  EXPECT_TRUE(spool) << spool.error();
  return *spool;
}

LogShipperOptions shipper_options(std::size_t max_batch) {
  LogShipperOptions o;
  o.endpoint = "http://collector.test:4318/";
  o.resource = OtlpResource{"kiosk", "hn-cg-01", "1.2.3"};
  o.max_batch = max_batch;
  o.backoff = BackoffPolicy{1000ms, 60000ms, 600000ms};
  return o;
}

TEST(LogSpool, KeepsOrderAndUniqueIdsAndRemovesOnlyWhatWasSent) {
  test::TempDir dir;
  auto spool = open_spool(dir);
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(spool->append(record("r" + std::to_string(i))));
  }
  auto batch = spool->oldest(3);
  ASSERT_EQ(batch.size(), 3u);
  EXPECT_EQ(batch[0].body, "r0");
  EXPECT_EQ(batch[2].body, "r2");
  EXPECT_LT(batch[0].seq, batch[1].seq);
  EXPECT_NE(batch[0].uid, batch[1].uid);
  EXPECT_EQ(batch[0].uid.size(), 36u);
  EXPECT_EQ(batch[0].uid[14], '4');  // UUID version 4
  ASSERT_TRUE(spool->remove(batch));
  EXPECT_EQ(spool->size(), 2u);
  EXPECT_EQ(spool->oldest(10).front().body, "r3");
}

TEST(LogSpool, RecordsOfACrashedProcessAreThereAfterRestart) {
  test::TempDir dir;
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto spool = LogSpool::open(dir.str(), 1000);
    for (int i = 0; i < 20; ++i) {
      (*spool)->append(record("before crash " + std::to_string(i)));
    }
    std::_Exit(0);  // no destructor, no close: as a crash would leave it
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  auto spool = open_spool(dir);
  EXPECT_EQ(spool->size(), 20u);
  const auto all = spool->oldest(100);
  ASSERT_EQ(all.size(), 20u);
  EXPECT_EQ(all.front().body, "before crash 0");
  EXPECT_EQ(all.back().body, "before crash 19");
  // New records come after them.
  spool->append(record("after restart"));
  EXPECT_GT(spool->oldest(100).back().seq, all.back().seq);
}

TEST(LogSpool, AnUnreadableSpoolIsSetAsideAndANewOneStarted) {
  test::TempDir dir;
  {
    std::ofstream garbage(dir.path() / "spool.db", std::ios::binary);
    garbage << std::string(8192, '\x5a');
  }
  auto spool = open_spool(dir);
  ASSERT_TRUE(spool);
  EXPECT_EQ(spool->size(), 0u);
  EXPECT_TRUE(spool->append(record("fresh")));
  int aside = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    aside += entry.path().filename().string().starts_with("spool.db.corrupt-") ? 1 : 0;
  }
  EXPECT_EQ(aside, 1);
}

TEST(LogSpool, OverTheCapTheOldestGoAndOneRecordCountsThem) {
  test::TempDir dir;
  auto spool = open_spool(dir, 10);
  for (int i = 0; i < 25; ++i) {
    spool->append(record("r" + std::to_string(i)));
  }
  EXPECT_LE(spool->size(), 10u);
  const auto all = spool->oldest(100);
  ASSERT_EQ(all.size(), spool->size());
  EXPECT_EQ(all.front().logger, "logship");
  EXPECT_EQ(all.front().severity_text, "WARN");
  const std::int64_t dropped = all.front().dropped;
  EXPECT_EQ(all.front().body,
            "log spool full: dropped " + std::to_string(dropped) + " oldest records");
  // Nothing in between is lost: the marker stands for exactly the records gone.
  EXPECT_EQ(static_cast<std::size_t>(dropped) + all.size() - 1, 25u);
  EXPECT_EQ(all.back().body, "r24");
  for (std::size_t i = 2; i < all.size(); ++i) {
    EXPECT_LT(all[i - 1].seq, all[i].seq);
  }
}

TEST(OtlpJson, ResourceScopesAndRecordsInTheOtlpJsonMapping) {
  auto a = record("one", "scan");
  a.seq = 7;
  a.uid = "uid-1";
  a.observed_ns = 1'790'000'000'500'000'000;
  auto b = record("two", "scan");
  b.seq = 8;
  b.uid = "uid-2";
  b.severity = 13;
  b.severity_text = "WARN";
  auto c = record("three", "api");
  c.seq = 9;
  c.uid = "uid-3";
  c.attributes = {{"kiosk.printer", "ok"}};
  auto d = record("four", "scan");
  const json j = json::parse(encode_otlp_logs({"kiosk", "hn-cg-01", "1.2.3"}, {a, b, c, d}));
  const auto& rl = j["resourceLogs"][0];
  const auto& attrs = rl["resource"]["attributes"];
  EXPECT_EQ(attrs[0], (json{{"key", "service.name"}, {"value", {{"stringValue", "kiosk"}}}}));
  EXPECT_EQ(attrs[1],
            (json{{"key", "service.instance.id"}, {"value", {{"stringValue", "hn-cg-01"}}}}));
  EXPECT_EQ(attrs[2], (json{{"key", "service.version"}, {"value", {{"stringValue", "1.2.3"}}}}));
  // A scope per run of one logger, so the order survives.
  ASSERT_EQ(rl["scopeLogs"].size(), 3u);
  EXPECT_EQ(rl["scopeLogs"][0]["scope"]["name"], "scan");
  EXPECT_EQ(rl["scopeLogs"][1]["scope"]["name"], "api");
  EXPECT_EQ(rl["scopeLogs"][2]["scope"]["name"], "scan");
  EXPECT_EQ(bodies_of(j), (std::vector<std::string>{"one", "two", "three", "four"}));
  const auto& first = rl["scopeLogs"][0]["logRecords"][0];
  EXPECT_EQ(first["timeUnixNano"], "1790000000000000000");  // 64-bit as a string
  EXPECT_EQ(first["observedTimeUnixNano"], "1790000000500000000");
  EXPECT_EQ(first["severityNumber"], 9);
  EXPECT_EQ(first["severityText"], "INFO");
  EXPECT_EQ(first["attributes"][0],
            (json{{"key", "log.record.uid"}, {"value", {{"stringValue", "uid-1"}}}}));
  EXPECT_EQ(first["attributes"][1],
            (json{{"key", "kiosk.log.seq"}, {"value", {{"intValue", "7"}}}}));
  EXPECT_EQ(rl["scopeLogs"][0]["logRecords"][1]["severityNumber"], 13);
  EXPECT_EQ(rl["scopeLogs"][1]["logRecords"][0]["attributes"][2],
            (json{{"key", "kiosk.printer"}, {"value", {{"stringValue", "ok"}}}}));
}

TEST(OtlpJson, GzipRoundTripsAndShrinksLogs) {
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += "{\"body\":\"sync done: 600 vacancies\"},";
  }
  const auto packed = gzip_compress(text);
  ASSERT_TRUE(packed);
  EXPECT_EQ(static_cast<unsigned char>((*packed)[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>((*packed)[1]), 0x8b);
  EXPECT_LT(packed->size(), text.size() / 10);
  EXPECT_EQ(gunzip(*packed), text);
}

TEST(LogShipper, SendsBatchesOldestFirstToV1Logs) {
  test::TempDir dir;
  auto spool = open_spool(dir);
  for (int i = 0; i < 7; ++i) {
    spool->append(record("r" + std::to_string(i)));
  }
  FakeCollector collector;
  LogShipper shipper(spool, shipper_options(3), collector.transport(), [] { return 0.5; });
  std::vector<std::size_t> sizes;
  for (;;) {
    const auto step = shipper.ship_once();
    if (step.outcome == ShipStep::Outcome::idle) {
      break;
    }
    ASSERT_EQ(step.outcome, ShipStep::Outcome::sent);
    sizes.push_back(step.records);
  }
  EXPECT_EQ(sizes, (std::vector<std::size_t>{3, 3, 1}));
  EXPECT_EQ(spool->size(), 0u);
  EXPECT_EQ(collector.urls.front(), "http://collector.test:4318/v1/logs");
  std::vector<std::string> all;
  for (const auto& request : collector.requests) {
    for (auto& body : bodies_of(request)) {
      all.push_back(body);
    }
  }
  EXPECT_EQ(all, (std::vector<std::string>{"r0", "r1", "r2", "r3", "r4", "r5", "r6"}));
  EXPECT_EQ(shipper.sent_records(), 7u);

  // A full logs URL is taken as it is.
  auto options = shipper_options(3);
  options.endpoint = "https://otel.example.vn/v1/logs";
  LogShipper full(spool, options, collector.transport(), [] { return 0.5; });
  spool->append(record("r7"));
  EXPECT_EQ(full.ship_once().outcome, ShipStep::Outcome::sent);
  EXPECT_EQ(collector.urls.back(), "https://otel.example.vn/v1/logs");
}

TEST(LogShipper, AFailedBatchIsSentAgainBeforeAnythingNewerWithBackoff) {
  test::TempDir dir;
  auto spool = open_spool(dir);
  for (int i = 0; i < 4; ++i) {
    spool->append(record("r" + std::to_string(i)));
  }
  FakeCollector collector;
  collector.answers = {ShipAnswer{0, "Couldn't connect to server", std::nullopt, ""},
                       ShipAnswer{500, "", std::nullopt, ""},
                       ShipAnswer{502, "", std::nullopt, ""}};
  // Jitter fixed at the top of the range: the waits are the backoff's ceilings.
  LogShipper shipper(spool, shipper_options(2), collector.transport(), [] { return 0.999999; });
  std::vector<std::int64_t> waits;
  for (int i = 0; i < 3; ++i) {
    const auto step = shipper.ship_once();
    EXPECT_EQ(step.outcome, ShipStep::Outcome::failed);
    waits.push_back((step.wait + 1ms).count() / 1000);
  }
  EXPECT_EQ(waits, (std::vector<std::int64_t>{1, 2, 4}));  // 1 s, 2 s, 4 s
  EXPECT_EQ(shipper.failures(), 3);
  EXPECT_EQ(spool->size(), 4u);
  EXPECT_EQ(shipper.ship_once().outcome, ShipStep::Outcome::sent);
  EXPECT_EQ(shipper.failures(), 0);
  // Every attempt carried the same oldest batch.
  for (const auto& request : collector.requests) {
    EXPECT_EQ(bodies_of(request), (std::vector<std::string>{"r0", "r1"}));
  }
  EXPECT_EQ(shipper.ship_once().outcome, ShipStep::Outcome::sent);
  EXPECT_EQ(bodies_of(collector.requests.back()), (std::vector<std::string>{"r2", "r3"}));
}

TEST(LogShipper, RetryAfterOn429And503IsAFloorForTheWait) {
  test::TempDir dir;
  auto spool = open_spool(dir);
  spool->append(record("r0"));
  FakeCollector collector;
  collector.answers = {ShipAnswer{503, "", std::chrono::seconds{30}, ""},
                       ShipAnswer{429, "", std::chrono::seconds{7}, ""},
                       ShipAnswer{503, "", std::chrono::seconds{86400}, ""}};
  LogShipper shipper(spool, shipper_options(10), collector.transport(), [] { return 0.0; });
  EXPECT_EQ(shipper.ship_once().wait, 30s);
  EXPECT_EQ(shipper.ship_once().wait, 7s);
  EXPECT_EQ(shipper.ship_once().wait, 10min);  // a day is cut to max_retry_after
  EXPECT_EQ(shipper.ship_once().outcome, ShipStep::Outcome::sent);
}

TEST(LogShipper, ARefusedBatchIsHalvedUntilTheBadRecordIsAloneThenDropped) {
  test::TempDir dir;
  auto spool = open_spool(dir);
  for (int i = 0; i < 4; ++i) {
    spool->append(record("r" + std::to_string(i)));
  }
  FakeCollector collector;
  collector.answers = {ShipAnswer{413, "", std::nullopt, ""},   // 4 -> 2
                       ShipAnswer{400, "", std::nullopt, ""},   // 2 -> 1
                       ShipAnswer{400, "", std::nullopt, ""}};  // r0 alone: dropped
  LogShipper shipper(spool, shipper_options(4), collector.transport(), [] { return 0.5; });
  EXPECT_EQ(shipper.ship_once().outcome, ShipStep::Outcome::split);
  EXPECT_EQ(shipper.ship_once().outcome, ShipStep::Outcome::split);
  const auto dropped = shipper.ship_once();
  EXPECT_EQ(dropped.outcome, ShipStep::Outcome::dropped);
  EXPECT_EQ(dropped.wait, 0ms);
  EXPECT_EQ(shipper.dropped_records(), 1u);
  EXPECT_EQ(collector.requests[2]["resourceLogs"][0]["scopeLogs"][0]["logRecords"].size(), 1u);
  while (shipper.ship_once().outcome == ShipStep::Outcome::sent) {
  }
  std::vector<std::string> delivered;
  for (std::size_t i = 3; i < collector.requests.size(); ++i) {
    for (auto& body : bodies_of(collector.requests[i])) {
      delivered.push_back(body);
    }
  }
  // r1..r3 arrive in order (plus the warning about r0, logged at the time).
  ASSERT_GE(delivered.size(), 3u);
  EXPECT_EQ(std::vector<std::string>(delivered.begin(), delivered.begin() + 3),
            (std::vector<std::string>{"r1", "r2", "r3"}));
}

TEST(LogShipper, MalformedOrHugeAnswersToA2xxStillCountAsAccepted) {
  test::TempDir dir;
  auto spool = open_spool(dir);
  spool->append(record("r0"));
  spool->append(record("r1"));
  FakeCollector collector;
  collector.answers = {
      ShipAnswer{200, "", std::nullopt, "{\"partialSuccess\": {"},
      ShipAnswer{200, "", std::nullopt, R"({"partialSuccess":{"rejectedLogRecords":12}})"}};
  LogShipper shipper(spool, shipper_options(1), collector.transport(), [] { return 0.5; });
  EXPECT_EQ(shipper.ship_once().outcome, ShipStep::Outcome::sent);
  EXPECT_EQ(shipper.ship_once().outcome, ShipStep::Outcome::sent);
  EXPECT_EQ(shipper.sent_records(), 2u);
}

TEST(ShipSchedule, HeartbeatsOnTimeAndABackoffIsNotCutShortByThem) {
  const ShipSchedule::TimePoint t0{};
  ShipSchedule schedule(1000ms, std::chrono::seconds{10}, t0);
  // At start: a heartbeat, then a batch.
  EXPECT_TRUE(schedule.heartbeat_due(t0));
  schedule.heartbeat_written(t0);
  EXPECT_TRUE(schedule.ship_due(t0));
  // The collector says Retry-After 30 s.
  schedule.shipped(ShipStep{ShipStep::Outcome::failed, 5, 503, 30s}, t0);
  EXPECT_EQ(schedule.wake_at(), t0 + 10s);  // woken for the heartbeat…
  EXPECT_TRUE(schedule.heartbeat_due(t0 + 10s));
  EXPECT_FALSE(schedule.ship_due(t0 + 10s));  // …which does not retry early
  schedule.heartbeat_written(t0 + 10s);
  schedule.heartbeat_written(t0 + 20s);
  EXPECT_EQ(schedule.wake_at(), t0 + 30s);
  EXPECT_TRUE(schedule.ship_due(t0 + 30s));
  EXPECT_TRUE(schedule.heartbeat_due(t0 + 30s));
  schedule.heartbeat_written(t0 + 30s);
  // Sent: the next batch at once; then an empty spool is looked at each poll.
  schedule.shipped(ShipStep{ShipStep::Outcome::sent, 5, 200, 0ms}, t0 + 30s);
  EXPECT_TRUE(schedule.ship_due(t0 + 30s));
  schedule.shipped(ShipStep{ShipStep::Outcome::idle, 0, 0, 0ms}, t0 + 30s);
  EXPECT_FALSE(schedule.ship_due(t0 + 30s + 999ms));
  EXPECT_TRUE(schedule.ship_due(t0 + 31s));
  EXPECT_FALSE(schedule.heartbeat_due(t0 + 39s));
  EXPECT_TRUE(schedule.heartbeat_due(t0 + 40s));
}

TEST(ShipSchedule, NoIntervalNoHeartbeat) {
  const ShipSchedule::TimePoint t0{};
  ShipSchedule schedule(1000ms, std::chrono::seconds{0}, t0);
  EXPECT_FALSE(schedule.heartbeat_due(t0 + std::chrono::hours{24}));
  schedule.shipped(ShipStep{ShipStep::Outcome::idle, 0, 0, 0ms}, t0);
  EXPECT_EQ(schedule.wake_at(), t0 + 1000ms);
}

TEST(Heartbeat, RecordCarriesTheStatusAsAttributes) {
  const auto at = std::chrono::system_clock::time_point{std::chrono::seconds{1'790'000'000}};
  const LogRecord r =
      heartbeat_record(HeartbeatStatus{"1.2.3", std::chrono::seconds{3600}, "2026-11-27T08:30:00Z",
                                       2, "paper_out", "ok"},
                       at);
  EXPECT_EQ(r.logger, "heartbeat");
  EXPECT_EQ(r.time_ns, 1'790'000'000'000'000'000);
  EXPECT_EQ(r.body,
            "heartbeat version=1.2.3 uptime_s=3600 last_sync=2026-11-27T08:30:00Z outbox=2 "
            "printer=paper_out camera=ok");
  const std::vector<std::pair<std::string, std::string>> expected{
      {"event.name", "kiosk.heartbeat"},
      {"kiosk.version", "1.2.3"},
      {"kiosk.uptime_s", "3600"},
      {"kiosk.last_sync", "2026-11-27T08:30:00Z"},
      {"kiosk.outbox_depth", "2"},
      {"kiosk.printer", "paper_out"},
      {"kiosk.camera", "ok"}};
  EXPECT_EQ(r.attributes, expected);
}

}  // namespace
}  // namespace kiosk
