#include "adapters/print/printer_factory.hpp"

#include <fmt/format.h>

#include "adapters/print/file_printer.hpp"

namespace kiosk::print {

tl::expected<std::unique_ptr<Printer>, std::string> make_printer(const std::string& uri,
                                                                 int width_dots,
                                                                 const SlipFonts& fonts) {
  constexpr std::string_view k_file_scheme = "file:";
  if (!uri.starts_with(k_file_scheme)) {
    return tl::unexpected(
        fmt::format("unsupported printer URI '{}': only file:DIR is available (escpos-usb:, "
                    "escpos-tcp: and cups: are not built)",
                    uri));
  }
  std::string directory = uri.substr(k_file_scheme.size());
  if (directory.starts_with("//")) {
    directory.erase(0, 2);  // file:///var/slips
  }
  if (directory.empty()) {
    return tl::unexpected(fmt::format("printer URI '{}' names no directory", uri));
  }
  auto renderer = SlipRenderer::create(width_dots, fonts);
  if (!renderer) {
    return tl::unexpected(fmt::format("printer '{}': {}", uri, renderer.error()));
  }
  return std::make_unique<FilePrinter>(directory, std::move(*renderer));
}

}  // namespace kiosk::print
