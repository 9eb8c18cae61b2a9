// Issue 8, Done-when 2: the real kiosk binary, started the way systemd starts
// a Type=notify service with a watchdog (NOTIFY_SOCKET, WATCHDOG_USEC,
// WATCHDOG_PID), tells a socket of this test's own READY=1 after its first
// frame, then WATCHDOG=1 again and again from its UI loop; once the UI
// thread is made to hang (the KIOSK_TEST_HOOKS SIGUSR2 hook), the pings
// stop, which is what makes systemd restart a hung kiosk. Runs under Xvfb.

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

class NotifySocket {
 public:
  explicit NotifySocket(const fs::path& path) : m_path(path) {
    m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof(addr.sun_path), "%s", path.c_str());
    if (::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
      ::close(m_fd);
      m_fd = -1;
    }
  }
  ~NotifySocket() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    fs::remove(m_path);
  }
  bool ok() const { return m_fd >= 0; }

  /// The next datagram, or nothing after `wait`.
  std::optional<std::string> next(std::chrono::milliseconds wait) {
    timeval tv{};
    tv.tv_sec = static_cast<long>(wait.count() / 1000);
    tv.tv_usec = static_cast<long>((wait.count() % 1000) * 1000);
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    char buf[4096];
    const ssize_t n = ::recv(m_fd, buf, sizeof(buf), 0);
    if (n <= 0) {
      return std::nullopt;
    }
    return std::string(buf, static_cast<std::size_t>(n));
  }

 private:
  fs::path m_path;
  int m_fd = -1;
};

bool has_line(const std::string& message, const std::string& line) {
  return ("\n" + message + "\n").find("\n" + line + "\n") != std::string::npos;
}

class NotifyWatchdog : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream out(dir / "kiosk.toml");
    // An API nobody answers: the kiosk runs offline, which it must anyway.
    out << "[kiosk]\nid = \"hn-notify\"\n"
        << "[api]\nbase_url = \"http://127.0.0.1:9\"\ntoken = \"t\"\n"
        << "[printer]\nuri = \"file:" << (dir / "slips").string() << "\"\n"
        << "[ui]\nfullscreen = false\nwidth = 1280\nheight = 720\nwelcome_animation = false\n"
        << "sound = false\nlocale_dir = \"" << KIOSK_LOCALE_DIR << "\"\n"
        << "[logging]\ndirectory = \"\"\n"
        << "[data]\nwards_file = \"" << KIOSK_WARDS_FILE << "\"\nstore_path = \""
        << (dir / "kiosk.db").string() << "\"\n";
  }
  void TearDown() override {
    if (child > 0) {
      ::kill(child, SIGKILL);
      ::waitpid(child, nullptr, 0);
    }
  }

  void start(const NotifySocket&, std::chrono::microseconds watchdog) {
    child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      ::setenv("NOTIFY_SOCKET", (dir / "notify").c_str(), 1);
      ::setenv("WATCHDOG_USEC", std::to_string(watchdog.count()).c_str(), 1);
      ::setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);
      ::setenv("KIOSK_TEST_HOOKS", "1", 1);
      ::setenv("LIBGL_ALWAYS_SOFTWARE", "1", 1);
      const std::string profile = (dir / "kiosk.toml").string();
      ::execl(KIOSK_BINARY, KIOSK_BINARY, "--profile", profile.c_str(), "--windowed",
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
  }

  kiosk::test::TempDir temp;  // removed with the fixture
  const fs::path dir = temp.path();
  pid_t child = -1;
};

TEST_F(NotifyWatchdog, ReadyThenPingsFromTheUiLoopWhichStopWhenItHangs) {
  NotifySocket socket(dir / "notify");
  ASSERT_TRUE(socket.ok());
  const auto interval = std::chrono::microseconds{2'000'000};  // WatchdogSec=2
  start(socket, interval);

  // READY=1 comes first, once the first frame is drawn; no ping before it.
  bool ready = false;
  int pings_before_ready = 0;
  const auto deadline = Clock::now() + 30s;
  while (!ready && Clock::now() < deadline) {
    const auto m = socket.next(1000ms);
    if (!m) {
      continue;
    }
    ready = has_line(*m, "READY=1");
    pings_before_ready += !ready && has_line(*m, "WATCHDOG=1") ? 1 : 0;
  }
  ASSERT_TRUE(ready) << "no READY=1 in 30 s";
  EXPECT_EQ(pings_before_ready, 0);

  // Then WATCHDOG=1 at least once per half interval, and a STATUS= summary.
  int pings = 0;
  bool status = false;
  std::optional<Clock::time_point> last;
  Clock::duration longest{};
  const auto watch_until = Clock::now() + 5s;
  while (Clock::now() < watch_until) {
    const auto m = socket.next(500ms);
    if (!m) {
      continue;
    }
    status = status || m->rfind("STATUS=", 0) == 0;
    if (has_line(*m, "WATCHDOG=1")) {
      const auto now = Clock::now();
      if (last) {
        longest = std::max(longest, now - *last);
      }
      last = now;
      ++pings;
    }
  }
  EXPECT_GE(pings, 4) << "pings in 5 s with a 2 s watchdog";
  EXPECT_LT(longest, std::chrono::duration_cast<Clock::duration>(interval))
      << "a gap between pings as long as the watchdog itself";
  EXPECT_TRUE(status) << "no STATUS= line";

  // The UI thread hangs: after what was already on its way, no more pings.
  ASSERT_EQ(::kill(child, SIGUSR2), 0);
  while (socket.next(300ms)) {
  }
  int late = 0;
  const auto quiet_until = Clock::now() + 2 * std::chrono::duration_cast<Clock::duration>(interval);
  while (Clock::now() < quiet_until) {
    if (const auto m = socket.next(500ms); m && has_line(*m, "WATCHDOG=1")) {
      ++late;
    }
  }
  EXPECT_EQ(late, 0) << "the hung kiosk kept petting the watchdog";
  // It is still alive (hung, not crashed): systemd's watchdog is what ends it.
  EXPECT_EQ(::waitpid(child, nullptr, WNOHANG), 0);
}

}  // namespace
