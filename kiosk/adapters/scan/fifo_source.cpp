#include "adapters/scan/fifo_source.hpp"

#include <string.h>  // explicit_bzero

#include <array>
#include <cerrno>
#include <cstdint>
#include <exception>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <tl/expected.hpp>

#include "adapters/scan/scan_assembler.hpp"
#include "adapters/scan/source_thread.hpp"
#include "core/log.hpp"
#include "core/text.hpp"

namespace kiosk::scan {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Creates the FIFO if needed and opens it read-write and non-blocking:
// holding a write end ourselves means a writer closing never turns into an
// endless end-of-file, and a writer opening never finds no reader.
tl::expected<int, std::string> open_fifo(const fs::path& path) {
  std::error_code error;
  if (path.has_parent_path()) {
    fs::create_directories(path.parent_path(), error);
    if (error) {
      return tl::unexpected(
          fmt::format("cannot create {}: {}", path.parent_path().string(), error.message()));
    }
  }
  if (::mkfifo(path.c_str(), 0600) != 0 && errno != EEXIST) {
    return tl::unexpected(
        fmt::format("cannot create FIFO {}: {}", path.string(), errno_text(errno)));
  }
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISFIFO(info.st_mode)) {
    return tl::unexpected(fmt::format("{} exists and is not a FIFO", path.string()));
  }
  const int fd = ::open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    return tl::unexpected(fmt::format("cannot open FIFO {}: {}", path.string(), errno_text(errno)));
  }
  return fd;
}

// Reads what is available; false on a read error other than "no more now".
bool drain(int fd, ScanAssembler& assembler, std::vector<std::string>& completed) {
  std::array<char, 4096> buffer{};
  // The buffer held card data: zero it however the loop ends.
  const auto wipe = [&buffer] { explicit_bzero(buffer.data(), buffer.size()); };
  while (true) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n > 0) {
      assembler.feed(std::string_view(buffer.data(), static_cast<std::size_t>(n)), completed);
    } else if (n == 0) {
      assembler.flush(completed);  // every writer closed
      wipe();
      return true;
    } else if (errno == EINTR) {
      continue;
    } else {
      const bool ok = errno == EAGAIN || errno == EWOULDBLOCK;
      wipe();
      return ok;
    }
  }
}

class UniqueFd {
 public:
  explicit UniqueFd(int fd) : m_fd(fd) {}
  ~UniqueFd() { ::close(m_fd); }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  int get() const { return m_fd; }

 private:
  int m_fd;
};

int poll_timeout_ms(const ScanAssembler& assembler, Clock::time_point last_byte,
                    std::chrono::milliseconds idle_gap) {
  if (!assembler.in_progress()) {
    return -1;
  }
  const auto left =
      idle_gap - std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - last_byte);
  return static_cast<int>(std::max<std::chrono::milliseconds::rep>(0, left.count()));
}

}  // namespace

FifoSource::FifoSource(std::filesystem::path path) : FifoSource(std::move(path), Options{}) {}

FifoSource::FifoSource(std::filesystem::path path, Options options)
    : m_path(std::move(path)), m_uri("fifo:" + m_path.string()), m_options(options) {}

FifoSource::~FifoSource() {
  stop();
}

void FifoSource::start(ScanHandler on_scan, StatusHandler on_status) {
  m_thread.start("scan-fifo", m_uri, on_status,
                 [this, on_scan, on_status](const std::stop_token& stop) {
                   run(stop, on_scan, on_status);
                 });
}

void FifoSource::stop() {
  m_thread.stop();
}

void FifoSource::run(const std::stop_token& stop, const ScanHandler& on_scan,
                     const StatusHandler& on_status) {
  const auto fail = [&](const std::string& detail) {
    logger("scan")->error("{}: {}", m_uri, detail);
    on_status(SourceStatus{SourceState::failed, m_uri, detail});
  };
  try {
    auto fd = open_fifo(m_path);
    if (!fd) {
      fail(fd.error());
      return;
    }
    const UniqueFd fifo(*fd);
    logger("scan")->info("{}: listening", m_uri);
    on_status(SourceStatus{SourceState::ready, m_uri, "listening"});
    if (std::string error = read_loop(stop, fifo.get(), on_scan); !error.empty()) {
      fail(error);
    }
  } catch (const std::exception& e) {
    fail(std::string("unexpected error: ") + e.what());
  } catch (...) {
    fail("unexpected error");
  }
}

std::string FifoSource::read_loop(const std::stop_token& stop, int fifo,
                                  const ScanHandler& on_scan) {
  ScanAssembler assembler(m_options.max_scan_bytes);
  std::vector<std::string> completed;
  std::array<pollfd, 2> fds{pollfd{fifo, POLLIN, 0}, pollfd{m_thread.wake_fd(), POLLIN, 0}};
  auto last_byte = Clock::now();
  while (!stop.stop_requested()) {
    const int ready =
        ::poll(fds.data(), fds.size(), poll_timeout_ms(assembler, last_byte, m_options.idle_gap));
    if (ready < 0 && errno != EINTR) {
      return "poll failed: " + errno_text(errno);
    }
    if (ready > 0 && fds[1].revents != 0) {
      break;  // stop() woke us
    }
    if (ready > 0 && fds[0].revents != 0) {
      if (!drain(fifo, assembler, completed)) {
        return "read failed: " + errno_text(errno);
      }
      last_byte = Clock::now();
    } else if (Clock::now() - last_byte >= m_options.idle_gap) {
      assembler.flush(completed);
    }
    for (const std::size_t length : assembler.take_dropped()) {
      logger("scan")->warn("{}: dropped a scan of {} bytes (limit {})", m_uri, length,
                           m_options.max_scan_bytes);
    }
    for (auto& scan : completed) {
      // Length and source only: the content is personal data.
      logger("scan")->info("{}: scan of {} bytes", m_uri, scan.size());
      on_scan(ScanEvent{std::move(scan), m_uri});
    }
    completed.clear();
  }
  return {};
}

}  // namespace kiosk::scan
