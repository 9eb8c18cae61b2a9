#pragma once
// Builds the printer a profile's `[printer] backend` URI names.

#include <memory>
#include <string>

#include <tl/expected.hpp>

#include "adapters/print/slip_renderer.hpp"
#include "ports/printer.hpp"

namespace kiosk::print {

/// `file:DIR` (also `file://DIR`) → FilePrinter rendering at `width_dots`
/// with `fonts`. Fails with a message naming the URI for an unsupported
/// scheme (escpos-usb:, escpos-tcp:, cups: are not built yet) or an empty
/// directory, and with the renderer's message for a bad width or font.
tl::expected<std::unique_ptr<Printer>, std::string> make_printer(
    const std::string& uri, int width_dots, const SlipFonts& fonts = default_slip_fonts());

}  // namespace kiosk::print
