#include "adapters/camera/camera_uri.hpp"

#include <charconv>
#include <set>
#include <string_view>

#include <fmt/format.h>

namespace kiosk::camera {
namespace {

constexpr std::string_view k_scheme = "camera:";
constexpr int k_min_side = 16;
constexpr int k_max_side = 4096;
constexpr int k_max_fps = 120;
constexpr int k_yuyv_max_pixels = 640 * 480;

// A whole decimal number in [low, high].
tl::expected<int, std::string> parse_int(std::string_view value, int low, int high) {
  int number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || error != std::errc() || end != value.data() + value.size() || number < low ||
      number > high) {
    return tl::unexpected(fmt::format("must be a whole number from {} to {}", low, high));
  }
  return number;
}

tl::expected<FormatChoice, std::string> parse_format(std::string_view value) {
  if (value == "auto") {
    return FormatChoice::automatic;
  }
  if (value == "yuyv") {
    return FormatChoice::yuyv;
  }
  if (value == "mjpeg") {
    return FormatChoice::mjpeg;
  }
  return tl::unexpected(std::string("must be yuyv, mjpeg or auto"));
}

// Applies one `key=value` option to `settings`; the reason when it is bad.
tl::expected<void, std::string> apply_option(std::string_view key, std::string_view value,
                                             CameraSettings& settings) {
  tl::expected<int, std::string> number = 0;
  if (key == "width") {
    number = parse_int(value, k_min_side, k_max_side);
    settings.width = number.value_or(0);
  } else if (key == "height") {
    number = parse_int(value, k_min_side, k_max_side);
    settings.height = number.value_or(0);
  } else if (key == "fps") {
    number = parse_int(value, 1, k_max_fps);
    settings.fps = number.value_or(0);
  } else if (key == "format") {
    auto format = parse_format(value);
    if (!format) {
      return tl::unexpected(format.error());
    }
    settings.format = *format;
  } else {
    return tl::unexpected(std::string("is not an option (width, height, fps, format)"));
  }
  if (!number) {
    return tl::unexpected(number.error());
  }
  return {};
}

tl::expected<void, std::string> parse_query(std::string_view query, CameraSettings& settings) {
  std::set<std::string_view> seen;
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      return tl::unexpected(fmt::format("option '{}' is not key=value", pair));
    }
    const std::string_view key = pair.substr(0, eq);
    if (!seen.insert(key).second) {
      return tl::unexpected(fmt::format("option '{}' is given twice", key));
    }
    if (auto applied = apply_option(key, pair.substr(eq + 1), settings); !applied) {
      return tl::unexpected(fmt::format("option '{}' {}", key, applied.error()));
    }
  }
  return {};
}

}  // namespace

const char* describe(PixelFormat format) {
  switch (format) {
    case PixelFormat::yuyv:
      return "YUYV";
    case PixelFormat::mjpeg:
      return "MJPEG";
  }
  return "?";
}

tl::expected<CameraSettings, std::string> parse_camera_uri(const std::string& uri) {
  if (!uri.starts_with(k_scheme)) {
    return tl::unexpected(fmt::format("camera source '{}' does not start with camera:", uri));
  }
  CameraSettings settings;
  settings.uri = uri;
  const std::string_view rest = std::string_view(uri).substr(k_scheme.size());
  const auto question = rest.find('?');
  settings.device = std::string(rest.substr(0, question));
  if (settings.device.empty()) {
    return tl::unexpected(fmt::format("camera source '{}' names no device", uri));
  }
  if (!settings.device.starts_with('/')) {
    return tl::unexpected(fmt::format(
        "camera source '{}': the device must be an absolute path such as /dev/video0", uri));
  }
  if (question != std::string_view::npos) {
    if (auto parsed = parse_query(rest.substr(question + 1), settings); !parsed) {
      return tl::unexpected(fmt::format("camera source '{}': {}", uri, parsed.error()));
    }
  }
  return settings;
}

std::optional<PixelFormat> choose_pixel_format(const CameraSettings& settings, bool offers_yuyv,
                                               bool offers_mjpeg) {
  const bool small = settings.width * settings.height <= k_yuyv_max_pixels;
  const bool want_yuyv = settings.format == FormatChoice::yuyv ||
                         (settings.format == FormatChoice::automatic && small);
  const PixelFormat preferred = want_yuyv ? PixelFormat::yuyv : PixelFormat::mjpeg;
  const auto offered = [&](PixelFormat format) {
    return format == PixelFormat::yuyv ? offers_yuyv : offers_mjpeg;
  };
  if (offered(preferred)) {
    return preferred;
  }
  const PixelFormat other = preferred == PixelFormat::yuyv ? PixelFormat::mjpeg : PixelFormat::yuyv;
  if (offered(other)) {
    return other;
  }
  return std::nullopt;
}

}  // namespace kiosk::camera
