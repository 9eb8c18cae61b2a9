#pragma once
// QR decoding for a camera stream, built on ZXing-cpp: every frame gets a
// cheap pass over the whole frame, then one extra strategy from a rotating
// list, so a card held under the camera for a few frames meets all of them
// while each frame stays within its time budget. The strategies aim at a
// code the cheap pass cannot read: small modules, blur, low contrast, noise.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <tl/expected.hpp>

#include "adapters/scan/decode_filters.hpp"
#include "adapters/scan/qr_decoder.hpp"

namespace kiosk::scan {

/// The strategies tried after the cheap pass. "Located" ones work on a crop
/// around a patch that looks like a QR code (see decode_locator.hpp).
enum class DecodeStrategy : std::uint8_t {
  upscale_threshold,       // located, enlarged 2x, sharpened, own adaptive threshold
  upscale_sharpen,         // located, enlarged 2x, unsharp-masked
  upscale_3x,              // located, enlarged 3x (the smallest modules)
  second_upscale_sharpen,  // upscale_sharpen on the second most likely patch
  global_histogram,        // whole frame, ZXing's global-histogram binariser
  normalise,               // whole frame, local contrast normalisation
  clip_highlights,         // whole frame, brightest tail clipped (glare)
  downscale,               // whole frame at half size (large, noisy modules)
  invert,                  // whole frame, light modules on a dark ground
};

inline constexpr std::size_t k_strategy_count = 9;

/// Every strategy, in the order decode_thorough tries them.
std::span<const DecodeStrategy> all_strategies();

/// A short English name ("upscale_sharpen"), for logs and benchmarks.
const char* strategy_name(DecodeStrategy strategy);

/// The rotating list DecodePipeline::decode uses, in order.
std::span<const DecodeStrategy> camera_strategies();

/// One image through the cheap pass only (`strategy` empty) or through
/// `strategy` only, locating candidates itself: for measuring each part
/// alone (benchmarks). Any thread.
tl::expected<DecodedCode, DecodeError> decode_with(const GreyImage& image,
                                                   std::optional<DecodeStrategy> strategy);

class DecodePipeline {
 public:
  DecodePipeline() = default;

  /// Decodes one camera frame: the cheap pass, then the next strategy of
  /// the rotating list. `no_code` when neither reads a complete code this
  /// frame (also for an empty image). A read is returned only after ZXing's
  /// Reed-Solomon check passed. Not thread-safe: one pipeline per camera
  /// thread.
  tl::expected<DecodedCode, DecodeError> decode(const GreyImage& frame);

  /// Restarts the strategy list (a new card or camera session).
  void reset() { m_next = 0; }

 private:
  std::size_t m_next = 0;
};

/// For still images (kioskctl decode, image folders): QrDecoder's thorough
/// read, then every strategy in turn until one reads. `no_code` when none
/// does. Any thread.
tl::expected<DecodedCode, DecodeError> decode_thorough(const GreyImage& image);

}  // namespace kiosk::scan
