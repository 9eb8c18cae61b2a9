#pragma once
// Colours, sizes and fonts of the kiosk: large type and large targets for
// people who rarely use computers, at arm's length from a 1920×1080 screen.

#include <string>

#include <imgui.h>
#include <tl/expected.hpp>

namespace kiosk::ui {

struct Fonts {
  ImFont* small = nullptr;    // status lines
  ImFont* body = nullptr;     // most text
  ImFont* bold = nullptr;     // labels and emphasis
  ImFont* heading = nullptr;  // card titles
  ImFont* title = nullptr;    // screen titles
  ImFont* huge = nullptr;     // the booking reference
};

namespace colour {
inline constexpr ImU32 k_background = IM_COL32(244, 246, 249, 255);
inline constexpr ImU32 k_header = IM_COL32(11, 79, 138, 255);
inline constexpr ImU32 k_header_text = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 k_card = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 k_card_border = IM_COL32(210, 217, 226, 255);
inline constexpr ImU32 k_text = IM_COL32(26, 32, 44, 255);
inline constexpr ImU32 k_muted = IM_COL32(84, 96, 112, 255);
inline constexpr ImU32 k_primary = IM_COL32(0, 122, 77, 255);
inline constexpr ImU32 k_primary_active = IM_COL32(0, 94, 59, 255);
inline constexpr ImU32 k_secondary = IM_COL32(226, 232, 240, 255);
inline constexpr ImU32 k_secondary_active = IM_COL32(203, 213, 225, 255);
inline constexpr ImU32 k_danger = IM_COL32(185, 28, 28, 255);
inline constexpr ImU32 k_chip = IM_COL32(220, 244, 231, 255);
inline constexpr ImU32 k_chip_text = IM_COL32(0, 94, 59, 255);
inline constexpr ImU32 k_notice = IM_COL32(255, 243, 205, 255);
inline constexpr ImU32 k_notice_border = IM_COL32(217, 160, 0, 255);
inline constexpr ImU32 k_disabled = IM_COL32(160, 168, 180, 255);
inline constexpr ImU32 k_overlay = IM_COL32(15, 23, 42, 170);
}  // namespace colour

/// Loads Noto Sans (regular and bold) at sizes scaled by `scale` (1.0 at
/// 1080 px tall) into the current ImGui context's atlas, with every glyph
/// Vietnamese text, general punctuation and ₫ need. Call before the first
/// frame, on the UI thread.
tl::expected<Fonts, std::string> load_fonts(const std::string& font_dir, float scale);

/// Sets the ImGui style: large paddings and rounding, touch-friendly.
void apply_style(float scale);

}  // namespace kiosk::ui
