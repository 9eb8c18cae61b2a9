// EvdevSource end to end without an input device: the test writes binary
// `struct input_event`s into a FIFO that the source reads (the grab fails
// with ENOTTY there, and the source reads on without it).

#include <array>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <linux/input.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "adapters/evdev/evdev_source.hpp"
#include "evdev_test_support.hpp"

namespace kiosk::evdev {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using test::Collector;
using test::TempDir;
using test::type_text;

const std::string k_ascii_citizen_id =
    "001095012345|123456789|Nguyen Van An|15031995|Nam|So 12 ngo 34, Phuong Yen Hoa, Thanh pho "
    "Ha Noi|01082021";

std::string as_bytes(const std::vector<KeyEvent>& events) {
  std::string bytes;
  for (const auto& event : events) {
    input_event raw{};
    raw.type = event.type;
    raw.code = event.code;
    raw.value = event.value;
    bytes.append(reinterpret_cast<const char*>(&raw), sizeof raw);
  }
  return bytes;
}

// The scanner's side of the FIFO: opens once the source reads it.
class EventWriter {
 public:
  explicit EventWriter(const std::filesystem::path& fifo) {
    std::signal(SIGPIPE, SIG_IGN);  // a failure should be an assertion, not a crash
    const auto deadline = Clock::now() + 3s;
    while (m_fd < 0 && Clock::now() < deadline) {
      m_fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
      if (m_fd < 0) {
        std::this_thread::sleep_for(10ms);  // ENXIO: no reader yet
      }
    }
    if (m_fd >= 0) {
      ::fcntl(m_fd, F_SETFL, 0);  // blocking writes from here on
    }
  }
  ~EventWriter() { close(); }
  EventWriter(const EventWriter&) = delete;
  EventWriter& operator=(const EventWriter&) = delete;

  bool ok() const { return m_fd >= 0; }
  void write(const std::string& bytes) const {
    ASSERT_EQ(::write(m_fd, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  }
  void type(const std::string& text) const { write(as_bytes(type_text(text))); }
  void close() {
    if (m_fd >= 0) {
      ::close(m_fd);
      m_fd = -1;
    }
  }

 private:
  int m_fd = -1;
};

// A FIFO standing in for the scanner's event device, and what the source
// reading it delivered.
class FakeDevice {
 public:
  FakeDevice() : m_fifo(m_dir.path() / "usb-Scanner-event-kbd") {
    EXPECT_EQ(::mkfifo(m_fifo.c_str(), 0600), 0);
  }

  // A source on the FIFO (URI options in `query`), started and ready.
  std::unique_ptr<CodeSource> start(const std::string& query = {}) {
    auto source = make_evdev_source("evdev:" + m_fifo.string() + query);
    EXPECT_TRUE(source.has_value()) << source.error();
    if (!source) {
      return nullptr;
    }
    (*source)->start(m_collector.scan_handler(), m_collector.status_handler());
    EXPECT_TRUE(m_collector.wait_state(SourceState::ready));
    return std::move(*source);
  }

  const std::filesystem::path& fifo() const { return m_fifo; }
  Collector& collector() { return m_collector; }

 private:
  TempDir m_dir;
  std::filesystem::path m_fifo;
  Collector m_collector;
};

TEST(EvdevSource, DeliversTypedScans) {
  FakeDevice device;
  auto source = device.start();
  ASSERT_NE(source, nullptr);
  EventWriter writer(device.fifo());
  ASSERT_TRUE(writer.ok());
  writer.type("SCAN-1\n001095012345\n");
  ASSERT_TRUE(device.collector().wait_scans(2));
  source->stop();
  const std::vector<std::string> expected{"status ready: connected", "scan: SCAN-1",
                                          "scan: 001095012345"};
  EXPECT_EQ(device.collector().timeline(), expected);
  EXPECT_EQ(device.collector().scans().front().source, "evdev:" + device.fifo().string());
}

TEST(EvdevSource, ReportsTextLostRightBeforeTheScan) {
  FakeDevice device;
  auto source = device.start();
  ASSERT_NE(source, nullptr);
  EventWriter writer(device.fifo());
  ASSERT_TRUE(writer.ok());
  std::vector<KeyEvent> events = type_text("Nguy");
  test::stroke(events, KEY_102ND);  // what the scanner sent for "ễ"
  const auto rest = type_text("n\nINTACT\n" + k_ascii_citizen_id + "\n");
  events.insert(events.end(), rest.begin(), rest.end());
  writer.write(as_bytes(events));
  ASSERT_TRUE(device.collector().wait_scans(3));
  source->stop();
  const std::vector<std::string> expected{
      "status ready: connected", "status ready: text_lost",    "scan: Nguyn", "scan: INTACT",
      "status ready: text_lost", "scan: " + k_ascii_citizen_id};
  EXPECT_EQ(device.collector().timeline(), expected);
}

TEST(EvdevSource, ScanOfOnlyUntypableKeysIsNotDelivered) {
  FakeDevice device;
  auto source = device.start();
  ASSERT_NE(source, nullptr);
  EventWriter writer(device.fifo());
  ASSERT_TRUE(writer.ok());
  std::vector<KeyEvent> events;
  test::stroke(events, KEY_F13);
  test::stroke(events, KEY_ENTER);
  writer.write(as_bytes(events));
  writer.type("NEXT\n");
  ASSERT_TRUE(device.collector().wait_scans(1));
  source->stop();
  EXPECT_EQ(device.collector().timeline(),
            (std::vector<std::string>{"status ready: connected", "scan: NEXT"}));
}

TEST(EvdevSource, ReassemblesEventsSplitAcrossWrites) {
  FakeDevice device;
  auto source = device.start();
  ASSERT_NE(source, nullptr);
  EventWriter writer(device.fifo());
  ASSERT_TRUE(writer.ok());
  const std::string bytes = as_bytes(type_text("SPLIT|SCAN\n"));
  const std::size_t cut = 5 * sizeof(input_event) + 7;  // mid-event
  writer.write(bytes.substr(0, cut));
  std::this_thread::sleep_for(50ms);
  writer.write(bytes.substr(cut));
  ASSERT_TRUE(device.collector().wait_scans(1));
  EXPECT_EQ(device.collector().scans().front().bytes, "SPLIT|SCAN");
}

TEST(EvdevSource, IdleGapEndsAScanWithoutEnter) {
  FakeDevice device;
  auto source = device.start();
  ASSERT_NE(source, nullptr);
  EventWriter writer(device.fifo());
  ASSERT_TRUE(writer.ok());
  const auto written = Clock::now();
  writer.type("NO-ENTER");
  ASSERT_TRUE(device.collector().wait_scans(1));
  const auto elapsed = Clock::now() - written;
  EXPECT_GE(elapsed, 190ms);
  EXPECT_LT(elapsed, 1s);
  EXPECT_EQ(device.collector().scans().front().bytes, "NO-ENTER");
}

TEST(EvdevSource, UnplugIsMissingOnceThenReconnects) {
  FakeDevice device;
  auto source = device.start();
  ASSERT_NE(source, nullptr);
  {
    EventWriter writer(device.fifo());
    ASSERT_TRUE(writer.ok());
    writer.type("BEFORE\nCUT-SH");  // the unplug discards the partial scan
  }
  ASSERT_TRUE(device.collector().wait_state(SourceState::missing));
  EventWriter again(device.fifo());  // waits until the source opens the FIFO again
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(device.collector().wait_state(SourceState::ready, 2));
  again.type("AFTER\n");
  ASSERT_TRUE(device.collector().wait_scans(2));
  const auto before = Clock::now();
  source->stop();
  EXPECT_LT(Clock::now() - before, 1s);
  const std::vector<std::string> expected{"status ready: connected", "scan: BEFORE",
                                          "status missing: scanner disconnected (end of input)",
                                          "status ready: connected", "scan: AFTER"};
  EXPECT_EQ(device.collector().timeline(), expected);
}

TEST(EvdevSource, AbsentDeviceIsMissingAndStopIsPrompt) {
  TempDir dir;
  EvdevSource source(dir.path() / "no-such-event-kbd");
  Collector collector;
  source.start(collector.scan_handler(), collector.status_handler());
  ASSERT_TRUE(collector.wait_state(SourceState::missing));
  std::this_thread::sleep_for(1200ms);  // one retry, not reported again
  const auto before = Clock::now();
  source.stop();
  EXPECT_LT(Clock::now() - before, 1s);
  source.stop();  // idempotent
  ASSERT_EQ(collector.statuses().size(), 1U);
  EXPECT_NE(collector.statuses().front().detail.find("not connected"), std::string::npos);
}

TEST(EvdevSource, StopIsPromptDuringAPartialScan) {
  FakeDevice device;
  auto source = device.start("?idle_ms=5000");
  ASSERT_NE(source, nullptr);
  EventWriter writer(device.fifo());
  ASSERT_TRUE(writer.ok());
  writer.type("PARTIAL");
  std::this_thread::sleep_for(50ms);
  const auto before = Clock::now();
  source->stop();
  EXPECT_LT(Clock::now() - before, 1s);
  EXPECT_TRUE(device.collector().scans().empty());
}

TEST(EvdevSource, CanBeRestarted) {
  FakeDevice device;
  auto source = device.start();
  ASSERT_NE(source, nullptr);
  source->stop();
  source->start(device.collector().scan_handler(), device.collector().status_handler());
  EventWriter writer(device.fifo());
  ASSERT_TRUE(writer.ok());
  writer.type("AGAIN\n");
  ASSERT_TRUE(device.collector().wait_scans(1));
  EXPECT_EQ(device.collector().scans().front().bytes, "AGAIN");
}

TEST(EvdevSource, RegularFileIsFailed) {
  TempDir dir;
  const auto path = dir.path() / "recording";
  std::FILE* file = std::fopen(path.c_str(), "w");
  ASSERT_NE(file, nullptr);
  std::fclose(file);
  EvdevSource source(path);
  Collector collector;
  source.start(collector.scan_handler(), collector.status_handler());
  ASSERT_TRUE(collector.wait_state(SourceState::failed));
  source.stop();
  EXPECT_NE(collector.statuses().front().detail.find("neither a device nor a FIFO"),
            std::string::npos);
}

TEST(EvdevSource, FactoryAcceptsPathAndIdleGap) {
  for (const std::string uri :
       {"evdev:/dev/input/by-id/usb-Scanner-event-kbd", "evdev:/dev/input/event3?idle_ms=50"}) {
    auto source = make_evdev_source(uri);
    ASSERT_TRUE(source.has_value()) << uri << ": " << source.error();
    EXPECT_NE(dynamic_cast<EvdevSource*>(source->get()), nullptr);
  }
}

TEST(EvdevSource, FactoryRejectsBadUrisNamingThem) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"evdev:", "no device path"},
      {"evdev:event3", "absolute"},
      {"serial:/dev/input/event3", "does not start with evdev:"},
      {"evdev:/dev/input/event3?idle_ms=soon", "idle_ms must be a whole number"},
      {"evdev:/dev/input/event3?baud=9600", "unknown option 'baud'"},
  };
  for (const auto& [uri, reason] : cases) {
    auto source = make_evdev_source(uri);
    ASSERT_FALSE(source.has_value()) << uri;
    EXPECT_NE(source.error().find(uri), std::string::npos) << source.error();
    EXPECT_NE(source.error().find(reason), std::string::npos) << source.error();
  }
}

}  // namespace
}  // namespace kiosk::evdev
