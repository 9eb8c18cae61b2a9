#include "adapters/serial/serial_source.hpp"

#include <string.h>  // explicit_bzero

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <exception>
#include <utility>
#include <vector>

#include <poll.h>
#include <unistd.h>

#include <fmt/format.h>

#include "adapters/scan/scan_assembler.hpp"
#include "adapters/scan/device_uri.hpp"
#include "adapters/serial/serial_port.hpp"
#include "adapters/scan/source_thread.hpp"
#include "core/log.hpp"

namespace kiosk::serial {
namespace {

using scan::DeviceDown;
using scan::errno_text;
using scan::StatusReporter;

using Clock = std::chrono::steady_clock;
using scan::ScanAssembler;

constexpr std::string_view k_scheme = "serial:";

class OpenPort {
 public:
  explicit OpenPort(int fd) : m_fd(fd) {}
  ~OpenPort() { close_serial_port(m_fd); }
  OpenPort(const OpenPort&) = delete;
  OpenPort& operator=(const OpenPort&) = delete;
  int get() const { return m_fd; }

 private:
  int m_fd;
};

// Reads what is available into the assembler. nullopt when there is no more
// for now; why, when the device went away or failed.
std::optional<PortFailure> drain(int port, ScanAssembler& assembler,
                                 std::vector<std::string>& completed) {
  std::array<char, 4096> buffer{};
  while (true) {
    const ssize_t n = ::read(port, buffer.data(), buffer.size());
    if (n > 0) {
      assembler.feed(std::string_view(buffer.data(), static_cast<std::size_t>(n)), completed);
      // The buffer held card data.
      explicit_bzero(buffer.data(), static_cast<std::size_t>(n));
      continue;
    }
    if (n == 0) {
      // With VMIN=1 and O_NONBLOCK an empty line gives EAGAIN; 0 is a hang-up.
      return PortFailure{SourceState::missing, "scanner disconnected (line hung up)"};
    }
    const int error = errno;
    if (error == EINTR) {
      continue;
    }
    if (error == EAGAIN || error == EWOULDBLOCK) {
      return std::nullopt;
    }
    if (error == EIO || error == ENODEV || error == ENXIO) {
      return PortFailure{SourceState::missing,
                         fmt::format("scanner disconnected ({})", errno_text(error))};
    }
    return PortFailure{SourceState::failed, "read failed: " + errno_text(error)};
  }
}

int poll_timeout_ms(const ScanAssembler& assembler, Clock::time_point last_byte,
                    std::chrono::milliseconds idle_gap) {
  if (!assembler.in_progress()) {
    return -1;
  }
  const auto left =
      idle_gap - std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - last_byte);
  return static_cast<int>(std::max<std::chrono::milliseconds::rep>(0, left.count()));
}

void deliver(const std::string& uri, std::size_t max_scan_bytes, ScanAssembler& assembler,
             std::vector<std::string>& completed, const CodeSource::ScanHandler& on_scan) {
  for (const std::size_t length : assembler.take_dropped()) {
    logger("scan")->warn("{}: dropped a scan of {} bytes (limit {})", uri, length, max_scan_bytes);
  }
  for (auto& scan : completed) {
    // Length and source only: the content is personal data.
    logger("scan")->info("{}: scan of {} bytes", uri, scan.size());
    on_scan(ScanEvent{std::move(scan), uri});
  }
  completed.clear();
}

}  // namespace

SerialSource::SerialSource(std::filesystem::path device, std::string uri)
    : SerialSource(std::move(device), Options{}, std::move(uri)) {}

SerialSource::SerialSource(std::filesystem::path device, Options options, std::string uri)
    : m_device(std::move(device)),
      m_uri(uri.empty() ? std::string(k_scheme) + m_device.string() : std::move(uri)),
      m_options(options) {}

SerialSource::~SerialSource() {
  stop();
}

void SerialSource::start(ScanHandler on_scan, StatusHandler on_status) {
  m_thread.start("scan-serial", m_uri, on_status,
                 [this, on_scan, on_status](const std::stop_token& stop) {
                   run(stop, on_scan, on_status);
                 });
}

void SerialSource::stop() {
  m_thread.stop();
}

void SerialSource::run(const std::stop_token& stop, const ScanHandler& on_scan,
                       const StatusHandler& on_status) {
  StatusReporter status(m_uri, on_status);
  const auto speed = baud_constant(m_options.baud);
  if (!speed) {
    status.report(SourceState::failed, fmt::format("unsupported baud rate {}", m_options.baud));
    return;
  }
  m_thread.reconnect(stop, status, m_options.retry_interval, [&]() -> std::optional<DeviceDown> {
    auto port = open_serial_port(m_device, *speed);
    if (!port) {
      return DeviceDown{port.error().state, port.error().detail};
    }
    // Closed (and released) before the reconnect loop reports a loss.
    const OpenPort fd(*port);
    status.report(SourceState::ready, fmt::format("connected at {} baud", m_options.baud));
    const auto down = read_loop(stop, fd.get(), on_scan);
    if (!down) {
      return std::nullopt;
    }
    return DeviceDown{down->state, down->detail};
  });
}

std::optional<PortFailure> SerialSource::read_loop(const std::stop_token& stop, int port,
                                                   const ScanHandler& on_scan) {
  ScanAssembler assembler(m_options.max_scan_bytes);
  std::vector<std::string> completed;
  std::array<pollfd, 2> fds{pollfd{port, POLLIN, 0}, pollfd{m_thread.wake_fd(), POLLIN, 0}};
  auto last_byte = Clock::now();
  std::optional<PortFailure> down;
  while (!down && !stop.stop_requested()) {
    const int ready =
        ::poll(fds.data(), fds.size(), poll_timeout_ms(assembler, last_byte, m_options.idle_gap));
    if (ready < 0) {
      if (errno == EINTR) {
        continue;
      }
      return PortFailure{SourceState::failed, "poll failed: " + errno_text(errno)};
    }
    if (fds[1].revents != 0) {
      break;  // stop() woke us
    }
    if (fds[0].revents != 0) {
      down = drain(port, assembler, completed);
      if (!down && (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) != 0) {
        down = PortFailure{SourceState::missing, "scanner disconnected (line hung up)"};
      }
      last_byte = Clock::now();
    } else if (Clock::now() - last_byte >= m_options.idle_gap) {
      assembler.flush(completed);
    }
    // Scans a disconnect cut short stay in the assembler and are discarded.
    deliver(m_uri, m_options.max_scan_bytes, assembler, completed, on_scan);
  }
  return down;
}

tl::expected<std::unique_ptr<CodeSource>, std::string> make_serial_source(const std::string& uri) {
  auto parsed = scan::split_device_uri(uri, k_scheme);
  if (!parsed) {
    return tl::unexpected(std::move(parsed.error()));
  }
  SerialSource::Options options;
  for (const auto& [key, value] : parsed->options) {
    if (key == "baud") {
      auto baud = scan::parse_option_number(uri, key, value, 1, 4'000'000);
      if (!baud) {
        return tl::unexpected(std::move(baud.error()));
      }
      if (!baud_constant(*baud)) {
        return tl::unexpected(fmt::format(
            "code source '{}': baud {} is not a standard rate (1200, 2400, 4800, 9600, 19200, "
            "38400, 57600, 115200, 230400, 460800, 921600 or 1000000)",
            uri, *baud));
      }
      options.baud = *baud;
    } else if (key == "idle_ms") {
      auto idle_ms = scan::parse_option_number(uri, key, value, 1, 10'000);
      if (!idle_ms) {
        return tl::unexpected(std::move(idle_ms.error()));
      }
      options.idle_gap = std::chrono::milliseconds(*idle_ms);
    } else {
      return tl::unexpected(fmt::format(
          "code source '{}': unknown option '{}' (serial: takes baud and idle_ms)", uri, key));
    }
  }
  return std::make_unique<SerialSource>(parsed->path, options, uri);
}

}  // namespace kiosk::serial
