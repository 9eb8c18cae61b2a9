#pragma once
// Builds the printer a profile's `[printer]` section names.

#include <memory>
#include <string>

#include <tl/expected.hpp>

#include "adapters/print/escpos_link.hpp"
#include "adapters/print/slip_renderer.hpp"
#include "core/profile.hpp"
#include "ports/printer.hpp"

namespace kiosk::print {

/// The printer for `settings.uri`, rendering at `settings.width_dots`:
///   `file:DIR` (also `file://DIR`)  → FilePrinter (PNG plus the ESC/POS job)
///   `escpos-tcp:HOST[:PORT]`         → EscPosPrinter over TCP (port 9100 by
///                                      default; `[v6-address]:PORT` works)
///   `escpos-usb:DEVICE`              → EscPosPrinter on a device file
///   `cups:QUEUE`                     → CupsPrinter
/// ESC/POS jobs use `settings.dpi` and `settings.cutter`. Nothing is opened
/// here: an unreachable printer shows at print(). Fails with a message naming
/// the URI for an unknown scheme or a missing part, and with the renderer's
/// message for a bad width or font.
tl::expected<std::unique_ptr<Printer>, std::string> make_slip_printer(
    const Profile::Printer& settings, const SlipFonts& fonts = default_slip_fonts(),
    const EscPosTimeouts& timeouts = {});

/// make_slip_printer with the profile's default dpi and cutter.
tl::expected<std::unique_ptr<Printer>, std::string> make_printer(
    const std::string& uri, int width_dots, const SlipFonts& fonts = default_slip_fonts());

}  // namespace kiosk::print
