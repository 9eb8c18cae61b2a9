#include "adapters/print/qr_matrix.hpp"

#include <algorithm>
#include <exception>

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/TextUtfEncoding.h>

namespace kiosk::print {
namespace {

// MultiFormatWriter's 0..8 scale: 5-6 is QR level Q (25 % recovery), which
// survives a thermal print's smudges and a folded slip.
constexpr int k_ecc_level_q = 6;

}  // namespace

tl::expected<QrMatrix, std::string> encode_qr(const std::string& text) {
  if (text.empty()) {
    return tl::unexpected(std::string("empty QR payload"));
  }
  const bool ascii = std::all_of(text.begin(), text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
  writer.setMargin(0).setEccLevel(k_ecc_level_q);
  if (!ascii) {
    writer.setEncoding(ZXing::CharacterSet::UTF8);
  }
  try {
    // Width and height 0: one dot per module; the renderer scales it.
    const ZXing::BitMatrix bits = writer.encode(ZXing::TextUtfEncoding::FromUtf8(text), 0, 0);
    QrMatrix matrix;
    matrix.size = bits.width();
    matrix.dark.resize(static_cast<std::size_t>(matrix.size) *
                       static_cast<std::size_t>(matrix.size));
    for (int y = 0; y < matrix.size; ++y) {
      for (int x = 0; x < matrix.size; ++x) {
        matrix.dark[static_cast<std::size_t>(y * matrix.size + x)] = bits.get(x, y);
      }
    }
    return matrix;
  } catch (const std::exception& e) {
    return tl::unexpected(std::string("cannot encode QR code: ") + e.what());
  }
}

}  // namespace kiosk::print
