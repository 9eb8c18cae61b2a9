#include "adapters/scan/decode_locator.hpp"

#include <algorithm>
#include <cstdlib>

namespace kiosk::scan {
namespace {

// Cells of 4x4 half-resolution pixels: 8x8 frame pixels.
constexpr int k_cell = 4;
constexpr int k_cell_px = 2 * k_cell;
// A patch smaller than this many cells is too small to be a code.
constexpr int k_min_cells = 6;

struct ActivityMap {
  int width = 0;
  int height = 0;
  std::vector<float> cells;

  float at(int x, int y) const { return cells[static_cast<std::size_t>(y * width + x)]; }
};

// Edge activity per cell: the smaller of the summed horizontal and vertical
// differences, so a straight edge or a stripe pattern scores low.
ActivityMap cell_activity(const GreyBuffer& half) {
  ActivityMap map{half.width / k_cell, half.height / k_cell, {}};
  map.cells.resize(static_cast<std::size_t>(map.width * map.height));
  const auto* p = half.pixels.data();
  const int w = half.width;
  for (int cy = 0; cy < map.height; ++cy) {
    for (int cx = 0; cx < map.width; ++cx) {
      int sx = 0;
      int sy = 0;
      for (int y = cy * k_cell; y < (cy + 1) * k_cell; ++y) {
        for (int x = cx * k_cell; x < (cx + 1) * k_cell; ++x) {
          const int v = p[y * w + x];
          if (x + 1 < w) {
            sx += std::abs(p[y * w + x + 1] - v);
          }
          if (y + 1 < half.height) {
            sy += std::abs(p[(y + 1) * w + x] - v);
          }
        }
      }
      map.cells[static_cast<std::size_t>(cy * map.width + cx)] =
          static_cast<float>(std::min(sx, sy));
    }
  }
  return map;
}

ActivityMap smooth3(const ActivityMap& in) {
  ActivityMap out{in.width, in.height, std::vector<float>(in.cells.size())};
  for (int y = 0; y < in.height; ++y) {
    for (int x = 0; x < in.width; ++x) {
      float sum = 0;
      int n = 0;
      for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          const int nx = x + dx;
          const int ny = y + dy;
          if (nx >= 0 && ny >= 0 && nx < in.width && ny < in.height) {
            sum += in.at(nx, ny);
            ++n;
          }
        }
      }
      out.cells[static_cast<std::size_t>(y * in.width + x)] = sum / static_cast<float>(n);
    }
  }
  return out;
}

struct Blob {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int count = 0;
  float activity = 0;
  float score = 0;
};

// Flood-fills the cells above `threshold` connected to (x, y), clearing them.
Blob flood(const ActivityMap& map, std::vector<char>& above, int x, int y) {
  Blob blob{x, y, x, y, 0, 0, 0};
  std::vector<int> stack{y * map.width + x};
  above[static_cast<std::size_t>(stack.back())] = 0;
  while (!stack.empty()) {
    const int i = stack.back();
    stack.pop_back();
    const int cx = i % map.width;
    const int cy = i / map.width;
    blob.x0 = std::min(blob.x0, cx), blob.x1 = std::max(blob.x1, cx);
    blob.y0 = std::min(blob.y0, cy), blob.y1 = std::max(blob.y1, cy);
    ++blob.count;
    blob.activity += map.cells[static_cast<std::size_t>(i)];
    const int next[4][2] = {{cx + 1, cy}, {cx - 1, cy}, {cx, cy + 1}, {cx, cy - 1}};
    for (const auto& n : next) {
      if (n[0] < 0 || n[1] < 0 || n[0] >= map.width || n[1] >= map.height) {
        continue;
      }
      const auto j = static_cast<std::size_t>(n[1] * map.width + n[0]);
      if (above[j] != 0) {
        above[j] = 0;
        stack.push_back(static_cast<int>(j));
      }
    }
  }
  return blob;
}

// Compact and square patches score higher; long strips (text lines, the
// edges of things) lower.
float blob_score(const Blob& blob) {
  const int w = blob.x1 - blob.x0 + 1;
  const int h = blob.y1 - blob.y0 + 1;
  const float fill = static_cast<float>(blob.count) / static_cast<float>(w * h);
  const float aspect = static_cast<float>(std::max(w, h)) / static_cast<float>(std::min(w, h));
  const float shape = aspect > 2.5F ? 0.2F : 1.0F;
  return blob.activity * fill * shape;
}

}  // namespace

std::vector<PixelRect> locate_code_candidates(const GreyImage& frame, int max_candidates) {
  if (frame.width < 4 * k_cell_px || frame.height < 4 * k_cell_px || max_candidates <= 0) {
    return {};
  }
  const GreyBuffer half = downscale_half(frame);
  const ActivityMap busy = smooth3(cell_activity(half));
  std::vector<float> sorted = busy.cells;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(sorted.size() / 2),
                   sorted.end());
  const float background = sorted[sorted.size() / 2];
  const float peak = *std::max_element(busy.cells.begin(), busy.cells.end());
  const float threshold = background + 0.35F * (peak - background);
  std::vector<char> above(busy.cells.size());
  for (std::size_t i = 0; i < above.size(); ++i) {
    above[i] = busy.cells[i] > threshold ? 1 : 0;
  }
  std::vector<Blob> blobs;
  for (int y = 0; y < busy.height; ++y) {
    for (int x = 0; x < busy.width; ++x) {
      if (above[static_cast<std::size_t>(y * busy.width + x)] != 0) {
        Blob blob = flood(busy, above, x, y);
        if (blob.count >= k_min_cells) {
          blob.score = blob_score(blob);
          blobs.push_back(blob);
        }
      }
    }
  }
  std::sort(blobs.begin(), blobs.end(),
            [](const Blob& a, const Blob& b) { return a.score > b.score; });
  std::vector<PixelRect> rects;
  for (const Blob& blob : blobs) {
    if (static_cast<int>(rects.size()) >= max_candidates) {
      break;
    }
    rects.push_back(PixelRect{blob.x0 * k_cell_px, blob.y0 * k_cell_px,
                              (blob.x1 - blob.x0 + 1) * k_cell_px,
                              (blob.y1 - blob.y0 + 1) * k_cell_px});
  }
  return rects;
}

}  // namespace kiosk::scan
