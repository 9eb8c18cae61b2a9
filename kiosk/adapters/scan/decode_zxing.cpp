#include "adapters/scan/decode_zxing.hpp"

#include <ZXing/DecodeHints.h>
#include <ZXing/ReadBarcode.h>
#include <ZXing/TextUtfEncoding.h>

namespace kiosk::scan {
namespace {

ZXing::Binarizer zxing_binarizer(Binariser binariser) {
  switch (binariser) {
    case Binariser::local_average:
      return ZXing::Binarizer::LocalAverage;
    case Binariser::global_histogram:
      return ZXing::Binarizer::GlobalHistogram;
    case Binariser::fixed_threshold:
      return ZXing::Binarizer::FixedThreshold;
    case Binariser::bool_cast:
      return ZXing::Binarizer::BoolCast;
  }
  return ZXing::Binarizer::LocalAverage;
}

}  // namespace

std::optional<DecodedCode> read_qr(const GreyImage& image, const ReadOptions& options) {
  if (image.pixels == nullptr || image.width <= 0 || image.height <= 0 ||
      image.stride < image.width) {
    return std::nullopt;
  }
  const ZXing::ImageView view(image.pixels, image.width, image.height, ZXing::ImageFormat::Lum,
                              image.stride);
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::QRCode)
      .setTryHarder(options.try_harder)
      .setTryRotate(options.try_rotate)
      .setTryDownscale(options.try_downscale)
      .setBinarizer(zxing_binarizer(options.binariser))
      .setMaxNumberOfSymbols(1);
  const ZXing::Result result = ZXing::ReadBarcode(view, hints);
  if (!result.isValid() || result.format() != ZXing::BarcodeFormat::QRCode) {
    return std::nullopt;
  }
  const ZXing::ByteArray& bytes = result.bytes();
  // text() is UTF-16 in 1.4 unless ZX_USE_UTF8 is defined (see qr_decoder.cpp).
  return DecodedCode{std::string(bytes.begin(), bytes.end()),
                     ZXing::TextUtfEncoding::ToUtf8(result.text())};
}

}  // namespace kiosk::scan
