// SerialSource against a real pseudo-terminal: the source opens the slave,
// the test plays the scanner on the master.

#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include <linux/capability.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "adapters/serial/serial_source.hpp"
#include "serial_test_support.hpp"

namespace kiosk::serial {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using test::Collector;
using test::Pty;
using test::TempDir;

const std::string k_citizen_id =
    "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34, Phường Yên Hòa, Thành phố "
    "Hà Nội|01082021";

std::unique_ptr<CodeSource> make(const std::string& uri) {
  auto source = make_serial_source(uri);
  EXPECT_TRUE(source.has_value()) << source.error();
  return source ? std::move(*source) : nullptr;
}

void start_ready(CodeSource& source, Collector& collector) {
  source.start(collector.scan_handler(), collector.status_handler());
  ASSERT_TRUE(collector.wait_state(SourceState::ready));
}

// Points `link` at `target` atomically, as udev re-points /dev/serial/by-id.
void point_symlink(const std::filesystem::path& link, const std::string& target) {
  const auto temporary = link.string() + ".new";
  std::filesystem::create_symlink(target, temporary);
  std::filesystem::rename(temporary, link);
}

// The errno another, unprivileged program gets opening `path` (0: it could).
// Runs in a child without CAP_SYS_ADMIN, which would bypass TIOCEXCL.
int open_errno_as_other_program(const std::string& path) {
  const pid_t child = ::fork();
  if (child == 0) {
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    std::array<__user_cap_data_struct, 2> caps{};
    if (::syscall(SYS_capget, &header, caps.data()) != 0) {
      ::_exit(254);
    }
    caps.at(CAP_SYS_ADMIN / 32).effective &= ~(1U << (CAP_SYS_ADMIN % 32));
    if (::syscall(SYS_capset, &header, caps.data()) != 0) {
      ::_exit(255);
    }
    const int fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    ::_exit(fd >= 0 ? 0 : errno);
  }
  int status = 0;
  if (child < 0 || ::waitpid(child, &status, 0) != child || !WIFEXITED(status)) {
    return -1;
  }
  return WEXITSTATUS(status);
}

TEST(SerialSource, DeliversScansEndedByCrLfLfAndIdleGap) {
  Pty pty;
  ASSERT_TRUE(pty.ok());
  const std::string uri = "serial:" + pty.slave_path() + "?baud=9600&idle_ms=250";
  auto source = make(uri);
  ASSERT_NE(source, nullptr);
  Collector collector;
  start_ready(*source, collector);

  pty.write("SCAN-ONE\r\n");
  pty.write("SCAN-TWO\n");
  pty.write("SCAN-");
  std::this_thread::sleep_for(60ms);  // under the idle gap: still one scan
  pty.write("THREE\n");
  ASSERT_TRUE(collector.wait_scans(3));
  const auto written = Clock::now();
  pty.write("IDLE-ONLY");
  ASSERT_TRUE(collector.wait_scans(4));
  const auto elapsed = Clock::now() - written;
  EXPECT_GE(elapsed, 240ms);
  EXPECT_LT(elapsed, 1s);
  pty.write(k_citizen_id + "\r\n");
  ASSERT_TRUE(collector.wait_scans(5));
  source->stop();

  const std::vector<std::string> expected{"SCAN-ONE", "SCAN-TWO", "SCAN-THREE", "IDLE-ONLY",
                                          k_citizen_id};
  EXPECT_EQ(collector.payloads(), expected);
  for (const auto& scan : collector.scans()) {
    EXPECT_EQ(scan.source, uri);
  }
  EXPECT_EQ(collector.count(SourceState::ready), 1U);
}

TEST(SerialSource, DefaultIdleGapIsAboutATenthOfASecond) {
  Pty pty;
  ASSERT_TRUE(pty.ok());
  auto source = make("serial:" + pty.slave_path());
  ASSERT_NE(source, nullptr);
  Collector collector;
  start_ready(*source, collector);
  const auto written = Clock::now();
  pty.write(k_citizen_id);
  ASSERT_TRUE(collector.wait_scans(1));
  const auto elapsed = Clock::now() - written;
  EXPECT_GE(elapsed, 90ms);
  EXPECT_LT(elapsed, 600ms);
  EXPECT_EQ(collector.payloads(), std::vector<std::string>{k_citizen_id});
}

TEST(SerialSource, ReportsUnplugAndReconnectsThroughASymlink) {
  TempDir dir;
  const auto link = dir.path() / "scanner";
  auto first = std::make_unique<Pty>();
  ASSERT_TRUE(first->ok());
  point_symlink(link, first->slave_path());
  auto source = make("serial:" + link.string());
  ASSERT_NE(source, nullptr);
  Collector collector;
  start_ready(*source, collector);
  first->write("BEFORE\n");
  ASSERT_TRUE(collector.wait_scans(1));

  first->write("CUT-SHO");  // a scan the unplug cuts short is discarded
  // Unplugging removes the by-id link (udev does), then the device: the old
  // pty's number may go to another test's pty meanwhile.
  std::filesystem::remove(link);
  first->close();
  ASSERT_TRUE(collector.wait_state(SourceState::missing));
  std::this_thread::sleep_for(1500ms);  // a few failed retries
  EXPECT_EQ(collector.count(SourceState::missing), 1U) << "missing is reported once";

  Pty second;
  ASSERT_TRUE(second.ok());
  point_symlink(link, second.slave_path());
  ASSERT_TRUE(collector.wait_state(SourceState::ready, 2));
  second.write("AFTER\r\n");
  ASSERT_TRUE(collector.wait_scans(2));
  const auto before = Clock::now();
  source->stop();
  EXPECT_LT(Clock::now() - before, 1s);

  EXPECT_EQ(collector.payloads(), (std::vector<std::string>{"BEFORE", "AFTER"}));
  const auto statuses = collector.statuses();
  ASSERT_EQ(statuses.size(), 3U);
  EXPECT_EQ(statuses[1].state, SourceState::missing);
  EXPECT_FALSE(statuses[1].detail.empty());
  EXPECT_EQ(statuses[1].source, "serial:" + link.string());
}

TEST(SerialSource, AbsentDeviceIsMissingAndStopIsPrompt) {
  TempDir dir;
  auto source = make("serial:" + (dir.path() / "ttyACM9").string());
  ASSERT_NE(source, nullptr);
  Collector collector;
  source->start(collector.scan_handler(), collector.status_handler());
  ASSERT_TRUE(collector.wait_state(SourceState::missing));
  std::this_thread::sleep_for(100ms);  // now waiting to retry
  const auto before = Clock::now();
  source->stop();
  EXPECT_LT(Clock::now() - before, 1s);
  source->stop();  // idempotent
  EXPECT_EQ(collector.statuses().size(), 1U);
}

TEST(SerialSource, StopReturnsPromptlyWhileReading) {
  Pty pty;
  ASSERT_TRUE(pty.ok());
  SerialSource source(pty.slave_path(), SerialSource::Options{115200, 5s, 4096, 1s});
  Collector collector;
  start_ready(source, collector);
  pty.write("PARTIAL");
  std::this_thread::sleep_for(50ms);
  const auto before = Clock::now();
  source.stop();
  EXPECT_LT(Clock::now() - before, 1s);
  EXPECT_TRUE(collector.payloads().empty());
}

TEST(SerialSource, DropsOverLongScans) {
  Pty pty;
  ASSERT_TRUE(pty.ok());
  SerialSource source(pty.slave_path(), SerialSource::Options{115200, 100ms, 16, 1s});
  Collector collector;
  start_ready(source, collector);
  pty.write(std::string(40, 'x') + "\n" + std::string(16, 'y') + "\n");
  ASSERT_TRUE(collector.wait_scans(1));
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(collector.payloads(), std::vector<std::string>{std::string(16, 'y')});
}

TEST(SerialSource, LargeScanArrivesWhole) {
  Pty pty;
  ASSERT_TRUE(pty.ok());
  SerialSource source(pty.slave_path());
  Collector collector;
  start_ready(source, collector);
  std::string big;
  while (big.size() + k_citizen_id.size() <= 4096) {
    big += k_citizen_id;
  }
  pty.write(big + "\n");
  ASSERT_TRUE(collector.wait_scans(1));
  EXPECT_EQ(collector.payloads(), std::vector<std::string>{big});
}

TEST(SerialSource, NonTerminalIsFailed) {
  TempDir dir;
  const auto path = dir.path() / "plain-file";
  std::FILE* file = std::fopen(path.c_str(), "w");
  ASSERT_NE(file, nullptr);
  std::fclose(file);
  SerialSource source(path);
  Collector collector;
  source.start(collector.scan_handler(), collector.status_handler());
  ASSERT_TRUE(collector.wait_state(SourceState::failed));
  source.stop();
  const auto status = collector.statuses().front();
  EXPECT_NE(status.detail.find("not a serial device"), std::string::npos) << status.detail;
}

TEST(SerialSource, TakesTheDeviceExclusively) {
  Pty pty;
  ASSERT_TRUE(pty.ok());
  ASSERT_EQ(open_errno_as_other_program(pty.slave_path()), 0) << "free before the source opens it";
  SerialSource source(pty.slave_path());
  Collector collector;
  start_ready(source, collector);
  EXPECT_EQ(open_errno_as_other_program(pty.slave_path()), EBUSY);
  source.stop();
  EXPECT_EQ(open_errno_as_other_program(pty.slave_path()), 0) << "released on stop";
}

TEST(SerialSource, CanBeRestarted) {
  Pty pty;
  ASSERT_TRUE(pty.ok());
  SerialSource source(pty.slave_path());
  Collector collector;
  start_ready(source, collector);
  source.stop();
  source.start(collector.scan_handler(), collector.status_handler());
  ASSERT_TRUE(collector.wait_state(SourceState::ready, 2));
  pty.write("AGAIN\n");
  ASSERT_TRUE(collector.wait_scans(1));
  EXPECT_EQ(collector.payloads(), std::vector<std::string>{"AGAIN"});
}

}  // namespace
}  // namespace kiosk::serial
