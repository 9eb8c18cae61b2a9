#pragma once
// Colours, sizes and fonts of the kiosk: large type and large targets for
// people who rarely use computers, at arm's length from a 1920×1080 screen.
// Two palettes (normal, high contrast) and two font sets (normal, large)
// that the person switches between from the header of every screen.

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

/// The same six fonts at the normal sizes and at k_large_text_factor times
/// them, in one atlas: large-text mode swaps sets, never rebuilds the atlas.
struct FontSets {
  Fonts normal;
  Fonts large;
};

/// How much larger the large-text set is than the normal one.
inline constexpr float k_large_text_factor = 1.3f;

/// Every colour the screens draw with. Text colours are chosen against the
/// backgrounds they are drawn on (tests/ui/theme_test.cpp lists the pairs):
/// at least 4.5:1 (WCAG AA) in the normal palette, 7:1 (AAA) in high contrast.
struct Palette {
  ImU32 background;            // behind everything
  ImU32 header;                // the header bar; also accent text and focus rings
  ImU32 header_text;           // on header and on primary: white
  ImU32 header_subtle;         // secondary text on the header (kiosk name, date)
  ImU32 header_button;         // a header button's face
  ImU32 header_button_held;    // … while pressed
  ImU32 header_button_border;  // … its outline
  ImU32 card;                  // panels, cards, footer, light button faces
  ImU32 card_border;           // their outline
  ImU32 text;                  // most text
  ImU32 muted;                 // secondary text
  ImU32 primary;               // the main action; also success text
  ImU32 primary_active;        // … while pressed
  ImU32 secondary;             // quiet buttons, held cards, keyboard panel
  ImU32 secondary_active;      // … while pressed; function keys
  ImU32 danger;                // "end session": text and outline
  ImU32 chip;                  // reason pills, success banner
  ImU32 chip_text;             // on chip
  ImU32 notice;                // a message box's face
  ImU32 notice_border;         // its coloured edge (high contrast: its outline)
  ImU32 disabled;              // text of inactive controls, chevrons, scroll thumb
  ImU32 placeholder;           // the search box's hint when empty
  ImU32 overlay;               // dims the screen under the idle dialog
  ImU32 caption;               // behind a caption drawn over the camera picture
  ImU32 caption_text;          // on caption
  ImU32 button_border;         // outline of every button (when button_border_px > 0)
  float border_px;             // card and panel outlines, at 1080 px tall
  float button_border_px;      // 0: buttons have no outline (danger has its own)
  float notice_border_px;      // 0: a notice has only its coloured left edge, banners none
};

/// The everyday palette: blue header, white cards on light grey, green actions.
constexpr Palette normal_palette() {
  return Palette{
      .background = IM_COL32(244, 246, 249, 255),
      .header = IM_COL32(11, 79, 138, 255),
      .header_text = IM_COL32(255, 255, 255, 255),
      .header_subtle = IM_COL32(200, 220, 240, 255),
      .header_button = IM_COL32(45, 104, 155, 255),
      .header_button_held = IM_COL32(6, 52, 94, 255),
      .header_button_border = IM_COL32(145, 176, 202, 255),
      .card = IM_COL32(255, 255, 255, 255),
      .card_border = IM_COL32(210, 217, 226, 255),
      .text = IM_COL32(26, 32, 44, 255),
      .muted = IM_COL32(84, 96, 112, 255),
      .primary = IM_COL32(0, 112, 70, 255),
      .primary_active = IM_COL32(0, 90, 56, 255),
      .secondary = IM_COL32(226, 232, 240, 255),
      .secondary_active = IM_COL32(203, 213, 225, 255),
      .danger = IM_COL32(170, 24, 24, 255),
      .chip = IM_COL32(220, 244, 231, 255),
      .chip_text = IM_COL32(0, 90, 56, 255),
      .notice = IM_COL32(255, 243, 205, 255),
      .notice_border = IM_COL32(217, 160, 0, 255),
      .disabled = IM_COL32(96, 104, 116, 255),
      .placeholder = IM_COL32(96, 104, 116, 255),
      .overlay = IM_COL32(15, 23, 42, 170),
      .caption = IM_COL32(0, 0, 0, 160),
      .caption_text = IM_COL32(255, 255, 255, 255),
      .button_border = IM_COL32(26, 32, 44, 255),
      .border_px = 2.0f,
      .button_border_px = 0.0f,
      .notice_border_px = 0.0f,
  };
}

/// Black on white, white on a dark blue header, dark green actions with
/// white text, 3 px dark outlines on cards, buttons and notices.
constexpr Palette high_contrast_palette() {
  return Palette{
      .background = IM_COL32(255, 255, 255, 255),
      .header = IM_COL32(0, 40, 100, 255),
      .header_text = IM_COL32(255, 255, 255, 255),
      .header_subtle = IM_COL32(255, 255, 255, 255),
      .header_button = IM_COL32(0, 40, 100, 255),
      .header_button_held = IM_COL32(0, 0, 0, 255),
      .header_button_border = IM_COL32(255, 255, 255, 255),
      .card = IM_COL32(255, 255, 255, 255),
      .card_border = IM_COL32(0, 0, 0, 255),
      .text = IM_COL32(0, 0, 0, 255),
      .muted = IM_COL32(40, 40, 40, 255),
      .primary = IM_COL32(0, 85, 45, 255),
      .primary_active = IM_COL32(0, 55, 28, 255),
      .secondary = IM_COL32(235, 235, 235, 255),
      .secondary_active = IM_COL32(212, 212, 212, 255),
      .danger = IM_COL32(125, 0, 0, 255),
      .chip = IM_COL32(225, 245, 230, 255),
      .chip_text = IM_COL32(0, 70, 35, 255),
      .notice = IM_COL32(255, 248, 210, 255),
      .notice_border = IM_COL32(0, 0, 0, 255),
      .disabled = IM_COL32(70, 70, 70, 255),
      .placeholder = IM_COL32(70, 70, 70, 255),
      .overlay = IM_COL32(0, 0, 0, 215),
      .caption = IM_COL32(0, 0, 0, 255),
      .caption_text = IM_COL32(255, 255, 255, 255),
      .button_border = IM_COL32(0, 0, 0, 255),
      .border_px = 3.0f,
      .button_border_px = 3.0f,
      .notice_border_px = 4.0f,
  };
}

namespace detail {
/// The palette of the frame being drawn. A global on purpose: ImGui itself
/// is one global context used from the UI thread only, and this is the same
/// kind of per-frame drawing state as ImGui::GetStyle(). KioskUi::draw sets
/// it from the view at the start of every frame, so nothing carries over
/// between frames; handing it down through UiContext instead would change
/// every colour expression in every screen. UI thread only.
inline Palette g_palette = normal_palette();
}  // namespace detail

/// Selects the palette the following drawing uses and points ImGui's style
/// colours (window background, scrollbars, text) at it. UI thread only,
/// between or at the start of frames.
void use_palette(const Palette& p);

/// The active palette's colours under the names the screens use. They are
/// read-only views of detail::g_palette and change with use_palette().
namespace colour {
inline const ImU32& k_background = detail::g_palette.background;
inline const ImU32& k_header = detail::g_palette.header;
inline const ImU32& k_header_text = detail::g_palette.header_text;
inline const ImU32& k_header_subtle = detail::g_palette.header_subtle;
inline const ImU32& k_header_button = detail::g_palette.header_button;
inline const ImU32& k_header_button_held = detail::g_palette.header_button_held;
inline const ImU32& k_header_button_border = detail::g_palette.header_button_border;
inline const ImU32& k_card = detail::g_palette.card;
inline const ImU32& k_card_border = detail::g_palette.card_border;
inline const ImU32& k_text = detail::g_palette.text;
inline const ImU32& k_muted = detail::g_palette.muted;
inline const ImU32& k_primary = detail::g_palette.primary;
inline const ImU32& k_primary_active = detail::g_palette.primary_active;
inline const ImU32& k_secondary = detail::g_palette.secondary;
inline const ImU32& k_secondary_active = detail::g_palette.secondary_active;
inline const ImU32& k_danger = detail::g_palette.danger;
inline const ImU32& k_chip = detail::g_palette.chip;
inline const ImU32& k_chip_text = detail::g_palette.chip_text;
inline const ImU32& k_notice = detail::g_palette.notice;
inline const ImU32& k_notice_border = detail::g_palette.notice_border;
inline const ImU32& k_disabled = detail::g_palette.disabled;
inline const ImU32& k_placeholder = detail::g_palette.placeholder;
inline const ImU32& k_overlay = detail::g_palette.overlay;
inline const ImU32& k_caption = detail::g_palette.caption;
inline const ImU32& k_caption_text = detail::g_palette.caption_text;
inline const ImU32& k_button_border = detail::g_palette.button_border;
/// Outline widths of the active palette, in unscaled pixels (pass to px()).
inline const float& k_border_px = detail::g_palette.border_px;
inline const float& k_button_border_px = detail::g_palette.button_border_px;
inline const float& k_notice_border_px = detail::g_palette.notice_border_px;
}  // namespace colour

/// Loads Noto Sans (regular and bold) at sizes scaled by `scale` (1.0 at
/// 1080 px tall), once at the normal sizes and once k_large_text_factor
/// larger, into the current ImGui context's atlas, with every glyph
/// Vietnamese text, general punctuation and ₫ need. Fails when a font file
/// is missing or the atlas cannot be built. Call before the first frame, on
/// the UI thread.
tl::expected<FontSets, std::string> load_fonts(const std::string& font_dir, float scale);

/// Sets the ImGui style: large paddings and rounding, touch-friendly; the
/// colours of the normal palette (use_palette() changes them).
void apply_style(float scale);

}  // namespace kiosk::ui
