#pragma once
// QR code decoding with ZXing-cpp, for the camera path, image folders and
// kioskctl. Stateless: any thread, concurrently.

#include <cstdint>
#include <string>

#include <tl/expected.hpp>

namespace kiosk::scan {

enum class DecodeError {
  unreadable_file,  // missing, unreadable or not a PNG/JPEG image
  no_code,          // an image, but no readable QR code in it
};

/// A short English description, for logs.
const char* describe(DecodeError error);

/// A borrowed 8-bit greyscale image (0 = black); `stride` bytes per row.
struct GreyImage {
  int width = 0;
  int height = 0;
  int stride = 0;
  const std::uint8_t* pixels = nullptr;
};

/// One decoded symbol. Personal data when it is a citizen-ID: never log it.
struct DecodedCode {
  std::string bytes;  // the symbol's raw content bytes (a CCCD is UTF-8 here)
  std::string text;   // ZXing's reading as text (ECI / guessed charset), UTF-8
};

/// How hard to look: `thorough` retries an image without a code using a
/// second binariser, so a frame with no code costs about twice as much; a
/// camera loop decoding many frames a second may prefer `fast`.
enum class DecodeEffort { fast, thorough };

class QrDecoder {
 public:
  explicit QrDecoder(DecodeEffort effort = DecodeEffort::thorough) : m_effort(effort) {}

  /// The first QR code found in `image`, searched with rotations and harder
  /// passes; `no_code` when there is none or it cannot be read completely
  /// (also for an empty or malformed image).
  tl::expected<DecodedCode, DecodeError> decode(const GreyImage& image) const;

 private:
  DecodeEffort m_effort;
};

/// Loads a PNG or JPEG file as greyscale and decodes it with
/// decode_thorough (decode_pipeline.hpp): QrDecoder's thorough read first,
/// then the pipeline's clean-ups. `unreadable_file` when the file cannot be
/// read or is no image.
tl::expected<DecodedCode, DecodeError> decode_image_file(const std::string& path);

}  // namespace kiosk::scan
