#include "adapters/scan/decode_filters.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace kiosk::scan {
namespace {

std::uint8_t at(const GreyImage& image, int x, int y) {
  return image.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(image.stride) +
                      static_cast<std::size_t>(x)];
}

GreyBuffer blank(int width, int height) {
  return GreyBuffer{width, height,
                    std::vector<std::uint8_t>(static_cast<std::size_t>(width) *
                                              static_cast<std::size_t>(height))};
}

std::uint8_t clamp_byte(float value) {
  return static_cast<std::uint8_t>(std::clamp(value, 0.0F, 255.0F) + 0.5F);
}

// Summed-area table with a zero first row and column: (w+1) x (h+1).
std::vector<std::uint32_t> integral(const GreyImage& image) {
  const auto w1 = static_cast<std::size_t>(image.width) + 1;
  std::vector<std::uint32_t> sums(w1 * (static_cast<std::size_t>(image.height) + 1), 0);
  for (int y = 0; y < image.height; ++y) {
    std::uint32_t row = 0;
    for (int x = 0; x < image.width; ++x) {
      row += at(image, x, y);
      const std::size_t i =
          (static_cast<std::size_t>(y) + 1) * w1 + static_cast<std::size_t>(x) + 1;
      sums[i] = sums[i - w1] + row;
    }
  }
  return sums;
}

}  // namespace

GreyBuffer crop(const GreyImage& image, PixelRect rect) {
  const int x0 = std::clamp(rect.x, 0, image.width);
  const int y0 = std::clamp(rect.y, 0, image.height);
  const int x1 = std::clamp(rect.x + rect.width, 0, image.width);
  const int y1 = std::clamp(rect.y + rect.height, 0, image.height);
  if (x1 <= x0 || y1 <= y0) {
    return {};
  }
  GreyBuffer out = blank(x1 - x0, y1 - y0);
  for (int y = y0; y < y1; ++y) {
    std::copy_n(&image.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(image.stride) +
                              static_cast<std::size_t>(x0)],
                out.width, &out.pixels[static_cast<std::size_t>(y - y0) * out.width]);
  }
  return out;
}

GreyBuffer downscale_half(const GreyImage& image) {
  GreyBuffer out = blank(image.width / 2, image.height / 2);
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      const int sum = at(image, 2 * x, 2 * y) + at(image, 2 * x + 1, 2 * y) +
                      at(image, 2 * x, 2 * y + 1) + at(image, 2 * x + 1, 2 * y + 1);
      out.pixels[static_cast<std::size_t>(y) * out.width + x] =
          static_cast<std::uint8_t>((sum + 2) / 4);
    }
  }
  return out;
}

GreyBuffer upscale(const GreyImage& image, int factor) {
  if (image.width < 2 || image.height < 2) {
    return {};
  }
  factor = std::clamp(factor, 2, 4);
  GreyBuffer out = blank(image.width * factor, image.height * factor);
  const float inv = 1.0F / static_cast<float>(factor);
  // Source column and weight of every output column, computed once.
  std::vector<int> left(static_cast<std::size_t>(out.width));
  std::vector<float> weight(static_cast<std::size_t>(out.width));
  for (int x = 0; x < out.width; ++x) {
    const float sx = std::clamp((static_cast<float>(x) + 0.5F) * inv - 0.5F, 0.0F,
                                static_cast<float>(image.width - 1));
    left[static_cast<std::size_t>(x)] = std::min(static_cast<int>(sx), image.width - 2);
    weight[static_cast<std::size_t>(x)] =
        sx - static_cast<float>(left[static_cast<std::size_t>(x)]);
  }
  std::vector<float> row(static_cast<std::size_t>(image.width));
  for (int y = 0; y < out.height; ++y) {
    const float sy = std::clamp((static_cast<float>(y) + 0.5F) * inv - 0.5F, 0.0F,
                                static_cast<float>(image.height - 1));
    const int y0 = static_cast<int>(sy);
    const int y1 = std::min(y0 + 1, image.height - 1);
    const float fy = sy - static_cast<float>(y0);
    for (int x = 0; x < image.width; ++x) {
      const auto top = static_cast<float>(at(image, x, y0));
      row[static_cast<std::size_t>(x)] = top + fy * (static_cast<float>(at(image, x, y1)) - top);
    }
    std::uint8_t* dst = &out.pixels[static_cast<std::size_t>(y) * out.width];
    for (int x = 0; x < out.width; ++x) {
      const auto i = static_cast<std::size_t>(left[static_cast<std::size_t>(x)]);
      const float a = row[i];
      dst[x] = clamp_byte(a + weight[static_cast<std::size_t>(x)] * (row[i + 1] - a));
    }
  }
  return out;
}

namespace {

// Dark and bright levels per block of `block` pixels, each widened to its
// 3x3 neighbourhood so a block inside a single module still sees both
// colours, and kept at least 24 apart so a flat patch stays flat-ish
// instead of turning noise into contrast.
struct BlockLevels {
  int width = 0;
  int height = 0;
  std::vector<float> dark;
  std::vector<float> bright;
};

BlockLevels block_levels(const GreyImage& image, int block) {
  const int bw = (image.width + block - 1) / block;
  const int bh = (image.height + block - 1) / block;
  std::vector<std::uint8_t> lo(static_cast<std::size_t>(bw * bh), 255);
  std::vector<std::uint8_t> hi(static_cast<std::size_t>(bw * bh), 0);
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      const auto b = static_cast<std::size_t>((y / block) * bw + x / block);
      const std::uint8_t v = at(image, x, y);
      lo[b] = std::min(lo[b], v);
      hi[b] = std::max(hi[b], v);
    }
  }
  BlockLevels levels{bw, bh, std::vector<float>(lo.size()), std::vector<float>(hi.size())};
  for (int by = 0; by < bh; ++by) {
    for (int bx = 0; bx < bw; ++bx) {
      int l = 255;
      int h = 0;
      for (int ny = std::max(by - 1, 0); ny <= std::min(by + 1, bh - 1); ++ny) {
        for (int nx = std::max(bx - 1, 0); nx <= std::min(bx + 1, bw - 1); ++nx) {
          l = std::min<int>(l, lo[static_cast<std::size_t>(ny * bw + nx)]);
          h = std::max<int>(h, hi[static_cast<std::size_t>(ny * bw + nx)]);
        }
      }
      const auto b = static_cast<std::size_t>(by * bw + bx);
      const int mid = (l + h) / 2;
      levels.dark[b] = static_cast<float>(std::min(l, mid - 12));
      levels.bright[b] = static_cast<float>(std::max(h, mid + 12));
    }
  }
  return levels;
}

}  // namespace

GreyBuffer normalise_local(const GreyImage& image, int block) {
  const BlockLevels levels = block_levels(image, block);
  const int bw = levels.width;
  const int bh = levels.height;
  GreyBuffer out = blank(image.width, image.height);
  const float inv_block = 1.0F / static_cast<float>(block);
  for (int y = 0; y < image.height; ++y) {
    const float gy = std::clamp((static_cast<float>(y) + 0.5F) * inv_block - 0.5F, 0.0F,
                                static_cast<float>(bh - 1));
    const int by0 = static_cast<int>(gy);
    const int by1 = std::min(by0 + 1, bh - 1);
    const float fy = gy - static_cast<float>(by0);
    for (int x = 0; x < image.width; ++x) {
      const float gx = std::clamp((static_cast<float>(x) + 0.5F) * inv_block - 0.5F, 0.0F,
                                  static_cast<float>(bw - 1));
      const int bx0 = static_cast<int>(gx);
      const int bx1 = std::min(bx0 + 1, bw - 1);
      const float fx = gx - static_cast<float>(bx0);
      // Bilinear blend of the four nearest blocks' levels.
      auto blend = [&](const std::vector<float>& v) {
        const float top = v[static_cast<std::size_t>(by0 * bw + bx0)] * (1 - fx) +
                          v[static_cast<std::size_t>(by0 * bw + bx1)] * fx;
        const float bottom = v[static_cast<std::size_t>(by1 * bw + bx0)] * (1 - fx) +
                             v[static_cast<std::size_t>(by1 * bw + bx1)] * fx;
        return top * (1 - fy) + bottom * fy;
      };
      const float l = blend(levels.dark);
      const float h = blend(levels.bright);
      out.pixels[static_cast<std::size_t>(y) * out.width + x] =
          clamp_byte((static_cast<float>(at(image, x, y)) - l) * 255.0F / (h - l));
    }
  }
  return out;
}

GreyBuffer clip_highlights(const GreyImage& image, double percentile) {
  std::array<std::size_t, 256> histogram{};
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      ++histogram[at(image, x, y)];
    }
  }
  const auto total = static_cast<double>(image.width) * image.height;
  int low = 0;
  int high = 255;
  std::size_t seen = 0;
  for (int v = 0; v < 256; ++v) {
    seen += histogram[static_cast<std::size_t>(v)];
    if (static_cast<double>(seen) < 0.01 * total) {
      low = v + 1;
    }
    if (static_cast<double>(seen) < percentile * total) {
      high = v + 1;
    }
  }
  high = std::max(high, low + 16);
  GreyBuffer out = blank(image.width, image.height);
  const float scale = 255.0F / static_cast<float>(high - low);
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      out.pixels[static_cast<std::size_t>(y) * out.width + x] =
          clamp_byte(static_cast<float>(at(image, x, y) - low) * scale);
    }
  }
  return out;
}

GreyBuffer sharpen(const GreyImage& image, float amount) {
  GreyBuffer out = blank(image.width, image.height);
  const int w = image.width;
  const int h = image.height;
  // Vertical 3-sums per column for rows y-1..y+1 (edges clamped), then a
  // horizontal 3-sum of those.
  std::vector<int> column(static_cast<std::size_t>(w));
  for (int y = 0; y < h; ++y) {
    const int up = std::max(y - 1, 0);
    const int down = std::min(y + 1, h - 1);
    for (int x = 0; x < w; ++x) {
      column[static_cast<std::size_t>(x)] = at(image, x, up) + at(image, x, y) + at(image, x, down);
    }
    for (int x = 0; x < w; ++x) {
      const int left = column[static_cast<std::size_t>(std::max(x - 1, 0))];
      const int right = column[static_cast<std::size_t>(std::min(x + 1, w - 1))];
      const int sum = left + column[static_cast<std::size_t>(x)] + right;
      const auto v = static_cast<float>(at(image, x, y));
      out.pixels[static_cast<std::size_t>(y) * w + x] =
          clamp_byte(v + amount * (v - static_cast<float>(sum) * (1.0F / 9.0F)));
    }
  }
  return out;
}

GreyBuffer adaptive_threshold(const GreyImage& image, int window, int offset) {
  const std::vector<std::uint32_t> sums = integral(image);
  const auto w1 = static_cast<std::size_t>(image.width) + 1;
  const int half = window / 2;
  GreyBuffer out = blank(image.width, image.height);
  for (int y = 0; y < image.height; ++y) {
    const auto y0 = static_cast<std::size_t>(std::max(0, y - half));
    const auto y1 = static_cast<std::size_t>(std::min(image.height, y + half + 1));
    for (int x = 0; x < image.width; ++x) {
      const auto x0 = static_cast<std::size_t>(std::max(0, x - half));
      const auto x1 = static_cast<std::size_t>(std::min(image.width, x + half + 1));
      const std::uint32_t sum =
          sums[y1 * w1 + x1] - sums[y0 * w1 + x1] - sums[y1 * w1 + x0] + sums[y0 * w1 + x0];
      const auto area = static_cast<std::uint32_t>((x1 - x0) * (y1 - y0));
      const bool dark = (static_cast<std::int64_t>(at(image, x, y)) + offset) * area <
                        static_cast<std::int64_t>(sum);
      out.pixels[static_cast<std::size_t>(y) * out.width + x] = dark ? 0 : 255;
    }
  }
  return out;
}

}  // namespace kiosk::scan
