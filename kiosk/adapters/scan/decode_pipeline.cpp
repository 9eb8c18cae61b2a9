#include "adapters/scan/decode_pipeline.hpp"

#include <algorithm>
#include <array>

#include "adapters/scan/decode_locator.hpp"
#include "adapters/scan/decode_zxing.hpp"

namespace kiosk::scan {
namespace {

// Chosen on the citizen-ID corpus by each strategy's gain over the cheap
// pass and the strategies before it (docs/PERFORMANCE.md, ablation): the
// others added no frame there, so a camera frame does not pay for them.
constexpr std::array<DecodeStrategy, 3> k_camera = {
    DecodeStrategy::upscale_threshold, DecodeStrategy::upscale_sharpen, DecodeStrategy::upscale_3x};

// Still images have time for everything, most useful first.
constexpr std::array<DecodeStrategy, k_strategy_count> k_all = {
    DecodeStrategy::upscale_threshold,
    DecodeStrategy::upscale_sharpen,
    DecodeStrategy::upscale_3x,
    DecodeStrategy::second_upscale_sharpen,
    DecodeStrategy::clip_highlights,
    DecodeStrategy::global_histogram,
    DecodeStrategy::normalise,
    DecodeStrategy::downscale,
    DecodeStrategy::invert};

constexpr float k_sharpen = 2.0F;
// Window of the own threshold on a 2x picture: about three modules of a
// code at 2-3 pixels per module.
constexpr int k_threshold_window = 25;
// A patch this large once enlarged is not a small code (and would cost too
// much): the cheap pass is the one for it.
constexpr long k_max_enlarged_pixels = 1600L * 1600L;

bool valid(const GreyImage& image) {
  return image.pixels != nullptr && image.width > 0 && image.height > 0 &&
         image.stride >= image.width;
}

bool located(DecodeStrategy strategy) {
  return strategy == DecodeStrategy::upscale_sharpen ||
         strategy == DecodeStrategy::upscale_threshold || strategy == DecodeStrategy::upscale_3x ||
         strategy == DecodeStrategy::second_upscale_sharpen;
}

using Read = std::optional<DecodedCode>;

// A located patch with a margin for the quiet zone and the locator's slack.
GreyBuffer crop_patch(const GreyImage& frame, const PixelRect& patch) {
  const int margin = std::max(patch.width, patch.height) / 6 + 8;
  return crop(frame, PixelRect{patch.x - margin, patch.y - margin, patch.width + 2 * margin,
                               patch.height + 2 * margin});
}

Read read_located(DecodeStrategy strategy, const GreyImage& frame) {
  const int wanted = strategy == DecodeStrategy::second_upscale_sharpen ? 2 : 1;
  const std::vector<PixelRect> patches = locate_code_candidates(frame, wanted);
  if (static_cast<int>(patches.size()) < wanted) {
    return {};
  }
  const GreyBuffer patch = crop_patch(frame, patches.back());
  const long factor = strategy == DecodeStrategy::upscale_3x ? 3 : 2;
  if (patch.empty() ||
      static_cast<long>(patch.width) * patch.height * factor * factor > k_max_enlarged_pixels) {
    return {};
  }
  // Every row searched for finder patterns: cheap on a patch.
  const ReadOptions options{Binariser::local_average, true, false};
  if (factor == 3) {
    return read_qr(upscale(patch.view(), 3).view(), options);
  }
  const GreyBuffer sharp = sharpen(upscale(patch.view(), 2).view(), k_sharpen);
  if (strategy == DecodeStrategy::upscale_threshold) {
    const GreyBuffer binary = adaptive_threshold(sharp.view(), k_threshold_window, 0);
    return read_qr(binary.view(), ReadOptions{Binariser::bool_cast, true, false});
  }
  return read_qr(sharp.view(), options);
}

Read read_whole(DecodeStrategy strategy, const GreyImage& frame) {
  switch (strategy) {
    case DecodeStrategy::global_histogram:
      return read_qr(frame, ReadOptions{Binariser::global_histogram, true, true});
    case DecodeStrategy::normalise:
      return read_qr(normalise_local(frame, 16).view(), ReadOptions{});
    case DecodeStrategy::clip_highlights:
      return read_qr(clip_highlights(frame, 0.9).view(), ReadOptions{});
    case DecodeStrategy::downscale:
      return read_qr(downscale_half(frame).view(), ReadOptions{});
    case DecodeStrategy::invert: {
      GreyBuffer inverted = crop(frame, PixelRect{0, 0, frame.width, frame.height});
      for (auto& p : inverted.pixels) {
        p = static_cast<std::uint8_t>(255 - p);
      }
      return read_qr(inverted.view(), ReadOptions{Binariser::local_average, true, true});
    }
    default:
      return {};
  }
}

Read run_strategy(DecodeStrategy strategy, const GreyImage& frame) {
  return located(strategy) ? read_located(strategy, frame) : read_whole(strategy, frame);
}

// The cheap pass: ZXing's local-average binariser over the whole frame,
// without its try-harder row scan or downscaled retries.
Read cheap_pass(const GreyImage& frame) {
  return read_qr(frame, ReadOptions{});
}

tl::expected<DecodedCode, DecodeError> result_of(Read read) {
  if (!read) {
    return tl::unexpected(DecodeError::no_code);
  }
  return std::move(*read);
}

}  // namespace

const char* strategy_name(DecodeStrategy strategy) {
  switch (strategy) {
    case DecodeStrategy::upscale_sharpen:
      return "upscale_sharpen";
    case DecodeStrategy::upscale_threshold:
      return "upscale_threshold";
    case DecodeStrategy::upscale_3x:
      return "upscale_3x";
    case DecodeStrategy::second_upscale_sharpen:
      return "second_upscale_sharpen";
    case DecodeStrategy::global_histogram:
      return "global_histogram";
    case DecodeStrategy::normalise:
      return "normalise";
    case DecodeStrategy::clip_highlights:
      return "clip_highlights";
    case DecodeStrategy::downscale:
      return "downscale";
    case DecodeStrategy::invert:
      return "invert";
  }
  return "unknown";
}

std::span<const DecodeStrategy> camera_strategies() {
  return k_camera;
}

std::span<const DecodeStrategy> all_strategies() {
  return k_all;
}

tl::expected<DecodedCode, DecodeError> decode_with(const GreyImage& image,
                                                   std::optional<DecodeStrategy> strategy) {
  if (!valid(image)) {
    return tl::unexpected(DecodeError::no_code);
  }
  return result_of(strategy ? run_strategy(*strategy, image) : cheap_pass(image));
}

tl::expected<DecodedCode, DecodeError> DecodePipeline::decode(const GreyImage& frame) {
  if (!valid(frame)) {
    return tl::unexpected(DecodeError::no_code);
  }
  Read read = cheap_pass(frame);
  if (read) {
    return std::move(*read);
  }
  const std::size_t index = m_next % k_camera.size();
  read = run_strategy(k_camera[index], frame);
  // The strategy that read this card is tried first on the next one: the
  // light and the distance of the next card are probably alike.
  m_next = read ? index : index + 1;
  return result_of(std::move(read));
}

tl::expected<DecodedCode, DecodeError> decode_thorough(const GreyImage& image) {
  if (!valid(image)) {
    return tl::unexpected(DecodeError::no_code);
  }
  auto decoded = QrDecoder(DecodeEffort::thorough).decode(image);
  if (decoded) {
    return decoded;
  }
  for (const DecodeStrategy strategy : k_all) {
    Read read = run_strategy(strategy, image);
    if (read) {
      return std::move(*read);
    }
  }
  return tl::unexpected(DecodeError::no_code);
}

}  // namespace kiosk::scan
