#pragma once
// QR code symbols for the slip, made with ZXing-cpp's writer. Any thread.

#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace kiosk::print {

/// A QR symbol as a square of modules, without quiet zone.
struct QrMatrix {
  int size = 0;            // modules per side
  std::vector<bool> dark;  // size * size, row-major

  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

/// Encodes UTF-8 `text` at error-correction level Q. ASCII text is encoded
/// as is; other text as UTF-8 bytes with an ECI 26 header, so a reader's
/// raw bytes are exactly `text`. Fails when the text is empty or too long.
tl::expected<QrMatrix, std::string> encode_qr(const std::string& text);

}  // namespace kiosk::print
