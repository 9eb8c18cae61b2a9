// The sinks behind the redaction layer: the console, the rotating file,
// journald and the ring buffer each receive masked text only. (The OTLP spool
// is checked in logship_redaction_test.cpp.)

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include "adapters/system/logging.hpp"
#include "core/log.hpp"
#include "core/redact.hpp"
#include "personal_data.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

void expect_masked(const std::string& output, const std::string& sink) {
  for (const auto& fragment : test::forbidden_fragments()) {
    EXPECT_EQ(output.find(fragment), std::string::npos) << sink << " shows " << fragment << "\n"
                                                        << output;
  }
  for (const auto& fragment : test::masked_fragments()) {
    EXPECT_NE(output.find(fragment), std::string::npos) << sink << " lacks " << fragment << "\n"
                                                        << output;
  }
  EXPECT_NE(output.find("[cccd 001******345]"), std::string::npos) << sink << "\n" << output;
}

void log_personal_data() {
  logger("scan")->info("{}", test::personal_message());
  logger("scan")->warn("payload '{}' refused", test::personal_payload());
  spdlog::default_logger()->flush();
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// First in this file: ctest runs each test in a process of its own, and so
// does a plain run of the binary up to here.
TEST(LoggingRing, EmptyBeforeLoggingIsSetUp) {
  spdlog::info("before set-up");
  EXPECT_TRUE(recent_log_lines(10).empty());
}

TEST(LoggingRing, KeepsTheLastLinesOldestFirstFormattedAndMasked) {
  ASSERT_TRUE(setup_logging(LoggingOptions{.level = "debug", .ring_lines = 3, .journald = false}));
  logger("scan")->info("first");
  logger("api")->warn("second");
  logger("scan")->info("citizen {} scanned", "001095012345");
  logger("ops")->debug("fourth");

  const auto lines = recent_log_lines(10);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines[0].ends_with(" warning [api] second")) << lines[0];
  EXPECT_TRUE(lines[1].ends_with(" info [scan] citizen 001******345 scanned")) << lines[1];
  EXPECT_TRUE(lines[2].ends_with(" debug [ops] fourth")) << lines[2];
  // "HH:MM:SS " first.
  ASSERT_GE(lines[0].size(), 9u);
  EXPECT_EQ(lines[0][2], ':');
  EXPECT_EQ(lines[0][5], ':');
  EXPECT_EQ(lines[0][8], ' ');

  const auto last = recent_log_lines(1);
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0], lines[2]);
  EXPECT_TRUE(recent_log_lines(0).empty());
}

TEST(LoggingSinks, ConsoleFileAndRingGetMaskedText) {
  const fs::path dir = fresh_dir("kiosk-log-sinks");
  auto hold = Redactor::global().hold({test::k_seeker_name});
  // A logger made before set-up is re-pointed at the redacting root too.
  auto early = logger("early");
  testing::internal::CaptureStderr();
  ASSERT_TRUE(setup_logging(LoggingOptions{
      .level = "info", .directory = dir.string(), .ring_lines = 10, .journald = false}));
  log_personal_data();
  early->info("early {}", test::personal_message());
  spdlog::default_logger()->flush();
  early->flush();
  const std::string console = testing::internal::GetCapturedStderr();

  std::ifstream file(dir / "kiosk.log");
  std::stringstream file_text;
  file_text << file.rdbuf();
  std::string ring;
  for (const auto& line : recent_log_lines(10)) {
    ring += line + "\n";
  }
  expect_masked(console, "console");
  expect_masked(file_text.str(), "file");
  expect_masked(ring, "ring buffer");
  EXPECT_NE(console.find("[early] early seeker [held]"), std::string::npos) << console;
  fs::remove_all(dir);
}

TEST(LoggingSinks, UnderSystemdTheJournalReplacesTheConsole) {
  ::setenv("INVOCATION_ID", "0123456789abcdef0123456789abcdef", 1);
  EXPECT_TRUE(running_under_systemd());
  ::unsetenv("INVOCATION_ID");
  ::unsetenv("JOURNAL_STREAM");
  EXPECT_FALSE(running_under_systemd());
  ::setenv("JOURNAL_STREAM", "8:12345", 1);
  EXPECT_TRUE(running_under_systemd());

  testing::internal::CaptureStderr();
  ASSERT_TRUE(setup_logging(LoggingOptions{.level = "info"}));
  logger("ops")->info("to the journal");
  spdlog::default_logger()->flush();
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  ::unsetenv("JOURNAL_STREAM");
}

// journald itself does not run here; as root the test binds the journal's
// native socket itself and reads what libsystemd's sd_journal_send() (used by
// spdlog's systemd sink) sends to it: the real sink, the real protocol.
class FakeJournal {
 public:
  static constexpr const char* k_dir = "/run/systemd/journal";
  static constexpr const char* k_path = "/run/systemd/journal/socket";

  FakeJournal() {
    if (::geteuid() != 0) {
      m_why = "needs root to bind /run/systemd/journal/socket";
      return;
    }
    std::error_code ec;
    m_made_dir = fs::create_directories(k_dir, ec);
    m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", k_path);
    if (::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      m_why = std::string("journal socket busy (a real journald?): ") + std::strerror(errno);
      ::close(m_fd);
      m_fd = -1;
      return;
    }
    timeval timeout{1, 0};
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  ~FakeJournal() {
    if (m_fd >= 0) {
      ::close(m_fd);
      ::unlink(k_path);
    }
    if (m_made_dir) {
      std::error_code ec;
      fs::remove(k_dir, ec);
    }
  }
  bool ready() const { return m_fd >= 0; }
  const std::string& why() const { return m_why; }
  /// The datagrams received so far, each "KEY=value\n…".
  std::string drain() {
    std::string all;
    char buffer[65536];
    for (;;) {
      const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, all.empty() ? 0 : MSG_DONTWAIT);
      if (n <= 0) {
        return all;
      }
      all.append(buffer, static_cast<std::size_t>(n));
      all += "\n--\n";
    }
  }

 private:
  int m_fd = -1;
  bool m_made_dir = false;
  std::string m_why;
};

TEST(LoggingSinks, JournalGetsMaskedText) {
  FakeJournal journal;
  if (!journal.ready()) {
    GTEST_SKIP() << journal.why();
  }
  auto hold = Redactor::global().hold({test::k_seeker_name});
  ASSERT_TRUE(setup_logging(LoggingOptions{.level = "info", .journald = true}));
  log_personal_data();
  const std::string datagrams = journal.drain();
  EXPECT_NE(datagrams.find("SYSLOG_IDENTIFIER=kiosk"), std::string::npos) << datagrams;
  EXPECT_NE(datagrams.find("MESSAGE=[scan] seeker [held]"), std::string::npos) << datagrams;
  EXPECT_NE(datagrams.find("PRIORITY=4"), std::string::npos) << datagrams;  // the warning
  expect_masked(datagrams, "journal");
}

}  // namespace
}  // namespace kiosk
