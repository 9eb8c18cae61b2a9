#pragma once
// Touch-sized widgets drawn with ImGui. All text goes through these helpers,
// so the glyph audit sees every string the kiosk shows. UI thread only.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/journey.hpp"
#include "ui/theme.hpp"
#include "ui/touch_scroll.hpp"

namespace kiosk::ui {

/// Records code points that the font would draw as its fallback glyph.
class GlyphAudit {
 public:
  void check(const ImFont* font, std::string_view text);
  const std::set<unsigned>& missing() const { return m_missing; }

  /// While on, every string drawn is also kept (tests: what a frame shows).
  void record_text(bool on) { m_recording = on; }
  const std::vector<std::string>& recorded() const { return m_recorded; }
  /// The font each recorded string was drawn in (same order as recorded()).
  const std::vector<const ImFont*>& recorded_fonts() const { return m_recorded_fonts; }
  void clear_recorded() {
    m_recorded.clear();
    m_recorded_fonts.clear();
    m_targets.clear();
  }

  /// A tappable item drawn while recording: its ImGui id label ("##pin-5")
  /// and screen rectangle, so a test can tap it as a finger would.
  struct Target {
    std::string id;
    ImVec2 min;
    ImVec2 max;
  };
  void record_target(std::string_view id, ImVec2 pos, ImVec2 size) {
    if (m_recording) {
      m_targets.push_back(Target{std::string(id), pos, ImVec2(pos.x + size.x, pos.y + size.y)});
    }
  }
  const std::vector<Target>& targets() const { return m_targets; }

 private:
  std::set<unsigned> m_missing;
  bool m_recording = false;
  std::vector<std::string> m_recorded;
  std::vector<const ImFont*> m_recorded_fonts;
  std::vector<Target> m_targets;
};

class KeyboardState;

/// What every screen gets for one frame.
struct UiContext {
  const Fonts& fonts;
  float scale = 1.0f;
  double anim_time = 0.0;  // seconds, for animations only (never for timeouts)
  GlyphAudit* audit = nullptr;
  std::vector<Intent>* intents = nullptr;
  /// The lists' touch scrollers; null draws lists without inertia.
  TouchScrolling* scrolling = nullptr;
  /// The session's language (see core/i18n.hpp for how strings are marked).
  Tr t;
  /// The on-screen keyboard's mode and Telex syllable (ui/keyboard.hpp);
  /// null: letters typed as they are, no mode keys.
  KeyboardState* keyboard = nullptr;

  float px(float v) const { return v * scale; }
  void emit(Intent i) const { intents->push_back(std::move(i)); }

  std::string_view tr(std::string_view msgid) const { return t.tr(msgid); }
  template <class... A>
  std::string trf(std::string_view msgid, const A&... args) const {
    return t.trf(msgid, args...);
  }
  std::string trn(std::string_view msgid, std::string_view plural, long long n) const {
    return t.trn(msgid, plural, n);
  }
};

enum class ButtonKind { primary, secondary, danger_outline };

/// Begins the window a whole screen is drawn in: the full viewport, no
/// decoration, no scrolling of its own, no background (the app clears in
/// the palette's colour). End it with ImGui::End().
void begin_screen_window(const char* name);

/// Text at the cursor, wrapped at `wrap_width` (0 = to the window's edge).
void text(const UiContext& ctx, ImFont* font, ImU32 colour, std::string_view s,
          float wrap_width = 0.0f);

/// Text drawn centred horizontally in the current window.
void text_centered(const UiContext& ctx, ImFont* font, ImU32 colour, std::string_view s);

/// A large button; true when tapped (not when the finger was dragging).
/// `back_arrow` draws a left-pointing arrow before the label.
bool button(const UiContext& ctx, const char* id, std::string_view label, ImVec2 size,
            ButtonKind kind = ButtonKind::primary, bool enabled = true, bool back_arrow = false);

/// A rounded white panel sized to what is drawn between begin_panel() and
/// end_panel() (the content is indented by `padding`).
void begin_panel(const UiContext& ctx, float padding);
void end_panel(const UiContext& ctx, float padding);

/// A full-width banner with a turning arc: the kiosk is busy reading.
void progress_banner(const UiContext& ctx, std::string_view s);

/// A small green pill with a reason ("Gần nhà bạn"); stays on the same line.
void chip(const UiContext& ctx, std::string_view s);

/// A pill that can be on or off (a filter value, an occupation), at least
/// 72 px tall; true when tapped. Stays on the line: call SameLine() between
/// chips, or use chip_row() to wrap them.
bool toggle_chip(const UiContext& ctx, const char* id, std::string_view label, bool on);

/// Width toggle_chip() takes for `label`.
float toggle_chip_width(const UiContext& ctx, std::string_view label);

/// Before each chip of a wrapping row: moves to the next line when a chip
/// `width` wide no longer fits. `first` starts the row.
void chip_row_place(const UiContext& ctx, float width, bool first);

/// The search field as a big tappable box: `text`, or `placeholder` in grey
/// when empty, with a drawn magnifier, when `focused` a caret, and
/// `trailing` (a result count) at the right end. True when tapped (to open
/// the keyboard).
bool search_box(const UiContext& ctx, const char* id, const std::string& text,
                std::string_view placeholder, bool focused, ImVec2 size,
                std::string_view trailing = {}, bool magnifier = true);

/// An amber box with a message for the person.
void notice(const UiContext& ctx, std::string_view s);

/// Height notice() takes for `s` in a column `width` wide.
float notice_height(const UiContext& ctx, std::string_view s, float width);

/// A green box with a drawn check mark: something went right.
void success_banner(const UiContext& ctx, std::string_view s);

/// A turning arc, centred at the cursor's line.
void spinner(const UiContext& ctx, float radius);

/// At the top of a scrolling child window: a finger drags its content up
/// and down and a fling coasts on (ctx.scrolling's TouchScroller for this
/// window, timed by ctx.anim_time). Once the touch is a drag, or caught a
/// coasting list, it takes ImGui's active id, so no item in the list is
/// pressed or tapped by it. Without ctx.scrolling, drags without inertia.
void drag_to_scroll(const UiContext& ctx);

/// Inside a scrolling child, before EndChild(): a slim bar on its right
/// edge showing where in the list the person is (nothing when it all fits).
void scroll_position(const UiContext& ctx);

/// The part of a screen above its action buttons: a child window `id` that
/// fills the height left but `actions_height`, and scrolls by dragging (with
/// its position shown) when large text makes it taller, so the buttons
/// drawn after end_details() stay on screen. Starts at the top whenever it
/// appears again.
void begin_details(const UiContext& ctx, const char* id, float actions_height);
void end_details(const UiContext& ctx);

/// True when the last mouse press moved far enough to be a drag, not a tap.
bool was_drag();

/// `s` cut at a character boundary and ended with "…" so that it fits on
/// one line `width` wide in `font`; `s` itself when it fits.
std::string fit_line(const ImFont* font, std::string_view s, float width);

/// Height of `s` in `font` wrapped at `width`.
float text_height(const ImFont* font, std::string_view s, float width);

/// Draws text at an absolute position (for custom cards).
void draw_text(const UiContext& ctx, ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 colour,
               std::string_view s, float wrap_width = 0.0f);

}  // namespace kiosk::ui
