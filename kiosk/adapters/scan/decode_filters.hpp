#pragma once
// Image clean-ups the decode pipeline tries before handing a picture to
// ZXing: crops, rescaling, contrast normalisation, highlight clipping,
// sharpening and an adaptive threshold. Pure functions on grey images; any
// thread.

#include <cstdint>
#include <vector>

#include "adapters/scan/qr_decoder.hpp"

namespace kiosk::scan {

/// An owned 8-bit grey image (stride == width).
struct GreyBuffer {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;

  GreyImage view() const { return GreyImage{width, height, width, pixels.data()}; }
  bool empty() const { return width <= 0 || height <= 0; }
};

/// An axis-aligned rectangle in pixels (x, y: top-left corner).
struct PixelRect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
};

/// A copy of `rect` of `image`, clipped to the image (empty if nothing left).
GreyBuffer crop(const GreyImage& image, PixelRect rect);

/// Half the size in each direction, each pixel the mean of a 2x2 block.
GreyBuffer downscale_half(const GreyImage& image);

/// `factor` times the size (2..4), bilinear: gives ZXing's sampler more
/// than two pixels per module of a small code.
GreyBuffer upscale(const GreyImage& image, int factor);

/// Local contrast normalisation (CLAHE-like): each pixel stretched between
/// the local dark and bright levels of blocks of `block` pixels, bilinearly
/// blended, so faint or unevenly lit codes reach the full 0..255 range.
GreyBuffer normalise_local(const GreyImage& image, int block);

/// Clips highlights at a high percentile of the image and stretches the
/// rest to 0..255: a glare patch no longer dominates the grey range.
GreyBuffer clip_highlights(const GreyImage& image, double percentile);

/// Unsharp mask with a 3x3 box: out = in + amount * (in - blur(in)).
GreyBuffer sharpen(const GreyImage& image, float amount);

/// 0 (black) where a pixel is darker than the mean of its `window` x
/// `window` neighbourhood minus `offset`, else 255. For ZXing's BoolCast.
GreyBuffer adaptive_threshold(const GreyImage& image, int window, int offset);

}  // namespace kiosk::scan
