#pragma once
// One ZXing-cpp QR read with the settings the decode pipeline varies.
// Any thread.

#include <optional>

#include "adapters/scan/qr_decoder.hpp"

namespace kiosk::scan {

/// ZXing's binarisers (mirrors ZXing::Binarizer, keeping ZXing out of the
/// pipeline's header).
enum class Binariser { local_average, global_histogram, fixed_threshold, bool_cast };

struct ReadOptions {
  Binariser binariser = Binariser::local_average;
  bool try_harder = false;     // scan every row for finder patterns
  bool try_downscale = false;  // ZXing's own downscaled retries
  bool try_rotate = false;     // ZXing's rotated retries (no help for QR codes)
};

/// At most one QR code read from `image`: only a symbol whose data passed
/// ZXing's Reed-Solomon correction and decoding counts; nothing otherwise
/// (also for an empty or malformed image).
std::optional<DecodedCode> read_qr(const GreyImage& image, const ReadOptions& options);

}  // namespace kiosk::scan
