#pragma once
// What the capture thread needs from a camera: frames until it fails. The
// V4L2 device implements it; tests substitute a scripted one.

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include <tl/expected.hpp>

#include "adapters/camera/camera_uri.hpp"
#include "adapters/camera/frame_convert.hpp"

namespace kiosk::camera {

enum class DeviceFault {
  missing,   // no such device, or it went away (unplugged): retry until it is back
  unusable,  // it is there but cannot stream for us (not a camera, busy, no format)
};

struct DeviceError {
  DeviceFault fault = DeviceFault::unusable;
  std::string message;  // for logs: names the device and the reason
};

/// How a wait for a frame ended when it did not fail.
enum class FrameWait { frame, timeout, woken };

class FrameDevice {
 public:
  /// Receives a frame's bytes, borrowed only for the duration of the call.
  using FrameConsumer = std::function<void(const RawFrame&)>;

  virtual ~FrameDevice() = default;

  /// Waits up to `timeout` for the next frame and hands it to `consume` on
  /// the calling thread; returns `woken` as soon as `wake_fd` (an eventfd)
  /// becomes readable, without reading it. `missing` when the device went
  /// away, `unusable` on any other failure. One thread at a time.
  virtual tl::expected<FrameWait, DeviceError> next_frame(int wake_fd,
                                                          std::chrono::milliseconds timeout,
                                                          const FrameConsumer& consume) = 0;

  /// The negotiated stream, e.g. "1280x720 MJPEG at 30 fps".
  virtual std::string description() const = 0;
};

/// Opens and starts streaming a device for `settings`; the error says whether
/// the device is missing or unusable.
using DeviceOpener = std::function<tl::expected<std::unique_ptr<FrameDevice>, DeviceError>(
    const CameraSettings& settings)>;

}  // namespace kiosk::camera
