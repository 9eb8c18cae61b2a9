#include "ui/keyboard.hpp"

#include <algorithm>
#include <cfloat>
#include <string_view>

#include <imgui.h>

#include "core/text.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {
namespace {

constexpr std::string_view k_rows[] = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
// Where each row's first key sits, in key widths from the left edge: the
// staggered rows of a QWERTY keyboard.
constexpr float k_row_start[] = {0.0f, 0.0f, 0.5f, 1.5f};
constexpr float k_columns = 10.0f;
constexpr int k_row_count = 5;

// Sizes at 1080 px tall.
constexpr float k_key_height = 76.0f;
constexpr float k_key_max_width = 124.0f;
constexpr float k_gap = 10.0f;
constexpr float k_tray_padding = 16.0f;

enum class KeyStyle { letter, function, done, selected };

// Removes the last code point: its continuation bytes (10xxxxxx) and the
// byte that leads them. A stray continuation byte with no lead within a
// code point's length goes alone.
void erase_last_code_point(std::string& text) {
  std::size_t start = text.size() - 1;
  const std::size_t floor = text.size() >= 4 ? text.size() - 4 : 0;
  while (start > floor && (static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U) {
    --start;
  }
  if ((static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U) {
    start = text.size() - 1;
  }
  text.erase(start);
}

struct Layout {
  ImVec2 origin;  // top-left corner of the first row's first key
  float unit = 0.0f;
  float gap = 0.0f;
  float height = 0.0f;

  ImVec2 at(float column, int row) const {
    return ImVec2(origin.x + column * (unit + gap),
                  origin.y + static_cast<float>(row) * (height + gap));
  }
  ImVec2 size(float columns) const { return ImVec2(columns * (unit + gap) - gap, height); }
};

Layout make_layout(const UiContext& ctx, ImVec2 top_left, float width) {
  Layout l;
  l.gap = ctx.px(k_gap);
  l.height = ctx.px(k_key_height);
  const float inner = width - 2 * ctx.px(k_tray_padding);
  l.unit = std::min(ctx.px(k_key_max_width), (inner - (k_columns - 1) * l.gap) / k_columns);
  const float rows_width = k_columns * (l.unit + l.gap) - l.gap;
  l.origin = ImVec2(top_left.x + (width - rows_width) / 2, top_left.y + ctx.px(k_tray_padding));
  return l;
}

void draw_backspace_arrow(const UiContext& ctx, ImDrawList* dl, ImVec2 tip, ImU32 colour) {
  // The font has no ⌫ glyph, so the arrow is drawn.
  const float s = ctx.px(12);
  dl->AddLine(ImVec2(tip.x + s * 0.8f, tip.y), ImVec2(tip.x + 2.4f * s, tip.y), colour, ctx.px(4));
  dl->AddTriangleFilled(tip, ImVec2(tip.x + s, tip.y - s), ImVec2(tip.x + s, tip.y + s), colour);
}

float text_width(const ImFont* font, std::string_view s) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
}

// A label centred on a key cap at `cap`, `size`: in bold when it fits, else
// in the small font, else on two lines split at the last space that fits.
// Keys that belong together pass the longest of their labels as `fit_as`,
// so they all get the same font. Returns where the text ends below.
float draw_fitted_label(const UiContext& ctx, ImDrawList* dl, std::string_view label, ImVec2 cap,
                        ImVec2 size, ImU32 ink, std::string_view fit_as) {
  const float room = size.x - ctx.px(20);
  const auto centred = [&](ImFont* font, std::string_view line, float y) {
    draw_text(ctx, dl, font, ImVec2(cap.x + (size.x - text_width(font, line)) / 2, y), ink, line);
  };
  for (ImFont* font : {ctx.fonts.bold, ctx.fonts.small}) {
    if (std::max(text_width(font, label), text_width(font, fit_as)) <= room) {
      const float y = cap.y + (size.y - font->FontSize) / 2;
      centred(font, label, y);
      return y + font->FontSize;
    }
  }
  ImFont* font = ctx.fonts.small;
  std::size_t split = label.rfind(' ');
  while (split != std::string_view::npos && split > 0 &&
         text_width(font, label.substr(0, split)) > room) {
    split = label.rfind(' ', split - 1);
  }
  if (split == std::string_view::npos || split == 0) {
    const float y = cap.y + (size.y - font->FontSize) / 2;
    centred(font, label, y);  // one word: as it is
    return y + font->FontSize;
  }
  const float line = font->FontSize;
  const float top = cap.y + (size.y - 2 * line) / 2;
  centred(font, label.substr(0, split), top);
  centred(font, label.substr(split + 1), top + line);
  return top + 2 * line;
}

// One key; true when a finger was lifted on it after a tap (not a drag).
bool draw_key(const UiContext& ctx, int id, std::string_view label, ImVec2 pos, ImVec2 size,
              KeyStyle style, bool backspace = false, std::string_view fit_as = {}) {
  ImGui::SetCursorScreenPos(pos);
  ImGui::PushID(id);
  const bool tapped = ImGui::InvisibleButton("key", size) && !was_drag();
  // Sliding off a held key releases it without typing, so it stops looking pressed.
  const bool held = ImGui::IsItemActive() && ImGui::IsItemHovered();
  ImGui::PopID();
  ImU32 fill = style == KeyStyle::letter ? colour::k_card : colour::k_secondary_active;
  ImU32 ink = colour::k_text;
  if (style == KeyStyle::done) {
    fill = colour::k_primary;
    ink = colour::k_header_text;
  } else if (style == KeyStyle::selected) {
    fill = colour::k_header;
    ink = colour::k_header_text;
  }
  if (held) {
    fill = style == KeyStyle::done ? colour::k_primary_active : colour::k_header;
    ink = colour::k_header_text;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rounding = ctx.px(12);
  const float lift = ctx.px(4);
  // A key cap stands on its shadow and sinks onto it while held.
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  dl->AddRectFilled(ImVec2(pos.x, pos.y + lift), ImVec2(max.x, max.y + lift), colour::k_card_border,
                    rounding);
  const ImVec2 cap(pos.x, held ? pos.y + lift : pos.y);
  dl->AddRectFilled(cap, ImVec2(max.x, cap.y + size.y), fill, rounding);
  if (style == KeyStyle::selected || (style == KeyStyle::function && !backspace)) {
    const float text_bottom = draw_fitted_label(ctx, dl, label, cap, size, ink, fit_as);
    const float bar_top = cap.y + size.y - ctx.px(9);
    if (style == KeyStyle::selected && text_bottom + ctx.px(2) <= bar_top) {
      // The mode in use: a bar under the label besides the fill.
      dl->AddRectFilled(ImVec2(cap.x + ctx.px(24), bar_top),
                        ImVec2(cap.x + size.x - ctx.px(24), cap.y + size.y - ctx.px(5)), ink,
                        ctx.px(2));
    }
    return tapped;
  }
  // Letters in the heading font; "Xóa" and "Xong" in bold, or in the small
  // font where the key is narrow (large text on a narrow screen), and
  // backspace keeps at least its arrow.
  const float arrow = backspace ? ctx.px(40) : 0.0f;
  const float room = size.x - ctx.px(20) - arrow;
  ImFont* font = style == KeyStyle::letter ? ctx.fonts.heading : ctx.fonts.bold;
  if (style != KeyStyle::letter && text_width(font, label) > room) {
    font = ctx.fonts.small;
  }
  const bool show_label = !backspace || text_width(font, label) <= room;
  const float text_w = show_label ? text_width(font, label) : 0.0f;
  const float x = cap.x + (size.x - text_w - arrow) / 2 + arrow;
  if (backspace) {
    draw_backspace_arrow(ctx, dl, ImVec2(x - arrow, cap.y + size.y / 2), ink);
  }
  if (show_label) {
    draw_text(ctx, dl, font, ImVec2(x, cap.y + (size.y - font->FontSize) / 2), ink, label);
  }
  return tapped;
}

}  // namespace

KeyboardResult apply_key(std::string& text, Key key, std::size_t max_bytes) {
  switch (key.kind) {
    case Key::Kind::character:
      if (key.character == '\0' || text.size() + 1 > max_bytes) {
        return KeyboardResult::none;
      }
      text.push_back(key.character);
      return KeyboardResult::edited;
    case Key::Kind::space:
      if (text.empty() || text.back() == ' ' || text.size() + 1 > max_bytes) {
        return KeyboardResult::none;
      }
      text.push_back(' ');
      return KeyboardResult::edited;
    case Key::Kind::backspace:
      if (text.empty()) {
        return KeyboardResult::none;
      }
      erase_last_code_point(text);
      return KeyboardResult::edited;
    case Key::Kind::close:
      return KeyboardResult::closed;
    case Key::Kind::mode:
      return KeyboardResult::none;
  }
  return KeyboardResult::none;
}

KeyboardResult KeyboardState::apply(std::string& text, Key key, std::size_t max_bytes) {
  if (text.size() != m_base.size() + m_composer.text().size() ||
      text.compare(0, m_base.size(), m_base) != 0 ||
      text.compare(m_base.size(), std::string::npos, m_composer.text()) != 0) {
    // Another field, or the text changed elsewhere: go on after it.
    const TelexMode mode = m_composer.mode();
    m_base = text;
    m_composer.clear();
    m_composer.set_mode(mode);
  }
  switch (key.kind) {
    case Key::Kind::close:
      return KeyboardResult::closed;
    case Key::Kind::mode:
      if (key.mode != m_composer.mode()) {
        m_composer.set_mode(key.mode);
      }
      return KeyboardResult::none;
    case Key::Kind::backspace:
      if (m_composer.text().empty()) {
        const KeyboardResult r = apply_key(m_base, key, max_bytes);
        text = m_base;
        return r;
      }
      m_composer.backspace();
      break;
    case Key::Kind::space:
    case Key::Kind::character: {
      const char c = key.kind == Key::Kind::space ? ' ' : key.character;
      if (c == '\0' || (c == ' ' && (text.empty() || text.back() == ' '))) {
        return KeyboardResult::none;
      }
      TelexComposer next = m_composer;
      next.key(c);
      if (m_base.size() + next.text().size() > max_bytes) {
        next.clear();
        return KeyboardResult::none;
      }
      std::swap(m_composer, next);
      next.clear();  // wipes the copy of the text before this key
      break;
    }
  }
  const std::string before = std::exchange(text, m_base + m_composer.text());
  return before == text ? KeyboardResult::none : KeyboardResult::edited;
}

void KeyboardState::reset() {
  secure_wipe(m_base);
  m_composer.clear();
  m_composer.set_mode(TelexMode::telex);
}

float keyboard_height(const UiContext& ctx) {
  return 2 * ctx.px(k_tray_padding) + k_row_count * ctx.px(k_key_height) +
         (k_row_count - 1) * ctx.px(k_gap) + ctx.px(4);  // the last row's shadow
}

KeyboardResult keyboard(const UiContext& ctx, std::string& text, std::size_t max_bytes) {
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = keyboard_height(ctx);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(top, ImVec2(top.x + width, top.y + height),
                                            colour::k_secondary);
  const Layout l = make_layout(ctx, top, width);
  KeyboardResult result = KeyboardResult::none;
  KeyboardState* state = ctx.keyboard;
  const auto press = [&](Key key) {
    result =
        state != nullptr ? state->apply(text, key, max_bytes) : apply_key(text, key, max_bytes);
  };
  int id = 0;
  for (int row = 0; row < 4; ++row) {
    const std::string_view keys = k_rows[row];
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const float column = k_row_start[row] + static_cast<float>(i);
      if (draw_key(ctx, id++, keys.substr(i, 1), l.at(column, row), l.size(1), KeyStyle::letter)) {
        press(Key{Key::Kind::character, keys[i]});
      }
    }
  }
  // Backspace ends the last letter row; the mode keys, space and "Xong" sit below.
  if (draw_key(ctx, id++, ctx.tr("Xóa"), l.at(8.5f, 3), l.size(1.5f), KeyStyle::function, true)) {
    press(Key{Key::Kind::backspace});
  }
  float space_from = 1.5f;
  if (state != nullptr) {
    const struct {
      TelexMode mode;
      std::string_view label;
    } modes[] = {{TelexMode::telex, ctx.tr("Có dấu (Telex)")},
                 {TelexMode::plain, ctx.tr("Không dấu")}};
    for (int i = 0; i < 2; ++i) {
      const KeyStyle style =
          state->mode() == modes[i].mode ? KeyStyle::selected : KeyStyle::function;
      // Each is fitted as if it had the other's label too: one font for both.
      if (draw_key(ctx, id++, modes[i].label, l.at(2.0f * static_cast<float>(i), 4), l.size(2.0f),
                   style, false, modes[1 - i].label)) {
        press(Key{Key::Kind::mode, 0, modes[i].mode});
      }
    }
    space_from = 4.0f;
  }
  if (draw_key(ctx, id++, ctx.tr("Dấu cách"), l.at(space_from, 4), l.size(8.5f - space_from),
               KeyStyle::letter)) {
    press(Key{Key::Kind::space});
  }
  if (draw_key(ctx, id++, ctx.tr("Xong"), l.at(8.5f, 4), l.size(1.5f), KeyStyle::done)) {
    press(Key{Key::Kind::close});
  }
  ImGui::SetCursorScreenPos(top);
  ImGui::Dummy(ImVec2(width, height));
  return result;
}

float keypad_height(const UiContext& ctx) {
  return 2 * ctx.px(k_tray_padding) + 4 * ctx.px(k_key_height) + 3 * ctx.px(k_gap) + ctx.px(4);
}

KeyboardResult numeric_keypad(const UiContext& ctx, std::string& digits, std::size_t max_digits,
                              float width) {
  const float height = keypad_height(ctx);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(top, ImVec2(top.x + width, top.y + height),
                                            colour::k_secondary, ctx.px(12));
  const float pad = ctx.px(k_tray_padding);
  const float gap = ctx.px(k_gap);
  const ImVec2 key((width - 2 * pad - 2 * gap) / 3, ctx.px(k_key_height));
  const auto at = [&](int column, int row) {
    return ImVec2(top.x + pad + static_cast<float>(column) * (key.x + gap),
                  top.y + pad + static_cast<float>(row) * (key.y + gap));
  };
  KeyboardResult result = KeyboardResult::none;
  const auto press = [&](Key k) { result = apply_key(digits, k, max_digits); };
  for (int n = 1; n <= 9; ++n) {
    const char c = static_cast<char>('0' + n);
    if (draw_key(ctx, n, std::string_view(&c, 1), at((n - 1) % 3, (n - 1) / 3), key,
                 KeyStyle::letter)) {
      press(Key{Key::Kind::character, c});
    }
  }
  if (draw_key(ctx, 10, ctx.tr("Xóa"), at(0, 3), key, KeyStyle::function, true)) {
    press(Key{Key::Kind::backspace});
  }
  if (draw_key(ctx, 11, "0", at(1, 3), key, KeyStyle::letter)) {
    press(Key{Key::Kind::character, '0'});
  }
  if (draw_key(ctx, 12, ctx.tr("Xong"), at(2, 3), key, KeyStyle::done)) {
    press(Key{Key::Kind::close});
  }
  ImGui::SetCursorScreenPos(top);
  ImGui::Dummy(ImVec2(width, height));
  return result;
}

}  // namespace kiosk::ui
