#include "adapters/evdev/input_device.hpp"

#include <cerrno>
#include <system_error>

#include <fcntl.h>
#include <linux/input.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/log.hpp"

namespace kiosk::evdev {
namespace {

std::string errno_text(int error) {
  return std::generic_category().message(error);
}

DeviceFailure open_failure(const std::filesystem::path& path, int error) {
  if (means_missing(error)) {
    return DeviceFailure{SourceState::missing, fmt::format("scanner not connected ({}: {})",
                                                           path.string(), errno_text(error))};
  }
  if (error == EACCES || error == EPERM) {
    return DeviceFailure{SourceState::failed,
                         fmt::format("no permission to open {} (is the kiosk user in the "
                                     "input group?)",
                                     path.string())};
  }
  return DeviceFailure{SourceState::failed,
                       fmt::format("cannot open {}: {}", path.string(), errno_text(error))};
}

}  // namespace

bool means_missing(int error) {
  return error == ENOENT || error == ENODEV || error == ENXIO || error == EIO || error == ENOTDIR;
}

tl::expected<int, DeviceFailure> open_input_device(const std::filesystem::path& path,
                                                   const std::string& uri) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    return tl::unexpected(open_failure(path, errno));
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !(S_ISCHR(info.st_mode) || S_ISFIFO(info.st_mode))) {
    // A regular file would be replayed from the start on every reconnect.
    ::close(fd);
    return tl::unexpected(DeviceFailure{
        SourceState::failed, fmt::format("{} is neither a device nor a FIFO", path.string())});
  }
  if (::ioctl(fd, EVIOCGRAB, 1) == 0) {
    return fd;
  }
  const int error = errno;
  if (error == ENOTTY || error == EINVAL) {
    logger("scan")->warn("{}: not an input device; reading it without an exclusive grab", uri);
    return fd;
  }
  ::close(fd);
  if (error == EBUSY) {
    return tl::unexpected(DeviceFailure{
        SourceState::failed,
        fmt::format("{} is grabbed by another program, which would see the scans", path.string())});
  }
  if (means_missing(error)) {
    return tl::unexpected(open_failure(path, error));
  }
  return tl::unexpected(DeviceFailure{
      SourceState::failed, fmt::format("cannot grab {}: {}", path.string(), errno_text(error))});
}

}  // namespace kiosk::evdev
