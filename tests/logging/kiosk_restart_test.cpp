// Issue 8, Done when 3, with the kiosk itself: the real kiosk binary (under
// Xvfb) runs three times while the collector is down (stopped with SIGTERM
// each time, the way systemd stops it), a job seeker scans a card in the
// second run; then the development server comes up on the collector's port
// and a fourth run ships the backlog. Every record arrives exactly once
// after de-duplication by record id, in order and with no sequence number
// missing, from this kiosk, and none carries the card's personal data.

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <set>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "free_port.hpp"
#include "http_client.hpp"
#include "support/temp_dir.hpp"
#include "tools/central_dev/dev_central.hpp"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

constexpr const char* k_kiosk_id = "hn-restart-03";
constexpr const char* k_card =
    "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên "
    "Hòa, Thành phố Hà Nội|01082021";

class KioskProcess {
 public:
  KioskProcess(const std::filesystem::path& profile) {
    m_pid = ::fork();
    if (m_pid == 0) {
      ::setenv("LIBGL_ALWAYS_SOFTWARE", "1", 1);
      ::execl(KIOSK_BINARY, KIOSK_BINARY, "--profile", profile.c_str(), "--windowed",
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
  }
  ~KioskProcess() {
    if (m_pid > 0) {
      ::kill(m_pid, SIGKILL);
      ::waitpid(m_pid, nullptr, 0);
    }
  }
  /// SIGTERM, as systemd stops it; the exit status.
  int stop() {
    ::kill(m_pid, SIGTERM);
    int status = 0;
    ::waitpid(m_pid, &status, 0);
    m_pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t m_pid = -1;
};

// Writes one scan to the kiosk's FIFO once it is listening.
bool scan(const std::filesystem::path& fifo, const std::string& text) {
  for (int i = 0; i < 100; ++i) {
    struct stat st {};
    if (::stat(fifo.c_str(), &st) == 0 && S_ISFIFO(st.st_mode)) {
      const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
      if (fd >= 0) {
        const std::string line = text + "\n";
        const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
        ::close(fd);
        return ok;
      }
    }
    std::this_thread::sleep_for(100ms);
  }
  return false;
}

TEST(KioskRestarts, EveryRecordArrivesOnceInOrderAfterThreeRunsWithTheCollectorDown) {
  test::TempDir dir;
  const int port = test::unused_port();
  const std::string endpoint = "http://127.0.0.1:" + std::to_string(port);
  const auto profile = dir.path() / "kiosk.toml";
  {
    std::ofstream out(profile);
    out << "[kiosk]\nid = \"" << k_kiosk_id << "\"\n"
        << "[api]\nbase_url = \"" << endpoint << "\"\ntoken = \"dev-token\"\n"
        << "[scanner]\nsources = [\"fifo:" << (dir.path() / "scan").string() << "\"]\n"
        << "[printer]\nuri = \"file:" << (dir.path() / "slips").string() << "\"\n"
        << "[ui]\nfullscreen = false\nwidth = 1280\nheight = 720\nwelcome_animation = false\n"
        << "sound = false\nlocale_dir = \"" << KIOSK_LOCALE_DIR << "\"\n"
        << "[logging]\ndirectory = \"" << (dir.path() / "log").string() << "\"\n"
        << "otlp_endpoint = \"" << endpoint << "\"\nspool_dir = \""
        << (dir.path() / "spool").string() << "\"\n"
        << "[data]\nwards_file = \"" << KIOSK_WARDS_FILE << "\"\nstore_path = \""
        << (dir.path() / "kiosk.db").string() << "\"\n";
  }

  // The collector (and the API) are down: three runs, stopped by SIGTERM.
  for (int run = 1; run <= 3; ++run) {
    KioskProcess kiosk(profile);
    if (run == 2) {
      ASSERT_TRUE(scan(dir.path() / "scan", k_card));
    }
    std::this_thread::sleep_for(3s);
    ASSERT_EQ(kiosk.stop(), 0) << "run " << run;
  }

  dev::DevCentral central({.vacancies = 10});
  const auto started = central.start("127.0.0.1", port);
  ASSERT_TRUE(started) << started.error();
  {
    KioskProcess kiosk(profile);
    // Wait for the backlog: the first three runs' "kiosk stopping".
    bool backlog = false;
    for (int i = 0; i < 150 && !backlog; ++i) {
      std::this_thread::sleep_for(200ms);
      const auto logs = test::dev_logs(endpoint);
      int stopping = 0;
      for (const auto& r : logs["records"]) {
        stopping += r["body"] == "kiosk stopping" ? 1 : 0;
      }
      backlog = stopping >= 3;
    }
    ASSERT_TRUE(backlog) << "the backlog did not arrive in 30 s";
    ASSERT_EQ(kiosk.stop(), 0);
  }

  const auto logs = test::dev_logs(endpoint);
  ASSERT_TRUE(logs.is_object());
  std::set<std::string> uids;
  std::set<std::int64_t> seqs;
  std::int64_t last_seq = 0;
  int ready = 0;
  int stopping = 0;
  int sessions = 0;
  for (const auto& record : logs["records"]) {
    EXPECT_EQ(record["service_instance_id"], k_kiosk_id);
    const std::string uid = record["uid"];
    if (!uids.insert(uid).second) {
      continue;  // a duplicate: the reader drops it
    }
    const std::int64_t seq = record["seq"];
    EXPECT_GT(seq, last_seq) << record["body"];
    last_seq = seq;
    seqs.insert(seq);
    const std::string body = record["body"];
    ready += body == std::string("kiosk ") + k_kiosk_id + " ready" ? 1 : 0;
    stopping += body == "kiosk stopping" ? 1 : 0;
    sessions += body == "session started for 001******345" ? 1 : 0;
    for (const char* personal : {"001095012345", "Nguyễn Văn An", "15031995", "Trần Duy Hưng"}) {
      EXPECT_EQ(body.find(personal), std::string::npos) << body;
    }
  }
  EXPECT_EQ(ready, 4);
  EXPECT_EQ(stopping, 4);
  EXPECT_EQ(sessions, 1);
  // Nothing lost: the spool's numbers run without a gap.
  ASSERT_FALSE(seqs.empty());
  EXPECT_EQ(static_cast<std::int64_t>(seqs.size()), *seqs.rbegin() - *seqs.begin() + 1);
  EXPECT_EQ(*seqs.begin(), 1);
}

}  // namespace
}  // namespace kiosk
