#include "adapters/scan/qr_decoder.hpp"

#include <memory>

#include <stb/stb_image.h>

#include "adapters/scan/decode_pipeline.hpp"
#include "adapters/scan/decode_zxing.hpp"

namespace kiosk::scan {

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
  // ZXing's own search (downscaling, every row) with its local binariser.
  ReadOptions options{Binariser::local_average, true, true, true};
  std::optional<DecodedCode> code = read_qr(image, options);
  if (!code && m_effort == DecodeEffort::thorough) {
    // A global threshold reads some unevenly lit or low-contrast codes the
    // local one misses (3 more of zxing-cpp's QR samples).
    options.binariser = Binariser::global_histogram;
    code = read_qr(image, options);
  }
  if (!code) {
    return tl::unexpected(DecodeError::no_code);
  }
  return std::move(*code);
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
  return decode_thorough(GreyImage{width, height, width, pixels.get()});
}

}  // namespace kiosk::scan
