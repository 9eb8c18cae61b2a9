#include "adapters/print/printer_factory.hpp"

#include <string_view>

#include <fmt/format.h>

#include "adapters/print/cups_printer.hpp"
#include "adapters/print/escpos_printer.hpp"
#include "adapters/print/file_printer.hpp"

namespace kiosk::print {
namespace {

constexpr std::string_view k_default_port = "9100";

// The part after `scheme` (with an optional "//"), or nothing when `uri`
// has another scheme.
std::optional<std::string> rest_after(const std::string& uri, std::string_view scheme) {
  if (!uri.starts_with(scheme)) {
    return std::nullopt;
  }
  std::string rest = uri.substr(scheme.size());
  if (rest.starts_with("//")) {
    rest.erase(0, 2);
  }
  return rest;
}

// HOST, HOST:PORT, [V6]:PORT → host and port; nothing when malformed.
std::optional<std::pair<std::string, std::string>> host_port(const std::string& text) {
  std::string host = text;
  std::string port(k_default_port);
  if (text.starts_with("[")) {
    const std::size_t close = text.find(']');
    if (close == std::string::npos) {
      return std::nullopt;
    }
    host = text.substr(1, close - 1);
    if (close + 1 < text.size()) {
      if (text[close + 1] != ':') {
        return std::nullopt;
      }
      port = text.substr(close + 2);
    }
  } else if (const std::size_t colon = text.rfind(':'); colon != std::string::npos) {
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  const bool digits = !port.empty() && port.size() <= 5 &&
                      port.find_first_not_of("0123456789") == std::string::npos;
  if (host.empty() || !digits) {
    return std::nullopt;
  }
  return std::pair{host, port};
}

std::string unsupported(const std::string& uri) {
  return fmt::format(
      "unsupported printer URI '{}' (use file:DIR, escpos-tcp:HOST:PORT, escpos-usb:DEVICE or "
      "cups:QUEUE)",
      uri);
}

}  // namespace

tl::expected<std::unique_ptr<Printer>, std::string> make_slip_printer(
    const Profile::Printer& settings, const SlipFonts& fonts, const EscPosTimeouts& timeouts) {
  const std::string& uri = settings.uri;
  const auto file = rest_after(uri, "file:");
  const auto tcp = rest_after(uri, "escpos-tcp:");
  const auto usb = rest_after(uri, "escpos-usb:");
  const auto cups = rest_after(uri, "cups:");
  if (!file && !tcp && !usb && !cups) {
    return tl::unexpected(unsupported(uri));
  }
  const auto address = tcp ? host_port(*tcp) : std::nullopt;
  if ((file && file->empty()) || (tcp && !address) || (usb && usb->empty()) ||
      (cups && cups->empty())) {
    return tl::unexpected(fmt::format("printer URI '{}' names no {}", uri,
                                      tcp ? "HOST[:PORT]" : (file ? "directory" : "device or queue")));
  }
  auto renderer = SlipRenderer::create(settings.width_dots, fonts);
  if (!renderer) {
    return tl::unexpected(fmt::format("printer '{}': {}", uri, renderer.error()));
  }
  const EscPosJobOptions job{settings.dpi, settings.cutter};
  if (file) {
    return std::make_unique<FilePrinter>(*file, std::move(*renderer), job);
  }
  if (cups) {
    return std::make_unique<CupsPrinter>(*cups, std::move(*renderer), settings.dpi);
  }
  EscPosOpener opener;
  if (tcp) {
    opener = [address = *address, timeouts] {
      return connect_escpos_tcp(address.first, address.second, timeouts);
    };
  } else {
    opener = [path = *usb, timeouts] { return open_escpos_device(path, timeouts); };
  }
  return std::make_unique<EscPosPrinter>(uri, std::move(opener), std::move(*renderer), job,
                                         timeouts);
}

tl::expected<std::unique_ptr<Printer>, std::string> make_printer(const std::string& uri,
                                                                 int width_dots,
                                                                 const SlipFonts& fonts) {
  Profile::Printer settings;
  settings.uri = uri;
  settings.width_dots = width_dots;
  return make_slip_printer(settings, fonts);
}

}  // namespace kiosk::print
