#include "adapters/scan/finder_patterns.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace kiosk::scan {
namespace {

// Local-mean windows of the threshold, in pixels: a small one keeps the
// modules of a small, blurred code apart; a large one keeps the dark centre
// of a big code's corner squares dark.
constexpr std::array<int, 2> k_windows{13, 41};
constexpr float k_min_module = 1.5F;
constexpr std::size_t k_max_patterns = 40;

// Dark/light of each pixel against the mean of a window around it, so a
// card under uneven light still separates into modules.
std::vector<std::uint8_t> binarise(const GreyImage& image, int window) {
  const int w = image.width;
  const int h = image.height;
  std::vector<std::uint32_t> integral(static_cast<std::size_t>((w + 1) * (h + 1)), 0);
  for (int y = 0; y < h; ++y) {
    std::uint32_t row = 0;
    for (int x = 0; x < w; ++x) {
      row += image.pixels[static_cast<std::size_t>(y * image.stride + x)];
      integral[static_cast<std::size_t>((y + 1) * (w + 1) + x + 1)] =
          integral[static_cast<std::size_t>(y * (w + 1) + x + 1)] + row;
    }
  }
  std::vector<std::uint8_t> dark(static_cast<std::size_t>(w * h));
  const int r = window / 2;
  for (int y = 0; y < h; ++y) {
    const int y0 = std::max(0, y - r);
    const int y1 = std::min(h, y + r + 1);
    for (int x = 0; x < w; ++x) {
      const int x0 = std::max(0, x - r);
      const int x1 = std::min(w, x + r + 1);
      const auto at = [&](int yy, int xx) {
        return integral[static_cast<std::size_t>(yy * (w + 1) + xx)];
      };
      const std::uint32_t sum = at(y1, x1) - at(y0, x1) - at(y1, x0) + at(y0, x0);
      const std::uint32_t area = static_cast<std::uint32_t>((y1 - y0) * (x1 - x0));
      const std::uint32_t value = image.pixels[static_cast<std::size_t>(y * image.stride + x)];
      // A little below the mean, so flat areas with noise stay light.
      dark[static_cast<std::size_t>(y * w + x)] = value * area * 100 < sum * 92 ? 1 : 0;
    }
  }
  return dark;
}

// Five runs (dark, light, dark, light, dark) in about 1:1:3:1:1.
bool finder_ratio(const std::array<int, 5>& runs) {
  const int total = runs[0] + runs[1] + runs[2] + runs[3] + runs[4];
  if (total < 7 * k_min_module) {
    return false;
  }
  const float module = static_cast<float>(total) / 7.0F;
  const float slack = module * 0.5F;
  const bool ones = std::abs(static_cast<float>(runs[0]) - module) < slack &&
                    std::abs(static_cast<float>(runs[1]) - module) < slack &&
                    std::abs(static_cast<float>(runs[3]) - module) < slack &&
                    std::abs(static_cast<float>(runs[4]) - module) < slack;
  // The centre must stand out from every other run (a chessboard's do not).
  const int widest_other = std::max({runs[0], runs[1], runs[3], runs[4]});
  return ones && std::abs(static_cast<float>(runs[2]) - 3 * module) < 3 * slack &&
         2 * runs[2] > 3 * widest_other;
}

// The five runs through (x, y) going down the column, centred on the dark
// run that holds (x, y); false when the column does not show the pattern.
bool column_confirms(const std::vector<std::uint8_t>& dark, int w, int h, int x, int y) {
  const auto is_dark = [&](int yy) { return dark[static_cast<std::size_t>(yy * w + x)] != 0; };
  if (!is_dark(y)) {
    return false;
  }
  std::array<int, 5> runs{};
  int up = y;
  while (up >= 0 && is_dark(up)) { --up; }
  int down = y;
  while (down < h && is_dark(down)) { ++down; }
  runs[2] = down - up - 1;
  // Outwards from the centre run: light, then dark, on each side.
  int yy = up;
  for (int i : {1, 0}) {
    const bool want_dark = i == 0;
    int n = 0;
    while (yy >= 0 && is_dark(yy) == want_dark) { --yy; ++n; }
    runs[static_cast<std::size_t>(i)] = n;
  }
  yy = down;
  for (int i : {3, 4}) {
    const bool want_dark = i == 4;
    int n = 0;
    while (yy < h && is_dark(yy) == want_dark) { ++yy; ++n; }
    runs[static_cast<std::size_t>(i)] = n;
  }
  return finder_ratio(runs);
}

void add_hit(std::vector<FinderPattern>& found, float x, float y, float module) {
  for (auto& f : found) {
    if (std::abs(f.x - x) < 2 * f.module && std::abs(f.y - y) < 4 * f.module &&
        module < 1.6F * f.module && f.module < 1.6F * module) {
      const float n = static_cast<float>(f.hits);
      f.x = (f.x * n + x) / (n + 1);
      f.y = (f.y * n + y) / (n + 1);
      f.module = (f.module * n + module) / (n + 1);
      ++f.hits;
      return;
    }
  }
  found.push_back(FinderPattern{x, y, module, 1});
}

void scan_row(const std::vector<std::uint8_t>& dark, int w, int h, int y,
              std::vector<FinderPattern>& found) {
  // Runs along the row; every time five runs starting with a dark one are
  // complete, test them.
  std::array<int, 5> runs{};
  int count = 0;  // runs filled, the last one still growing
  int x = 0;
  const std::uint8_t* row = &dark[static_cast<std::size_t>(y * w)];
  while (x < w && !row[x]) { ++x; }
  for (; x <= w; ++x) {
    const bool end = x == w || (row[x] != 0) != (count % 2 == 0);
    if (!end) {
      ++runs[static_cast<std::size_t>(count)];
      continue;
    }
    if (count == 4) {
      if (finder_ratio(runs)) {
        const int centre = x - runs[4] - runs[3] - runs[2] / 2 - 1;
        const float module = static_cast<float>(runs[0] + runs[1] + runs[2] + runs[3] + runs[4]) / 7;
        if (column_confirms(dark, w, h, centre, y)) {
          add_hit(found, static_cast<float>(centre), static_cast<float>(y), module);
        }
      }
      // Slide by two runs: the third run (dark) starts the next window.
      runs = {runs[2], runs[3], runs[4], 0, 0};
      count = 3;
    } else {
      ++count;
    }
    if (x < w) {
      runs[static_cast<std::size_t>(count)] = 1;
    }
  }
}

float distance(const FinderPattern& a, const FinderPattern& b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

// Three patterns as a QR code's: similar module sizes, two equal sides
// meeting at a right angle, at least 14 modules apart (a version-1 code).
bool qr_triangle(const FinderPattern& a, const FinderPattern& b, const FinderPattern& c) {
  const float lo = std::min({a.module, b.module, c.module});
  const float hi = std::max({a.module, b.module, c.module});
  if (hi > 1.5F * lo) {
    return false;
  }
  std::array<float, 3> sides{distance(a, b), distance(b, c), distance(a, c)};
  std::sort(sides.begin(), sides.end());
  const float module = (a.module + b.module + c.module) / 3;
  return sides[0] >= 14 * module && sides[1] < 1.2F * sides[0] &&
         std::abs(sides[2] - std::sqrt(2.0F) * sides[1]) < 0.2F * sides[2];
}

}  // namespace

std::vector<FinderPattern> find_finder_patterns(const GreyImage& image, int window) {
  std::vector<FinderPattern> found;
  if (image.pixels == nullptr || image.width < 21 || image.height < 21 ||
      image.stride < image.width) {
    return found;
  }
  const std::vector<std::uint8_t> dark = binarise(image, window);
  for (int y = 0; y < image.height; ++y) {
    scan_row(dark, image.width, image.height, y, found);
  }
  // A real pattern is crossed by several rows; a lone hit is noise.
  std::erase_if(found, [](const FinderPattern& f) { return f.hits < 2; });
  std::sort(found.begin(), found.end(),
            [](const FinderPattern& a, const FinderPattern& b) { return a.hits > b.hits; });
  if (found.size() > k_max_patterns) {
    found.resize(k_max_patterns);
  }
  return found;
}

bool qr_sighted(const GreyImage& image) {
  for (const int window : k_windows) {
    const auto found = find_finder_patterns(image, window);
    for (std::size_t i = 0; i < found.size(); ++i) {
      for (std::size_t j = i + 1; j < found.size(); ++j) {
        for (std::size_t k = j + 1; k < found.size(); ++k) {
          if (qr_triangle(found[i], found[j], found[k])) {
            return true;
          }
        }
      }
    }
  }
  return false;
}

}  // namespace kiosk::scan
