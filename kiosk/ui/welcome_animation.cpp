#include "ui/welcome_animation.hpp"

#include <algorithm>
#include <cmath>

#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {

// Sizes at 1080 px tall. The card keeps the CR80 format (85.6 × 54 mm).
constexpr float k_card_width = 300.0f;
constexpr float k_card_height = k_card_width * 54.0f / 85.6f;
constexpr float k_scanner_width = 380.0f;
constexpr float k_scanner_height = 64.0f;
constexpr float k_rest_gap = 22.0f;     // between the resting card and the scanner's glass
constexpr float k_min_height = 400.0f;  // the card's way down needs this much

// The loop, in 1/8 s steps: held up (0–1), down to the scanner (2–7),
// resting while the light sweeps the QR code (8–15), read (16–19, the tick
// stays while it lifts), lifted away (18–23).
constexpr int k_down_from = 2;
constexpr int k_rest_from = 8;
constexpr int k_scanned_from = 16;
constexpr int k_up_from = 18;
constexpr int k_tick_until = 20;

float smoothstep(float x) {
  x = std::clamp(x, 0.0f, 1.0f);
  return x * x * (3.0f - 2.0f * x);
}

long long step_of(double time) {
  return static_cast<long long>(std::floor(time * k_welcome_animation_fps));
}

WelcomePose pose_at_step(long long step) {
  const int f =
      static_cast<int>(((step % k_welcome_animation_frames) + k_welcome_animation_frames) %
                       k_welcome_animation_frames);
  WelcomePose p;
  if (f < k_rest_from) {
    p.moving = true;
    p.lift = f < k_down_from ? 1.0f
                             : 1.0f - smoothstep(static_cast<float>(f - k_down_from + 1) /
                                                 static_cast<float>(k_rest_from - k_down_from + 1));
  } else if (f < k_up_from) {
    p.lift = 0.0f;
  } else {
    p.lift = smoothstep(static_cast<float>(f - k_up_from + 1) /
                        static_cast<float>(k_welcome_animation_frames - k_up_from + 1));
  }
  if (f >= k_rest_from && f < k_scanned_from) {
    p.scan =
        static_cast<float>(f - k_rest_from) / static_cast<float>(k_scanned_from - k_rest_from - 1);
  }
  p.scanned = f >= k_scanned_from && f < k_tick_until;
  return p;
}

ImU32 with_alpha(ImU32 colour, int alpha) {
  return (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT);
}

// The back of a citizen-ID card, `width` wide at `min`: lines of text on
// the left, the QR code on the right. Drawn in units of a 430-wide card.
// Returns the QR code's box (its top-left and bottom-right corners).
std::pair<ImVec2, ImVec2> draw_card_back(ImDrawList* dl, ImVec2 min, float width) {
  const float k = width / 430.0f;
  const ImVec2 max(min.x + width, min.y + 272.0f * k);
  dl->AddRectFilled(min, max, IM_COL32(232, 240, 250, 255), 24 * k);
  dl->AddRect(min, max, IM_COL32(120, 150, 190, 255), 24 * k, 0, std::max(1.0f, 3 * k));
  for (int i = 0; i < 5; ++i) {
    const float y = min.y + (52.0f + 40.0f * static_cast<float>(i)) * k;
    dl->AddRectFilled(ImVec2(min.x + 34 * k, y),
                      ImVec2(min.x + (i % 2 == 0 ? 180.0f : 140.0f) * k, y + 14 * k),
                      IM_COL32(160, 180, 205, 255), 7 * k);
  }
  // The QR code: a fixed pattern of modules with three finder squares.
  const float m = 9 * k;
  const ImVec2 qr(max.x - 34 * k - 21 * m, min.y + 40 * k);
  dl->AddRectFilled(ImVec2(qr.x - m, qr.y - m), ImVec2(qr.x + 22 * m, qr.y + 22 * m),
                    IM_COL32_WHITE);
  const auto square = [&](float x, float y, float side, ImU32 col) {
    dl->AddRectFilled(ImVec2(x, y), ImVec2(x + side, y + side), col);
  };
  for (const auto& [fx, fy] : {std::pair{0, 0}, std::pair{14, 0}, std::pair{0, 14}}) {
    const float x = qr.x + static_cast<float>(fx) * m;
    const float y = qr.y + static_cast<float>(fy) * m;
    square(x, y, 7 * m, IM_COL32_BLACK);
    square(x + m, y + m, 5 * m, IM_COL32_WHITE);
    square(x + 2 * m, y + 2 * m, 3 * m, IM_COL32_BLACK);
  }
  for (int r = 0; r < 21; ++r) {
    for (int c = 0; c < 21; ++c) {
      const bool in_finder = (r < 8 && c < 8) || (r < 8 && c > 12) || (r > 12 && c < 8);
      if (!in_finder && ((r * 7 + c * 13 + r * c) % 5 < 2)) {
        square(qr.x + static_cast<float>(c) * m, qr.y + static_cast<float>(r) * m, m,
               IM_COL32_BLACK);
      }
    }
  }
  return {qr, ImVec2(qr.x + 21 * m, qr.y + 21 * m)};
}

// Pixels per unit of a 1080 px tall screen, shrunk so the picture fits its box.
struct Units {
  float per_px;
  float operator()(float v) const { return v * per_px; }
};

// The scanner's top face below the screen: a dark slab with its glass and a
// light that turns green while it reads.
void draw_scanner(Units px, ImDrawList* dl, ImVec2 min, ImVec2 max, bool lit) {
  dl->AddRectFilled(ImVec2(min.x + px(4), min.y + px(8)), ImVec2(max.x + px(4), max.y + px(8)),
                    IM_COL32(0, 0, 0, 40), px(16));
  dl->AddRectFilled(min, max, IM_COL32(51, 65, 85, 255), px(16));
  const ImVec2 g0(min.x + px(70), min.y + px(12));
  const ImVec2 g1(max.x - px(70), max.y - px(12));
  dl->AddRectFilled(g0, g1, lit ? colour::k_primary : IM_COL32(15, 23, 42, 255), px(8));
  dl->AddLine(ImVec2(g0.x + px(14), g0.y + px(8)), ImVec2(g0.x + px(90), g0.y + px(8)),
              IM_COL32(255, 255, 255, 60), px(3));
  dl->AddCircleFilled(ImVec2(max.x - px(34), (min.y + max.y) / 2), px(8),
                      lit ? IM_COL32(80, 220, 130, 255) : IM_COL32(100, 116, 139, 255));
}

void draw_tick_badge(Units px, ImDrawList* dl, ImVec2 c) {
  const float r = px(32);
  dl->AddCircleFilled(c, r + px(4), IM_COL32_WHITE);
  dl->AddCircleFilled(c, r, colour::k_primary);
  dl->PathLineTo(ImVec2(c.x - r * 0.45f, c.y + r * 0.02f));
  dl->PathLineTo(ImVec2(c.x - r * 0.1f, c.y + r * 0.36f));
  dl->PathLineTo(ImVec2(c.x + r * 0.5f, c.y - r * 0.34f));
  dl->PathStroke(IM_COL32_WHITE, 0, px(7));
}

}  // namespace

WelcomePose welcome_pose(double time) {
  return pose_at_step(step_of(time));
}

double welcome_animation_next_change(double time) {
  const long long step = step_of(time);
  const WelcomePose now = pose_at_step(step);
  long long next = step + 1;
  while (next < step + k_welcome_animation_frames && pose_at_step(next) == now) {
    ++next;
  }
  return static_cast<double>(next) / k_welcome_animation_fps;
}

void draw_welcome_animation(const UiContext& ctx, ImVec2 origin, ImVec2 size, double time) {
  const WelcomePose pose = welcome_pose(time);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // The whole picture shrinks when the box is smaller than it is drawn for.
  const float fit =
      std::min({1.0f, size.x / ctx.px(k_scanner_width + 16.0f), size.y / ctx.px(k_min_height)});
  const Units px{ctx.scale * fit};
  const float cx = origin.x + size.x / 2;
  const float card_w = px(k_card_width);
  const float card_h = px(k_card_height);
  const float scanner_w = px(k_scanner_width);
  const ImVec2 s0(cx - scanner_w / 2, origin.y + size.y - px(k_scanner_height));
  const ImVec2 s1(cx + scanner_w / 2, origin.y + size.y);
  const float rest_y = s0.y - px(k_rest_gap) - card_h;
  const float raised_y = origin.y + px(8);
  const ImVec2 card(cx - card_w / 2, rest_y + pose.lift * (raised_y - rest_y));
  const float card_bottom = card.y + card_h;

  draw_scanner(px, dl, s0, s1, pose.scan >= 0.0f || pose.scanned);
  if (pose.scan >= 0.0f) {
    // A soft light rising from the glass to the card.
    dl->AddRectFilledMultiColor(
        ImVec2(s0.x + px(70), card_bottom - px(6)), ImVec2(s1.x - px(70), s0.y + px(12)),
        with_alpha(colour::k_primary, 30), with_alpha(colour::k_primary, 30),
        with_alpha(colour::k_primary, 110), with_alpha(colour::k_primary, 110));
  }
  // The card's shadow falls further away the higher it is held.
  const float shadow = px(6) + pose.lift * px(14);
  dl->AddRectFilled(ImVec2(card.x + shadow, card.y + shadow),
                    ImVec2(card.x + card_w + shadow, card_bottom + shadow), IM_COL32(0, 0, 0, 36),
                    px(17));
  const auto [qr0, qr1] = draw_card_back(dl, card, card_w);
  if (pose.scan >= 0.0f) {
    // The scan line and the light trailing above it, over the QR code.
    const float y = qr0.y + pose.scan * (qr1.y - qr0.y);
    const float band = px(40);
    dl->AddRectFilledMultiColor(ImVec2(qr0.x - px(8), std::max(qr0.y, y - band)),
                                ImVec2(qr1.x + px(8), y), with_alpha(colour::k_primary, 0),
                                with_alpha(colour::k_primary, 0), with_alpha(colour::k_primary, 90),
                                with_alpha(colour::k_primary, 90));
    dl->AddLine(ImVec2(qr0.x - px(12), y), ImVec2(qr1.x + px(12), y), colour::k_primary, px(4));
  }
  if (pose.scanned) {
    draw_tick_badge(px, dl, ImVec2(card.x + card_w - px(6), card.y + px(6)));
  }
  if (pose.moving) {
    // An arrow from the card down to the glass, where there is room for it.
    const float top = card_bottom + px(16);
    const float bottom = std::min(top + px(60), s0.y - px(10));
    if (bottom - top >= px(24)) {
      const float half = px(40) * (bottom - top) / px(60);
      dl->AddTriangleFilled(ImVec2(cx - half, top), ImVec2(cx + half, top), ImVec2(cx, bottom),
                            colour::k_primary);
    }
  }
}

}  // namespace kiosk::ui
