#include "tools/corpus/card_scene.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace kiosk::corpus {
namespace {

// The back of a CCCD card, in millimetres: the code sits top right.
constexpr double k_card_w = 85.6;
constexpr double k_card_h = 54.0;
constexpr double k_code_mm = 17.0;
constexpr double k_code_x = k_card_w - 3.0 - k_code_mm;
constexpr double k_code_y = 3.0;
constexpr double k_pi = 3.14159265358979323846;

// A projective map of the plane, row-major 3x3.
struct Homography {
  std::array<double, 9> m{};

  void apply(double x, double y, double& u, double& v) const {
    const double w = m[6] * x + m[7] * y + m[8];
    u = (m[0] * x + m[1] * y + m[2]) / w;
    v = (m[3] * x + m[4] * y + m[5]) / w;
  }

  Homography inverse() const {
    const auto& a = m;
    Homography inv;
    inv.m = {a[4] * a[8] - a[5] * a[7], a[2] * a[7] - a[1] * a[8], a[1] * a[5] - a[2] * a[4],
             a[5] * a[6] - a[3] * a[8], a[0] * a[8] - a[2] * a[6], a[2] * a[3] - a[0] * a[5],
             a[3] * a[7] - a[4] * a[6], a[1] * a[6] - a[0] * a[7], a[0] * a[4] - a[1] * a[3]};
    const double det = a[0] * inv.m[0] + a[1] * inv.m[3] + a[2] * inv.m[6];
    for (double& value : inv.m) {
      value /= det;
    }
    return inv;
  }
};

// Card millimetres -> frame pixels for a pinhole camera whose focal length
// is the frame width, placed so the code's centre lands at the pose's point
// with the pose's module size.
Homography card_to_frame(int size, const CardPose& pose, int width, int height) {
  const double module_mm = k_code_mm / size;
  const double focal = width;
  const double distance = focal * module_mm / pose.module_px;
  const double rz = pose.rotation_deg * k_pi / 180.0;
  const double rx = pose.tilt_x_deg * k_pi / 180.0;
  const double ry = pose.tilt_y_deg * k_pi / 180.0;
  // Columns 1 and 2 of R = Ry * Rx * Rz (the card plane's axes in camera space).
  const double cz = std::cos(rz), sz = std::sin(rz);
  const double cx = std::cos(rx), sx = std::sin(rx);
  const double cy = std::cos(ry), sy = std::sin(ry);
  const std::array<double, 3> rz1 = {cz, sz, 0.0};
  const std::array<double, 3> rz2 = {-sz, cz, 0.0};
  auto tilt = [&](const std::array<double, 3>& p) {
    const double y1 = cx * p[1] - sx * p[2];
    const double z1 = sx * p[1] + cx * p[2];
    return std::array<double, 3>{cy * p[0] + sy * z1, y1, -sy * p[0] + cy * z1};
  };
  const auto r1 = tilt(rz1);
  const auto r2 = tilt(rz2);
  const double u0 = pose.centre_x * width;
  const double v0 = pose.centre_y * height;
  // Card point p -> camera X = r1*(x-cx) + r2*(y-cy) + (0,0,distance).
  const double ox = k_code_x + k_code_mm / 2;
  const double oy = k_code_y + k_code_mm / 2;
  Homography h;
  const std::array<double, 3> t = {-r1[0] * ox - r2[0] * oy, -r1[1] * ox - r2[1] * oy,
                                   distance - r1[2] * ox - r2[2] * oy};
  h.m = {focal * r1[0] + u0 * r1[2],
         focal * r2[0] + u0 * r2[2],
         focal * t[0] + u0 * t[2],
         focal * r1[1] + v0 * r1[2],
         focal * r2[1] + v0 * r2[2],
         focal * t[1] + v0 * t[2],
         r1[2],
         r2[2],
         t[2]};
  return h;
}

std::uint32_t hash3(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
  std::uint32_t h = a * 0x9E3779B1U ^ (b + 0x7F4A7C15U) * 0x85EBCA77U ^ c * 0xC2B2AE3DU;
  h ^= h >> 15U;
  h *= 0x2C1B3C6DU;
  h ^= h >> 12U;
  return h;
}

// How this card happens to be printed and lit before effects.
struct CardPrint {
  float paper = 220;
  float ink = 30;
  std::uint32_t seed = 0;
};

// Pseudo text: cells of 5x7 dots, some dark, with word gaps.
bool glyph_dot(double x, double y, double cell_w, double cell_h, std::uint32_t seed) {
  const auto col = static_cast<std::uint32_t>(x / cell_w);
  const auto row = static_cast<std::uint32_t>(y / cell_h);
  const std::uint32_t cell = hash3(col, row, seed);
  if (cell % 7U == 0U) {
    return false;  // a space between words
  }
  const int dx = static_cast<int>((x - col * cell_w) / cell_w * 6.0);
  const int dy = static_cast<int>((y - row * cell_h) / cell_h * 8.0);
  if (dx >= 5 || dy >= 7) {
    return false;
  }
  return (hash3(cell, static_cast<std::uint32_t>(dx), static_cast<std::uint32_t>(dy)) & 3U) == 0U;
}

// A triangle wave of period 1 between 0 and 1.
double triangle(double t) {
  const double f = t - std::floor(t);
  return 2.0 * std::min(f, 1.0 - f);
}

float fingerprint(double x, double y, double cx, double cy) {
  const double dx = (x - cx) / 6.0;
  const double dy = (y - cy) / 8.5;
  const double r = std::sqrt(dx * dx + dy * dy);
  if (r > 1.0) {
    return 0.0F;
  }
  return static_cast<float>(0.5 + 0.5 * std::sin(r * 60.0 + 2.0 * dx));
}

float card_grey(double x, double y, const QrModules& code, const CardPrint& print) {
  const double code_x = x - k_code_x;
  const double code_y = y - k_code_y;
  if (code_x >= 0 && code_y >= 0 && code_x < k_code_mm && code_y < k_code_mm) {
    const int mx = static_cast<int>(code_x / k_code_mm * code.size);
    const int my = static_cast<int>(code_y / k_code_mm * code.size);
    return code.dark[static_cast<std::size_t>(my * code.size + mx)] ? print.ink : print.paper;
  }
  const float ink_span = print.paper - print.ink;
  if (y > 3 && y < 25 && ((x > 3 && x < 21) || (x > 23 && x < 41))) {
    const double cx = x < 22 ? 12.0 : 32.0;
    return print.paper - 0.45F * ink_span * fingerprint(x, y, cx, 14.0);
  }
  if (y > 28 && y < 37 && x > 3 && x < 60 && glyph_dot(x - 3, y - 28, 1.5, 3.0, print.seed)) {
    return print.ink + 0.2F * ink_span;
  }
  if (y > 40 && y < 52 && x > 4 && x < 82 && glyph_dot(x - 4, y - 40, 2.6, 4.0, print.seed + 1)) {
    return print.ink;
  }
  // A faint guilloche (triangle waves) over the rest of the card.
  const double phase = x * 0.45 + 1.5 * triangle(y * 0.1);
  return print.paper - static_cast<float>(0.06 * ink_span * triangle(phase));
}

// The scene behind the card: a lit desk with a few darker objects.
struct Backdrop {
  float near_grey = 120;
  float far_grey = 60;
  double dir_x = 1;
  double dir_y = 0;
  double span = 1;
  std::array<std::array<double, 5>, 4> boxes{};  // x0, y0, x1, y1, grey

  float at(double u, double v) const {
    for (const auto& box : boxes) {
      if (u >= box[0] && u < box[2] && v >= box[1] && v < box[3]) {
        return static_cast<float>(box[4]);
      }
    }
    const double t = std::clamp((u * dir_x + v * dir_y) / span, 0.0, 1.0);
    return static_cast<float>(near_grey + (far_grey - near_grey) * t);
  }
};

Backdrop make_backdrop(int width, int height, CorpusRandom& random) {
  Backdrop b;
  b.near_grey = static_cast<float>(random.uniform(60, 170));
  b.far_grey = static_cast<float>(random.uniform(30, 140));
  const double angle = random.uniform(0, 2 * k_pi);
  b.dir_x = std::cos(angle);
  b.dir_y = std::sin(angle);
  b.span = std::hypot(width, height);
  for (auto& box : b.boxes) {
    const double x0 = random.uniform(-0.2, 1.0) * width;
    const double y0 = random.uniform(-0.2, 1.0) * height;
    box = {x0, y0, x0 + random.uniform(0.05, 0.4) * width, y0 + random.uniform(0.05, 0.3) * height,
           random.uniform(10, 200)};
  }
  return b;
}

}  // namespace

bool code_fits(int size, const CardPose& pose, int width, int height, double margin_px) {
  const Homography h = card_to_frame(size, pose, width, height);
  constexpr std::array<std::array<double, 2>, 4> k_corners = {
      {{0, 0}, {k_code_mm, 0}, {k_code_mm, k_code_mm}, {0, k_code_mm}}};
  for (const auto& corner : k_corners) {
    double u = 0;
    double v = 0;
    h.apply(k_code_x + corner[0], k_code_y + corner[1], u, v);
    if (u < margin_px || v < margin_px || u > width - margin_px || v > height - margin_px) {
      return false;
    }
  }
  return true;
}

FloatFrame render_card_scene(const QrModules& code, const CardPose& pose, int width, int height,
                             CorpusRandom& random, CodeCorners& corners) {
  const Homography to_frame = card_to_frame(code.size, pose, width, height);
  const Homography to_card = to_frame.inverse();
  CardPrint print;
  print.paper = static_cast<float>(random.uniform(200, 240));
  print.ink = static_cast<float>(random.uniform(15, 45));
  print.seed = static_cast<std::uint32_t>(random.next());
  const Backdrop backdrop = make_backdrop(width, height, random);

  // The card's bounding box in the frame; only there is supersampling needed.
  double min_u = width, min_v = height, max_u = 0, max_v = 0;
  constexpr std::array<std::array<double, 2>, 4> k_card = {
      {{0, 0}, {k_card_w, 0}, {k_card_w, k_card_h}, {0, k_card_h}}};
  for (const auto& c : k_card) {
    double u = 0, v = 0;
    to_frame.apply(c[0], c[1], u, v);
    min_u = std::min(min_u, u), max_u = std::max(max_u, u);
    min_v = std::min(min_v, v), max_v = std::max(max_v, v);
  }
  for (int i = 0; i < 4; ++i) {
    const double cx = i == 1 || i == 2 ? k_code_mm : 0.0;
    const double cy = i >= 2 ? k_code_mm : 0.0;
    to_frame.apply(k_code_x + cx, k_code_y + cy, corners.x[i], corners.y[i]);
  }
  const int ss = 2;  // the blur that follows hides finer aliasing
  FloatFrame frame{width, height, std::vector<float>(static_cast<std::size_t>(width) * height)};
  for (int y = 0; y < height; ++y) {
    const bool row_in_card = y + 1 >= min_v && y <= max_v;
    for (int x = 0; x < width; ++x) {
      if (!row_in_card || x + 1 < min_u || x > max_u) {
        frame.at(x, y) = backdrop.at(x + 0.5, y + 0.5);
        continue;
      }
      float sum = 0;
      for (int sy = 0; sy < ss; ++sy) {
        for (int sx = 0; sx < ss; ++sx) {
          const double u = x + (sx + 0.5) / ss;
          const double v = y + (sy + 0.5) / ss;
          double cx = 0, cy = 0;
          to_card.apply(u, v, cx, cy);
          const bool on_card = cx >= 0 && cy >= 0 && cx < k_card_w && cy < k_card_h;
          sum += on_card ? card_grey(cx, cy, code, print) : backdrop.at(u, v);
        }
      }
      frame.at(x, y) = sum / static_cast<float>(ss * ss);
    }
  }
  return frame;
}

}  // namespace kiosk::corpus
