#include "tools/corpus/frame_effects.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include <turbojpeg.h>

namespace kiosk::corpus {
namespace {

void apply_light(FloatFrame& frame, const FrameEffects& effects, CorpusRandom& random) {
  // Contrast loss keeps the mid grey: blacks lift, whites dim.
  const auto contrast = static_cast<float>(effects.contrast);
  const float mid = static_cast<float>(random.uniform(110, 150));
  const double angle = random.uniform(0, 6.283185307179586);
  const double dx = std::cos(angle) / frame.width;
  const double dy = std::sin(angle) / frame.height;
  const double offset = (dx < 0 ? -dx * frame.width : 0) + (dy < 0 ? -dy * frame.height : 0);
  const double glare_den = 2.0 * effects.glare_radius_px * effects.glare_radius_px;
  for (int y = 0; y < frame.height; ++y) {
    for (int x = 0; x < frame.width; ++x) {
      float& p = frame.at(x, y);
      p = mid + (p - mid) * contrast;
      // Linear fall-off across the frame (a lamp to one side).
      const double t = std::clamp((x * dx + y * dy + offset) / std::sqrt(2.0), 0.0, 1.0);
      p *= static_cast<float>(1.0 - effects.gradient * t);
      if (effects.glare_peak > 0) {
        const double gx = x - effects.glare_x;
        const double gy = y - effects.glare_y;
        p += static_cast<float>(effects.glare_peak * std::exp(-(gx * gx + gy * gy) / glare_den));
      }
    }
  }
}

std::vector<float> gaussian_kernel(double sigma) {
  const int radius = std::max(1, static_cast<int>(std::ceil(3.0 * sigma)));
  std::vector<float> kernel(static_cast<std::size_t>(2 * radius + 1));
  float sum = 0;
  for (int i = -radius; i <= radius; ++i) {
    const auto w = static_cast<float>(std::exp(-(i * i) / (2.0 * sigma * sigma)));
    kernel[static_cast<std::size_t>(i + radius)] = w;
    sum += w;
  }
  for (float& w : kernel) {
    w /= sum;
  }
  return kernel;
}

// One 1-D convolution pass along x (step 1) or y (step width), clamped edges.
void convolve(FloatFrame& frame, const std::vector<float>& kernel, bool vertical) {
  const int radius = static_cast<int>(kernel.size() / 2);
  const int length = vertical ? frame.height : frame.width;
  const int lines = vertical ? frame.width : frame.height;
  std::vector<float> line(static_cast<std::size_t>(length));
  for (int l = 0; l < lines; ++l) {
    for (int i = 0; i < length; ++i) {
      line[static_cast<std::size_t>(i)] = vertical ? frame.at(l, i) : frame.at(i, l);
    }
    for (int i = 0; i < length; ++i) {
      float sum = 0;
      for (int k = -radius; k <= radius; ++k) {
        const int j = std::clamp(i + k, 0, length - 1);
        sum += kernel[static_cast<std::size_t>(k + radius)] * line[static_cast<std::size_t>(j)];
      }
      (vertical ? frame.at(l, i) : frame.at(i, l)) = sum;
    }
  }
}

tl::expected<void, std::string> jpeg_round_trip(std::vector<std::uint8_t>& grey, int width,
                                                int height, int quality) {
  const std::unique_ptr<void, int (*)(tjhandle)> encoder(tjInitCompress(), tjDestroy);
  const std::unique_ptr<void, int (*)(tjhandle)> decoder(tjInitDecompress(), tjDestroy);
  unsigned char* jpeg = nullptr;
  unsigned long jpeg_size = 0;
  if (!encoder || !decoder ||
      tjCompress2(encoder.get(), grey.data(), width, 0, height, TJPF_GRAY, &jpeg, &jpeg_size,
                  TJSAMP_GRAY, quality, TJFLAG_ACCURATEDCT) != 0) {
    tjFree(jpeg);
    return tl::unexpected(std::string("JPEG encoding failed: ") + tjGetErrorStr());
  }
  const int rc = tjDecompress2(decoder.get(), jpeg, jpeg_size, grey.data(), width, 0, height,
                               TJPF_GRAY, TJFLAG_ACCURATEDCT);
  tjFree(jpeg);
  if (rc != 0) {
    return tl::unexpected(std::string("JPEG decoding failed: ") + tjGetErrorStr());
  }
  return {};
}

}  // namespace

tl::expected<std::vector<std::uint8_t>, std::string> apply_effects(FloatFrame frame,
                                                                   const FrameEffects& effects,
                                                                   CorpusRandom& random) {
  apply_light(frame, effects, random);
  if (effects.blur_sigma > 0.05) {
    const auto kernel = gaussian_kernel(effects.blur_sigma);
    convolve(frame, kernel, false);
    convolve(frame, kernel, true);
  }
  if (effects.motion_px > 1) {
    const std::vector<float> box(static_cast<std::size_t>(effects.motion_px | 1),
                                 1.0F / static_cast<float>(effects.motion_px | 1));
    convolve(frame, box, effects.motion_vertical);
  }
  // Noise from a table of normal deviates read at random offsets: as good as
  // fresh deviates for a decoder, and much faster.
  constexpr std::size_t k_table = 1U << 16U;
  std::vector<float> table(k_table);
  for (float& n : table) {
    n = static_cast<float>(random.normal() * effects.noise_sigma);
  }
  std::vector<std::uint8_t> grey(frame.pixels.size());
  std::size_t cursor = random.next() % k_table;
  for (std::size_t i = 0; i < grey.size(); ++i) {
    if ((i & 1023U) == 0) {
      cursor = random.next() % k_table;
    }
    const float value = frame.pixels[i] + table[cursor];
    cursor = (cursor + 1) % k_table;
    grey[i] = static_cast<std::uint8_t>(std::clamp(std::lround(value), 0L, 255L));
  }
  if (effects.jpeg_quality > 0) {
    auto jpeg = jpeg_round_trip(grey, frame.width, frame.height, effects.jpeg_quality);
    if (!jpeg) {
      return tl::unexpected(jpeg.error());
    }
  }
  return grey;
}

}  // namespace kiosk::corpus
