#pragma once
// The `camera:` URI of a profile's [scanner] section and the pixel format a
// camera is asked for. Pure: no device is touched here.

#include <optional>
#include <string>

#include <tl/expected.hpp>

namespace kiosk::camera {

/// The two formats every UVC webcam offers at least one of.
enum class PixelFormat { yuyv, mjpeg };

/// What the URI asks for; `automatic` picks by resolution (choose_pixel_format).
enum class FormatChoice { automatic, yuyv, mjpeg };

/// "YUYV" or "MJPEG", for logs and the staff screen.
const char* describe(PixelFormat format);

struct CameraSettings {
  std::string uri;     // as written in the profile (logs, ScanEvent::source)
  std::string device;  // e.g. /dev/video0 or /dev/v4l/by-id/…-video-index0
  int width = 1280;
  int height = 720;
  int fps = 30;
  FormatChoice format = FormatChoice::automatic;
};

/// Parses `camera:/dev/video0?width=1280&height=720&fps=30&format=auto`; every
/// option may be left out (defaults 1280×720 at 30 fps, automatic format).
/// Fails with a message naming the URI on another scheme, a missing or
/// relative device path, an unknown or repeated option, or a value out of
/// range (width/height 16–4096, fps 1–120, format yuyv|mjpeg|auto).
tl::expected<CameraSettings, std::string> parse_camera_uri(const std::string& uri);

/// The format to ask the device for: the requested one if offered, else
/// YUYV up to 640×480 and MJPEG above (USB 2.0 cannot carry uncompressed
/// 720p at 30 fps), else whichever of the two the device offers; nullopt
/// when it offers neither.
std::optional<PixelFormat> choose_pixel_format(const CameraSettings& settings, bool offers_yuyv,
                                               bool offers_mjpeg);

}  // namespace kiosk::camera
