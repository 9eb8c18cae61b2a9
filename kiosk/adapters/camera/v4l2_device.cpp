#include "adapters/camera/v4l2_device.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <fmt/format.h>

namespace kiosk::camera {
namespace {

constexpr unsigned k_buffer_count = 4;
constexpr unsigned k_min_buffers = 2;

int xioctl(int fd, unsigned long request, void* argument) {
  int result = 0;
  do {
    result = ::ioctl(fd, request, argument);
  } while (result < 0 && errno == EINTR);
  return result;
}

std::string errno_text(int error) {
  return std::generic_category().message(error);
}

bool is_gone(int error) {
  return error == ENOENT || error == ENODEV || error == ENXIO || error == EIO;
}

std::uint32_t fourcc(PixelFormat format) {
  return format == PixelFormat::yuyv ? V4L2_PIX_FMT_YUYV : V4L2_PIX_FMT_MJPEG;
}

// Which of our two formats the device lists for single-planar capture.
void list_formats(int fd, bool& yuyv, bool& mjpeg) {
  v4l2_fmtdesc description{};
  description.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  for (description.index = 0; xioctl(fd, VIDIOC_ENUM_FMT, &description) == 0; ++description.index) {
    yuyv = yuyv || description.pixelformat == V4L2_PIX_FMT_YUYV;
    mjpeg = mjpeg || description.pixelformat == V4L2_PIX_FMT_MJPEG;
  }
}

}  // namespace

tl::expected<std::unique_ptr<FrameDevice>, DeviceError> open_v4l2_device(
    const CameraSettings& settings) {
  auto device = V4l2Device::open(settings);
  if (!device) {
    return tl::unexpected(device.error());
  }
  return std::unique_ptr<FrameDevice>(std::move(*device));
}

V4l2Device::V4l2Device(int fd, std::string path) : m_fd(fd), m_path(std::move(path)) {}

tl::expected<std::unique_ptr<V4l2Device>, DeviceError> V4l2Device::open(
    const CameraSettings& settings) {
  const int fd = ::open(settings.device.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    return tl::unexpected(
        DeviceError{is_gone(error) ? DeviceFault::missing : DeviceFault::unusable,
                    fmt::format("cannot open {}: {}", settings.device, errno_text(error))});
  }
  std::unique_ptr<V4l2Device> device(new V4l2Device(fd, settings.device));
  tl::expected<void, DeviceError> ready =
      device->check_capabilities()
          .and_then([&] { return device->set_format(settings); })
          .and_then([&] { return device->map_buffers(); })
          .and_then([&] { return device->start_streaming(); });
  if (!ready) {
    return tl::unexpected(ready.error());
  }
  return device;
}

V4l2Device::~V4l2Device() {
  if (m_streaming) {
    v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    xioctl(m_fd, VIDIOC_STREAMOFF, &type);
  }
  for (const Mapping& mapping : m_buffers) {
    ::munmap(mapping.start, mapping.length);
  }
  ::close(m_fd);
}

DeviceError V4l2Device::fault(const std::string& what, int error) const {
  return DeviceError{is_gone(error) ? DeviceFault::missing : DeviceFault::unusable,
                     fmt::format("{}: {} failed: {}", m_path, what, errno_text(error))};
}

tl::expected<void, DeviceError> V4l2Device::check_capabilities() {
  v4l2_capability capability{};
  if (xioctl(m_fd, VIDIOC_QUERYCAP, &capability) != 0) {
    const int error = errno;
    if (error == ENOTTY || error == EINVAL) {
      return tl::unexpected(
          DeviceError{DeviceFault::unusable, m_path + " is not a Video4Linux device"});
    }
    return tl::unexpected(fault("VIDIOC_QUERYCAP", error));
  }
  // A UVC camera has a second node for metadata: its device_caps lack capture.
  const std::uint32_t caps = (capability.capabilities & V4L2_CAP_DEVICE_CAPS) != 0
                                 ? capability.device_caps
                                 : capability.capabilities;
  if ((caps & V4L2_CAP_VIDEO_CAPTURE) == 0 || (caps & V4L2_CAP_STREAMING) == 0) {
    return tl::unexpected(
        DeviceError{DeviceFault::unusable,
                    fmt::format("{} ({}) is not a streaming video capture device", m_path,
                                reinterpret_cast<const char*>(capability.card))});
  }
  return {};
}

tl::expected<void, DeviceError> V4l2Device::set_format(const CameraSettings& settings) {
  bool yuyv = false;
  bool mjpeg = false;
  list_formats(m_fd, yuyv, mjpeg);
  const auto chosen = choose_pixel_format(settings, yuyv, mjpeg);
  if (!chosen) {
    return tl::unexpected(
        DeviceError{DeviceFault::unusable, m_path + " offers neither YUYV nor MJPEG"});
  }
  v4l2_format format{};
  format.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  format.fmt.pix.width = static_cast<std::uint32_t>(settings.width);
  format.fmt.pix.height = static_cast<std::uint32_t>(settings.height);
  format.fmt.pix.pixelformat = fourcc(*chosen);
  format.fmt.pix.field = V4L2_FIELD_NONE;
  if (xioctl(m_fd, VIDIOC_S_FMT, &format) != 0) {
    return tl::unexpected(fault("VIDIOC_S_FMT", errno));
  }
  // The driver answers with what it will really deliver.
  if (format.fmt.pix.pixelformat != V4L2_PIX_FMT_YUYV &&
      format.fmt.pix.pixelformat != V4L2_PIX_FMT_MJPEG) {
    return tl::unexpected(
        DeviceError{DeviceFault::unusable, m_path + " refused both YUYV and MJPEG"});
  }
  m_format.format =
      format.fmt.pix.pixelformat == V4L2_PIX_FMT_YUYV ? PixelFormat::yuyv : PixelFormat::mjpeg;
  m_format.width = static_cast<int>(format.fmt.pix.width);
  m_format.height = static_cast<int>(format.fmt.pix.height);
  m_format.bytes_per_line = static_cast<int>(format.fmt.pix.bytesperline);
  set_frame_rate(settings.fps);
  return {};
}

// Best effort: a camera that cannot set its rate still streams at its own.
void V4l2Device::set_frame_rate(int fps) {
  v4l2_streamparm parameters{};
  parameters.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  parameters.parm.capture.timeperframe.numerator = 1;
  parameters.parm.capture.timeperframe.denominator = static_cast<std::uint32_t>(fps);
  if (xioctl(m_fd, VIDIOC_S_PARM, &parameters) != 0) {
    m_format.fps = 0;
    return;
  }
  const v4l2_fract& agreed = parameters.parm.capture.timeperframe;
  m_format.fps =
      agreed.numerator == 0 ? 0 : static_cast<int>(agreed.denominator / agreed.numerator);
}

tl::expected<void, DeviceError> V4l2Device::map_buffers() {
  v4l2_requestbuffers request{};
  request.count = k_buffer_count;
  request.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  request.memory = V4L2_MEMORY_MMAP;
  if (xioctl(m_fd, VIDIOC_REQBUFS, &request) != 0) {
    return tl::unexpected(fault("VIDIOC_REQBUFS", errno));
  }
  if (request.count < k_min_buffers) {
    return tl::unexpected(DeviceError{
        DeviceFault::unusable, fmt::format("{} granted only {} buffer(s)", m_path, request.count)});
  }
  for (unsigned index = 0; index < request.count; ++index) {
    v4l2_buffer buffer{};
    buffer.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buffer.memory = V4L2_MEMORY_MMAP;
    buffer.index = index;
    if (xioctl(m_fd, VIDIOC_QUERYBUF, &buffer) != 0) {
      return tl::unexpected(fault("VIDIOC_QUERYBUF", errno));
    }
    void* start = ::mmap(nullptr, buffer.length, PROT_READ | PROT_WRITE, MAP_SHARED, m_fd,
                         static_cast<off_t>(buffer.m.offset));
    if (start == MAP_FAILED) {
      return tl::unexpected(fault("mmap", errno));
    }
    m_buffers.push_back(Mapping{start, buffer.length});
  }
  return {};
}

tl::expected<void, DeviceError> V4l2Device::start_streaming() {
  for (unsigned index = 0; index < m_buffers.size(); ++index) {
    v4l2_buffer buffer{};
    buffer.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buffer.memory = V4L2_MEMORY_MMAP;
    buffer.index = index;
    if (xioctl(m_fd, VIDIOC_QBUF, &buffer) != 0) {
      return tl::unexpected(fault("VIDIOC_QBUF", errno));
    }
  }
  v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  if (xioctl(m_fd, VIDIOC_STREAMON, &type) != 0) {
    return tl::unexpected(fault("VIDIOC_STREAMON", errno));
  }
  m_streaming = true;
  return {};
}

tl::expected<FrameWait, DeviceError> V4l2Device::next_frame(int wake_fd,
                                                            std::chrono::milliseconds timeout,
                                                            const FrameConsumer& consume) {
  std::array<pollfd, 2> fds{pollfd{m_fd, POLLIN, 0}, pollfd{wake_fd, POLLIN, 0}};
  const int ready = ::poll(fds.data(), wake_fd >= 0 ? 2 : 1, static_cast<int>(timeout.count()));
  if (ready < 0) {
    if (errno == EINTR) {
      return FrameWait::timeout;
    }
    return tl::unexpected(fault("poll", errno));
  }
  if (ready == 0) {
    return FrameWait::timeout;
  }
  if (wake_fd >= 0 && fds[1].revents != 0) {
    return FrameWait::woken;
  }
  // POLLERR (unplugged) also lands here: DQBUF then says ENODEV.
  return dequeue(consume);
}

tl::expected<FrameWait, DeviceError> V4l2Device::dequeue(const FrameConsumer& consume) {
  v4l2_buffer buffer{};
  buffer.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  buffer.memory = V4L2_MEMORY_MMAP;
  if (xioctl(m_fd, VIDIOC_DQBUF, &buffer) != 0) {
    if (errno == EAGAIN) {
      return FrameWait::timeout;
    }
    return tl::unexpected(fault("VIDIOC_DQBUF", errno));
  }
  bool delivered = false;
  if (buffer.index < m_buffers.size() && (buffer.flags & V4L2_BUF_FLAG_ERROR) == 0) {
    const Mapping& mapping = m_buffers[buffer.index];
    const std::size_t used = std::min<std::size_t>(buffer.bytesused, mapping.length);
    consume(RawFrame{m_format.format, m_format.width, m_format.height, m_format.bytes_per_line,
                     std::span(static_cast<const std::uint8_t*>(mapping.start), used)});
    delivered = true;
  }
  // (Should consume() throw, the capture thread drops the whole device, so
  // this buffer needs no requeueing on that path.)
  if (xioctl(m_fd, VIDIOC_QBUF, &buffer) != 0) {
    return tl::unexpected(fault("VIDIOC_QBUF", errno));
  }
  return delivered ? FrameWait::frame : FrameWait::timeout;
}

std::string V4l2Device::description() const {
  if (m_format.fps > 0) {
    return fmt::format("{}x{} {} at {} fps", m_format.width, m_format.height,
                       describe(m_format.format), m_format.fps);
  }
  return fmt::format("{}x{} {}", m_format.width, m_format.height, describe(m_format.format));
}

}  // namespace kiosk::camera
