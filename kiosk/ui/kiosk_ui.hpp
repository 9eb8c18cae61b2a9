#pragma once
// The kiosk's screens: draws a JourneyView and returns what the person asked
// for as intents. No I/O, parsing or timing here. UI thread only.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/journey.hpp"
#include "ui/keyboard.hpp"
#include "ui/staff_screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {

/// Facts about the kiosk itself, shown around the journey's screens.
struct FrameInfo {
  std::string centre_name;
  std::string kiosk_name;
  std::string clock_text;      // "09:41"
  std::string date_text;       // "Thứ Sáu, 27/11/2026"
  std::size_t vacancy_count = 0;
  bool scanner_ready = true;
  std::string scanner_problem;  // shown on welcome when the scanner is missing
  /// The camera's live picture as a texture (main thread), or null.
  ImTextureID preview = nullptr;
  float preview_aspect = 4.0f / 3.0f;  // width / height
  /// The view's slip as a picture (main thread), for the done screen when
  /// the printer failed; null when there is none.
  ImTextureID slip_image = nullptr;
  float slip_aspect = 0.5f;  // width / height
  bool language_switch = true;  // the profile offers more than one language
  /// Without a camera picture, the welcome screen animates how to hold the
  /// card (profile ui.welcome_animation); false: a still picture.
  bool welcome_animation = true;
};

class KioskUi {
 public:
  /// `fonts.large` is drawn with while the view asks for large text.
  KioskUi(FontSets fonts, float scale) : m_fonts(fonts), m_scale(scale), m_scrolling(scale) {}
  /// One font set for both modes (tests with ImGui's default font).
  KioskUi(Fonts fonts, float scale) : KioskUi(FontSets{fonts, fonts}, scale) {}

  /// The catalogues the screens' strings are looked up in (null: the
  /// Vietnamese source strings).
  void set_translations(std::shared_ptr<const Translations> t) { m_translations = std::move(t); }

  /// Draws one frame into the current ImGui frame, in the view's palette
  /// (use_palette) and font set; returns the intents.
  std::vector<Intent> draw(const JourneyView& view, const FrameInfo& info, double anim_time);

  /// Draws staff mode (the unlock screen or the panels) over the whole
  /// window, in the normal palette and font set and in `lang`.
  std::vector<StaffIntent> draw_staff(const StaffView& view, const StaffInfo& info, Lang lang,
                                      double anim_time);

  /// Code points drawn so far that the font lacks (should stay empty).
  const GlyphAudit& audit() const { return m_audit; }
  GlyphAudit& audit() { return m_audit; }

  /// True when the current screen animates and needs continuous frames.
  static bool animating(const JourneyView& view);

  /// When the screen drawn with `info` at `anim_time` next changes by
  /// itself through a low-frame-rate animation (the welcome animation, 8
  /// pictures a second, still steps skipped), in anim_time's seconds; nullopt
  /// when nothing on it animates that way. Pure.
  static std::optional<double> next_animation_frame(const JourneyView& view, const FrameInfo& info,
                                                    double anim_time);

  /// True while a flung list coasts and needs continuous frames.
  bool scrolling() const { return m_scrolling.coasting(); }

 private:
  void draw_header(const UiContext& ctx, const FrameInfo& info, const JourneyView& view);
  void draw_footer(const UiContext& ctx, const JourneyView& view);
  void draw_idle_warning(const UiContext& ctx, int seconds_left);

  /// The header's buttons, right-aligned before `right`, centred in the row
  /// from `top` that is `row_h` tall.
  void draw_header_buttons(const UiContext& ctx, const JourneyView& view, bool language_switch,
                           float right, float top, float row_h);
  static float header_buttons_width(const UiContext& ctx, const JourneyView& view,
                                    bool language_switch);

  FontSets m_fonts;
  float m_header_h = 0.0f;  // this frame's header height (one or two rows)
  float m_scale;
  std::shared_ptr<const Translations> m_translations;
  GlyphAudit m_audit;
  TouchScrolling m_scrolling;
  SecretTaps m_secret_taps;  // the hidden gesture into staff mode
  KeyboardState m_keyboard;  // wiped when the journey is back on welcome
  int m_session_serial = 0;
  Screen m_last_screen = Screen::welcome;
};

}  // namespace kiosk::ui
