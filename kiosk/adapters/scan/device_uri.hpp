#pragma once
// Splitting a device URI `scheme:/path?key=value&key=value`, for the scan
// sources that open a device (serial:, evdev:).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace kiosk::scan {

struct DeviceUri {
  std::string path;
  std::vector<std::pair<std::string, std::string>> options;  // in URI order
};

/// Splits `uri`, which must start with `scheme` and name an absolute path;
/// each option must be `key=value`. Fails with a message naming the URI.
/// Pure; any thread.
tl::expected<DeviceUri, std::string> split_device_uri(const std::string& uri,
                                                      std::string_view scheme);

/// `value` as a whole number in [min, max]; a message naming the URI and
/// `key` otherwise. Pure; any thread.
tl::expected<unsigned, std::string> parse_option_number(const std::string& uri,
                                                        std::string_view key,
                                                        std::string_view value, unsigned min,
                                                        unsigned max);

}  // namespace kiosk::scan
