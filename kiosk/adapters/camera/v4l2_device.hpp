#pragma once
// A USB webcam through Video4Linux2: single-planar capture, four mmap
// buffers, YUYV or MJPEG.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "adapters/camera/frame_device.hpp"

namespace kiosk::camera {

/// The stream the driver agreed to (it may adjust what was asked for).
struct StreamFormat {
  PixelFormat format = PixelFormat::mjpeg;
  int width = 0;
  int height = 0;
  int bytes_per_line = 0;
  int fps = 0;  // 0 when the driver does not say
};

class V4l2Device final : public FrameDevice {
 public:
  /// Opens `settings.device` and starts streaming: checks it is a streaming
  /// capture device, picks YUYV or MJPEG (choose_pixel_format), sets size
  /// and frame rate, maps four buffers and queues them. `missing` when the
  /// path does not exist or the device is gone; `unusable` otherwise (not a
  /// V4L2 camera, busy, neither format offered, mapping failed).
  static tl::expected<std::unique_ptr<V4l2Device>, DeviceError> open(
      const CameraSettings& settings);

  /// Stops streaming, unmaps the buffers and closes the device.
  ~V4l2Device() override;
  V4l2Device(const V4l2Device&) = delete;
  V4l2Device& operator=(const V4l2Device&) = delete;

  /// Dequeues one filled buffer, hands its bytes to `consume` and queues it
  /// again. Buffers the driver flags as damaged are skipped (reported as
  /// `timeout`). ENODEV/EIO (unplugged) give `missing`.
  tl::expected<FrameWait, DeviceError> next_frame(int wake_fd, std::chrono::milliseconds timeout,
                                                  const FrameConsumer& consume) override;

  std::string description() const override;
  const StreamFormat& format() const { return m_format; }

 private:
  struct Mapping {
    void* start = nullptr;
    std::size_t length = 0;
  };

  V4l2Device(int fd, std::string path);
  tl::expected<void, DeviceError> check_capabilities();
  tl::expected<void, DeviceError> set_format(const CameraSettings& settings);
  void set_frame_rate(int fps);
  tl::expected<void, DeviceError> map_buffers();
  tl::expected<void, DeviceError> start_streaming();
  tl::expected<FrameWait, DeviceError> dequeue(const FrameConsumer& consume);
  /// A DeviceError for the failed call `what`, classified by `error` (errno).
  DeviceError fault(const std::string& what, int error) const;

  int m_fd = -1;
  std::string m_path;
  StreamFormat m_format;
  std::vector<Mapping> m_buffers;
  bool m_streaming = false;
};

/// The DeviceOpener CameraSource uses by default.
tl::expected<std::unique_ptr<FrameDevice>, DeviceError> open_v4l2_device(
    const CameraSettings& settings);

}  // namespace kiosk::camera
