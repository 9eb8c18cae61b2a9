// Issue 8, Done when 3: logs written while the collector is down, across
// restarts of the kiosk, all arrive once the collector is up: every record
// exactly once after de-duplication by record id, in order, from this kiosk.

#include <spawn.h>
#include <sys/wait.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "free_port.hpp"
#include "http_client.hpp"
#include "support/temp_dir.hpp"
#include "tools/central_dev/dev_central.hpp"

extern char** environ;

namespace kiosk {
namespace {

constexpr int k_records_per_run = 40;
constexpr const char* k_kiosk_id = "hn-cau-giay-07";

// Runs the driver (the kiosk's logging set-up, then N records) to its end.
int run_writer(const std::string& endpoint, const test::TempDir& dir, const std::string& tag) {
  const std::string spool = (dir.path() / "spool").string();
  const std::string logs = (dir.path() / "log").string();
  const std::string count = std::to_string(k_records_per_run);
  std::vector<std::string> args{KIOSK_LOG_WRITER, endpoint, spool, logs, k_kiosk_id, tag, count};
  std::vector<char*> argv;
  for (auto& arg : args) {
    argv.push_back(arg.data());
  }
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (::posix_spawn(&pid, KIOSK_LOG_WRITER, nullptr, nullptr, argv.data(), environ) != 0) {
    return -1;
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(DoneWhen3, RecordsWrittenWhileTheCollectorIsDownArriveOnceInOrderAfterRestarts) {
  test::TempDir dir;
  const int port = test::unused_port();
  const std::string endpoint = "http://127.0.0.1:" + std::to_string(port);

  // The collector is down: the kiosk runs, stops, runs again, stops, runs.
  for (const char* tag : {"run1", "run2", "run3"}) {
    ASSERT_EQ(run_writer(endpoint, dir, tag), 0) << tag;
  }
  dev::DevCentral central({.vacancies = 10});
  const auto started = central.start("127.0.0.1", port);
  ASSERT_TRUE(started) << started.error();
  ASSERT_EQ(test::dev_logs(endpoint)["count"], 0);
  // The collector is up: the next start ships the backlog and its own records.
  ASSERT_EQ(run_writer(endpoint, dir, "run4"), 0);

  const auto logs = test::dev_logs(endpoint);
  ASSERT_TRUE(logs.is_object());
  std::vector<std::string> bodies;
  std::set<std::string> seen;
  std::int64_t last_seq = 0;
  for (const auto& record : logs["records"]) {
    EXPECT_EQ(record["service_instance_id"], k_kiosk_id);
    EXPECT_EQ(record["service_name"], "kiosk");
    const std::string uid = record["uid"];
    ASSERT_FALSE(uid.empty());
    if (!seen.insert(uid).second) {
      continue;  // a duplicate: the reader's job to drop
    }
    // In order: spool sequence numbers only grow, across all four runs.
    const std::int64_t seq = record["seq"];
    EXPECT_GT(seq, last_seq);
    last_seq = seq;
    if (record["scope"] == "writer") {
      bodies.push_back(record["body"]);
    }
  }
  std::vector<std::string> expected;
  for (const char* tag : {"run1", "run2", "run3", "run4"}) {
    for (int i = 0; i < k_records_per_run; ++i) {
      expected.push_back("record " + std::string(tag) + " " + std::to_string(i));
    }
  }
  EXPECT_EQ(bodies, expected);
  EXPECT_EQ(logs["distinct_uids"], seen.size());
  // Every request was gzipped.
  EXPECT_EQ(logs["gzip_requests"], logs["requests"]);
}

}  // namespace
}  // namespace kiosk
