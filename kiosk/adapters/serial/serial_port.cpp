#include "adapters/serial/serial_port.hpp"

#include <array>
#include <cerrno>
#include <string_view>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/format.h>

namespace kiosk::serial {
namespace {

std::string errno_text(int error) {
  return std::generic_category().message(error);
}

// Errors that mean "the device is not there": the path is gone, or the
// driver has let go of it (a USB-CDC scanner just unplugged, a pty whose
// master closed).
bool means_missing(int error) {
  return error == ENOENT || error == ENODEV || error == ENXIO || error == EIO || error == ENOTDIR;
}

PortFailure open_failure(const std::filesystem::path& path, int error) {
  if (means_missing(error)) {
    return PortFailure{SourceState::missing, fmt::format("scanner not connected ({}: {})",
                                                         path.string(), errno_text(error))};
  }
  if (error == EBUSY) {
    return PortFailure{SourceState::failed,
                       fmt::format("{} is in use by another program", path.string())};
  }
  if (error == EACCES || error == EPERM) {
    return PortFailure{SourceState::failed,
                       fmt::format("no permission to open {} (is the kiosk user in the "
                                   "dialout group?)",
                                   path.string())};
  }
  return PortFailure{SourceState::failed,
                     fmt::format("cannot open {}: {}", path.string(), errno_text(error))};
}

// Raw 8N1, no echo, no flow control.
tl::expected<void, PortFailure> configure(int fd, speed_t speed,
                                          const std::filesystem::path& path) {
  const auto failure = [&path](int error, std::string_view what) {
    if (means_missing(error)) {
      return tl::unexpected(open_failure(path, error));
    }
    if (error == ENOTTY) {
      return tl::unexpected(PortFailure{SourceState::failed,
                                        fmt::format("{} is not a serial device", path.string())});
    }
    return tl::unexpected(
        PortFailure{SourceState::failed,
                    fmt::format("{}: cannot {}: {}", path.string(), what, errno_text(error))});
  };
  if (::ioctl(fd, TIOCEXCL) != 0) {
    return failure(errno, "take it exclusively");
  }
  termios tio{};
  if (::tcgetattr(fd, &tio) != 0) {
    return failure(errno, "read its settings");
  }
  ::cfmakeraw(&tio);
  tio.c_cflag |= CLOCAL | CREAD;
  tio.c_cflag &= ~static_cast<tcflag_t>(CSTOPB | CRTSCTS);
  tio.c_iflag &= ~static_cast<tcflag_t>(IXON | IXOFF | IXANY);
  tio.c_cc[VMIN] = 1;
  tio.c_cc[VTIME] = 0;
  if (::cfsetispeed(&tio, speed) != 0 || ::cfsetospeed(&tio, speed) != 0 ||
      ::tcsetattr(fd, TCSANOW, &tio) != 0) {
    return failure(errno, "apply raw mode");
  }
  // Bytes from before we listened would prefix the next scan.
  ::tcflush(fd, TCIFLUSH);
  return {};
}

}  // namespace

std::optional<speed_t> baud_constant(unsigned baud) {
  static constexpr std::array<std::pair<unsigned, speed_t>, 12> k_rates{{
      {1200, B1200},
      {2400, B2400},
      {4800, B4800},
      {9600, B9600},
      {19200, B19200},
      {38400, B38400},
      {57600, B57600},
      {115200, B115200},
      {230400, B230400},
      {460800, B460800},
      {921600, B921600},
      {1000000, B1000000},
  }};
  for (const auto& [rate, constant] : k_rates) {
    if (rate == baud) {
      return constant;
    }
  }
  return std::nullopt;
}

tl::expected<int, PortFailure> open_serial_port(const std::filesystem::path& path, speed_t speed) {
  const int fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    return tl::unexpected(open_failure(path, errno));
  }
  if (auto configured = configure(fd, speed, path); !configured) {
    ::close(fd);
    return tl::unexpected(std::move(configured.error()));
  }
  return fd;
}

void close_serial_port(int port) noexcept {
  ::ioctl(port, TIOCNXCL);
  ::close(port);
}

}  // namespace kiosk::serial
