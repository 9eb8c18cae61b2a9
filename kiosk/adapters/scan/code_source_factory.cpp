#include "adapters/scan/code_source_factory.hpp"

#include <charconv>

#include <fmt/format.h>

#include "adapters/scan/fifo_source.hpp"
#include "adapters/scan/images_source.hpp"

namespace kiosk::scan {
namespace {

constexpr std::string_view k_fifo = "fifo:";
constexpr std::string_view k_images = "images:";
constexpr std::string_view k_delay_option = "?delay_ms=";

tl::expected<std::unique_ptr<CodeSource>, std::string> make_images_source(const std::string& uri) {
  std::string directory = uri.substr(k_images.size());
  ImagesSource::Options options;
  if (const auto query = directory.find(k_delay_option); query != std::string::npos) {
    const std::string value = directory.substr(query + k_delay_option.size());
    int delay_ms = -1;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), delay_ms);
    if (error != std::errc() || end != value.data() + value.size() || delay_ms < 0) {
      return tl::unexpected(
          fmt::format("code source '{}': delay_ms must be a whole number of milliseconds", uri));
    }
    options.delay = std::chrono::milliseconds(delay_ms);
    directory.erase(query);
  }
  if (directory.empty()) {
    return tl::unexpected(fmt::format("code source '{}' names no folder", uri));
  }
  return std::make_unique<ImagesSource>(directory, options);
}

}  // namespace

tl::expected<std::unique_ptr<CodeSource>, std::string> make_code_source(const std::string& uri) {
  if (uri.starts_with(k_fifo)) {
    const std::string path = uri.substr(k_fifo.size());
    if (path.empty()) {
      return tl::unexpected(fmt::format("code source '{}' names no FIFO path", uri));
    }
    return std::make_unique<FifoSource>(path);
  }
  if (uri.starts_with(k_images)) {
    return make_images_source(uri);
  }
  return tl::unexpected(
      fmt::format("unsupported code source '{}': use fifo:PATH, images:DIR, camera:DEVICE, "
                  "serial:DEVICE or evdev:DEVICE",
                  uri));
}

}  // namespace kiosk::scan
