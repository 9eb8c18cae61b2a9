#include "tools/corpus/frame_effects.hpp"

#include <algorithm>
#include <array>
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
  for (int y = 0; y < frame.height; ++y) {
    for (int x = 0; x < frame.width; ++x) {
      float& p = frame.at(x, y);
      p = mid + (p - mid) * contrast;
      // Linear fall-off across the frame (a lamp to one side).
      const double t = std::clamp((x * dx + y * dy + offset) / std::sqrt(2.0), 0.0, 1.0);
      p *= static_cast<float>(1.0 - effects.gradient * t);
    }
  }
  if (effects.glare_peak <= 0 || effects.glare_radius_px <= 0) {
    return;
  }
  // The glare: a Gaussian bump, computed only where it adds a grey level.
  const double den = 2.0 * effects.glare_radius_px * effects.glare_radius_px;
  const int reach = static_cast<int>(std::ceil(3.5 * effects.glare_radius_px));
  const int x0 = std::max(0, static_cast<int>(effects.glare_x) - reach);
  const int x1 = std::min(frame.width - 1, static_cast<int>(effects.glare_x) + reach);
  const int y0 = std::max(0, static_cast<int>(effects.glare_y) - reach);
  const int y1 = std::min(frame.height - 1, static_cast<int>(effects.glare_y) + reach);
  for (int y = y0; y <= y1; ++y) {
    for (int x = x0; x <= x1; ++x) {
      const double gx = x - effects.glare_x;
      const double gy = y - effects.glare_y;
      frame.at(x, y) +=
          static_cast<float>(effects.glare_peak * std::exp(-(gx * gx + gy * gy) / den));
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

// One 1-D convolution pass along x or y, edges extended.
void convolve(FloatFrame& frame, const std::vector<float>& kernel, bool vertical) {
  const int radius = static_cast<int>(kernel.size() / 2);
  const int length = vertical ? frame.height : frame.width;
  const int lines = vertical ? frame.width : frame.height;
  std::vector<float> line(static_cast<std::size_t>(length + 2 * radius));
  for (int l = 0; l < lines; ++l) {
    for (int i = -radius; i < length + radius; ++i) {
      const int j = std::clamp(i, 0, length - 1);
      line[static_cast<std::size_t>(i + radius)] = vertical ? frame.at(l, j) : frame.at(j, l);
    }
    for (int i = 0; i < length; ++i) {
      const float* window = &line[static_cast<std::size_t>(i)];
      float sum = 0;
      for (std::size_t k = 0; k < kernel.size(); ++k) {
        sum += kernel[k] * window[k];
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

// The webcam's automatic exposure and gain: stretches the frame's 1st..99th
// percentile to 16..240 (noise is stretched too).
void auto_gain(std::vector<float>& pixels) {
  std::array<std::size_t, 256> histogram{};
  for (const float p : pixels) {
    ++histogram[static_cast<std::size_t>(std::clamp(p, 0.0F, 255.0F))];
  }
  const auto total = static_cast<double>(pixels.size());
  double seen = 0;
  float low = 0;
  float high = 255;
  for (std::size_t v = 0; v < histogram.size(); ++v) {
    seen += static_cast<double>(histogram[v]);
    if (seen < 0.01 * total) {
      low = static_cast<float>(v);
    }
    if (seen < 0.99 * total) {
      high = static_cast<float>(v + 1);
    }
  }
  // Gain is limited: a camera cannot stretch a nearly flat scene endlessly.
  const float gain = std::min(224.0F / std::max(high - low, 1.0F), 2.5F);
  const float mid = (low + high) / 2;
  for (float& p : pixels) {
    p = 128.0F + (p - mid) * gain;
  }
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
  std::size_t cursor = random.next() % k_table;
  for (std::size_t i = 0; i < frame.pixels.size(); ++i) {
    if ((i & 1023U) == 0) {
      cursor = random.next() % k_table;
    }
    frame.pixels[i] += table[cursor];
    cursor = (cursor + 1) % k_table;
  }
  auto_gain(frame.pixels);
  std::vector<std::uint8_t> grey(frame.pixels.size());
  for (std::size_t i = 0; i < grey.size(); ++i) {
    grey[i] = static_cast<std::uint8_t>(std::clamp(frame.pixels[i], 0.0F, 255.0F) + 0.5F);
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
