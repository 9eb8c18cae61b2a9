#include "adapters/scan/device_uri.hpp"

#include <charconv>

#include <fmt/format.h>

namespace kiosk::scan {

tl::expected<DeviceUri, std::string> split_device_uri(const std::string& uri,
                                                      std::string_view scheme) {
  if (!uri.starts_with(scheme)) {
    return tl::unexpected(fmt::format("code source '{}' does not start with {}", uri, scheme));
  }
  const std::string_view rest = std::string_view(uri).substr(scheme.size());
  const auto query = rest.find('?');
  DeviceUri parsed;
  parsed.path = std::string(rest.substr(0, query));
  if (parsed.path.empty()) {
    return tl::unexpected(fmt::format("code source '{}' names no device path", uri));
  }
  if (!parsed.path.starts_with('/')) {
    return tl::unexpected(fmt::format("code source '{}': the device path must be absolute", uri));
  }
  if (query == std::string_view::npos) {
    return parsed;
  }
  std::string_view options = rest.substr(query + 1);
  while (!options.empty()) {
    const auto end = options.find('&');
    const std::string_view option = options.substr(0, end);
    const auto equals = option.find('=');
    if (equals == std::string_view::npos || equals == 0) {
      return tl::unexpected(
          fmt::format("code source '{}': option '{}' is not key=value", uri, option));
    }
    parsed.options.emplace_back(option.substr(0, equals), option.substr(equals + 1));
    options = end == std::string_view::npos ? std::string_view{} : options.substr(end + 1);
  }
  return parsed;
}

tl::expected<unsigned, std::string> parse_option_number(const std::string& uri,
                                                        std::string_view key,
                                                        std::string_view value, unsigned min,
                                                        unsigned max) {
  unsigned number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || error != std::errc() || end != value.data() + value.size() || number < min ||
      number > max) {
    return tl::unexpected(fmt::format("code source '{}': {} must be a whole number from {} to {}",
                                      uri, key, min, max));
  }
  return number;
}

}  // namespace kiosk::scan
