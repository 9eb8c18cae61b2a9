#include "adapters/scan/qr_decoder.hpp"

#include <memory>

#include <ZXing/DecodeHints.h>
#include <ZXing/ReadBarcode.h>
#include <ZXing/TextUtfEncoding.h>
#include <stb/stb_image.h>

namespace kiosk::scan {
namespace {

// ZXing's own search (rotations, downscaling) with the given binariser.
ZXing::DecodeHints qr_hints(ZXing::Binarizer binarizer) {
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::QRCode)
      .setTryHarder(true)
      .setTryRotate(true)
      .setBinarizer(binarizer);
  return hints;
}

DecodedCode to_decoded(const ZXing::Result& result) {
  const ZXing::ByteArray& bytes = result.bytes();
  // text() is UTF-16 in 1.4 unless ZX_USE_UTF8 is defined; defining it here
  // alone would give one inline function two meanings in the program.
  return DecodedCode{std::string(bytes.begin(), bytes.end()),
                     ZXing::TextUtfEncoding::ToUtf8(result.text())};
}

}  // namespace

const char* describe(DecodeError error) {
  switch (error) {
    case DecodeError::unreadable_file:
      return "unreadable image file";
    case DecodeError::no_code:
      return "no readable QR code";
  }
  return "decode error";
}

tl::expected<DecodedCode, DecodeError> QrDecoder::decode(const GreyImage& image) const {
  if (image.pixels == nullptr || image.width <= 0 || image.height <= 0 ||
      image.stride < image.width) {
    return tl::unexpected(DecodeError::no_code);
  }
  const ZXing::ImageView view(image.pixels, image.width, image.height, ZXing::ImageFormat::Lum,
                              image.stride);
  ZXing::Result result = ZXing::ReadBarcode(view, qr_hints(ZXing::Binarizer::LocalAverage));
  if (!result.isValid() && m_effort == DecodeEffort::thorough) {
    // A global threshold reads some unevenly lit or low-contrast codes the
    // local one misses (3 more of zxing-cpp's QR samples).
    result = ZXing::ReadBarcode(view, qr_hints(ZXing::Binarizer::GlobalHistogram));
  }
  if (!result.isValid()) {
    return tl::unexpected(DecodeError::no_code);
  }
  return to_decoded(result);
}

tl::expected<DecodedCode, DecodeError> decode_image_file(const std::string& path) {
  int width = 0;
  int height = 0;
  int channels = 0;
  const std::unique_ptr<stbi_uc, void (*)(void*)> pixels(
      stbi_load(path.c_str(), &width, &height, &channels, 1), stbi_image_free);
  if (!pixels) {
    return tl::unexpected(DecodeError::unreadable_file);
  }
  return QrDecoder().decode(GreyImage{width, height, width, pixels.get()});
}

}  // namespace kiosk::scan
