// FifoSource against a real named pipe written from the test.

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "adapters/scan/fifo_source.hpp"
#include "scan_test_support.hpp"

namespace kiosk::scan {
namespace {

using namespace std::chrono_literals;
using test::Collector;
using test::TempDir;

// A writer end, as a scanner bridge would open it.
class Writer {
 public:
  explicit Writer(const std::filesystem::path& fifo)
      : m_fd(::open(fifo.c_str(), O_WRONLY | O_CLOEXEC)) {}
  ~Writer() { close(); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  bool ok() const { return m_fd >= 0; }
  void write(const std::string& bytes) {
    ASSERT_EQ(::write(m_fd, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  }
  void close() {
    if (m_fd >= 0) {
      ::close(m_fd);
      m_fd = -1;
    }
  }

 private:
  int m_fd;
};

void start_ready(FifoSource& source, Collector& collector) {
  source.start(collector.scan_handler(), collector.status_handler());
  ASSERT_TRUE(collector.wait_status());
  ASSERT_EQ(collector.statuses().front().state, SourceState::ready)
      << collector.statuses().front().detail;
}

TEST(FifoSource, DeliversLfCrLfAndSplitScans) {
  TempDir dir;
  const auto fifo = dir.path() / "run" / "scan";  // parent created by the source
  FifoSource source(fifo);
  Collector collector;
  start_ready(source, collector);
  struct stat info {};
  ASSERT_EQ(::stat(fifo.c_str(), &info), 0);
  EXPECT_TRUE(S_ISFIFO(info.st_mode));
  EXPECT_EQ(info.st_mode & 0777, 0600U);

  Writer writer(fifo);
  ASSERT_TRUE(writer.ok());
  writer.write("001095012345|123456789|Nguyễn Văn An|15031995|Nam|Hà Nội|01082021\n");
  writer.write("SCAN-TWO\r\n");
  writer.write("SCAN-");
  std::this_thread::sleep_for(50ms);  // under the idle gap: still one scan
  writer.write("THREE\n");
  writer.close();  // a writer closing must not end the source
  ASSERT_TRUE(collector.wait_scans(3));

  Writer second(fifo);
  second.write("\n\r\nSCAN-FOUR\n");  // empty lines are no scans
  ASSERT_TRUE(collector.wait_scans(4));
  source.stop();
  const std::vector<std::string> expected{
      "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Hà Nội|01082021", "SCAN-TWO", "SCAN-THREE",
      "SCAN-FOUR"};
  EXPECT_EQ(collector.payloads(), expected);
  EXPECT_EQ(collector.scans().front().source, "fifo:" + fifo.string());
}

TEST(FifoSource, IdleGapEndsAScanWithoutNewline) {
  TempDir dir;
  FifoSource source(dir.path() / "scan");
  Collector collector;
  start_ready(source, collector);
  Writer writer(dir.path() / "scan");
  const auto written = std::chrono::steady_clock::now();
  writer.write("NO-NEWLINE");
  writer.close();
  ASSERT_TRUE(collector.wait_scans(1));
  const auto elapsed = std::chrono::steady_clock::now() - written;
  EXPECT_GE(elapsed, 140ms);
  EXPECT_LT(elapsed, 1s);
  EXPECT_EQ(collector.payloads(), std::vector<std::string>{"NO-NEWLINE"});
}

TEST(FifoSource, DropsOverLongScans) {
  TempDir dir;
  FifoSource source(dir.path() / "scan", FifoSource::Options{150ms, 16});
  Collector collector;
  start_ready(source, collector);
  Writer writer(dir.path() / "scan");
  writer.write(std::string(40, 'x') + "\n" + std::string(16, 'y') + "\n");
  ASSERT_TRUE(collector.wait_scans(1));
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(collector.payloads(), std::vector<std::string>{std::string(16, 'y')});
}

TEST(FifoSource, StopReturnsPromptlyWhileIdle) {
  TempDir dir;
  FifoSource source(dir.path() / "scan");
  Collector collector;
  start_ready(source, collector);
  std::this_thread::sleep_for(100ms);
  const auto before = std::chrono::steady_clock::now();
  source.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, 1s);
  source.stop();  // idempotent
}

TEST(FifoSource, StopDuringAPartialScanDeliversNothing) {
  TempDir dir;
  FifoSource source(dir.path() / "scan", FifoSource::Options{5s, 4096});
  Collector collector;
  start_ready(source, collector);
  Writer writer(dir.path() / "scan");
  writer.write("PARTIAL");
  std::this_thread::sleep_for(50ms);
  const auto before = std::chrono::steady_clock::now();
  source.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, 1s);
  EXPECT_TRUE(collector.payloads().empty());
}

TEST(FifoSource, ReportsFailureWhenPathIsNoFifo) {
  TempDir dir;
  const auto path = dir.path() / "plain-file";
  std::FILE* file = std::fopen(path.c_str(), "w");
  ASSERT_NE(file, nullptr);
  std::fclose(file);
  FifoSource source(path);
  Collector collector;
  source.start(collector.scan_handler(), collector.status_handler());
  ASSERT_TRUE(collector.wait_status());
  source.stop();
  const auto status = collector.statuses().front();
  EXPECT_EQ(status.state, SourceState::failed);
  EXPECT_NE(status.detail.find("not a FIFO"), std::string::npos) << status.detail;
}

TEST(FifoSource, CanBeRestarted) {
  TempDir dir;
  FifoSource source(dir.path() / "scan");
  Collector collector;
  start_ready(source, collector);
  source.stop();
  source.start(collector.scan_handler(), collector.status_handler());
  Writer writer(dir.path() / "scan");
  writer.write("AGAIN\n");
  ASSERT_TRUE(collector.wait_scans(1));
  EXPECT_EQ(collector.payloads(), std::vector<std::string>{"AGAIN"});
}

}  // namespace
}  // namespace kiosk::scan
