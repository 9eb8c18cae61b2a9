#pragma once
// The on-screen keyboard of the search field: a kiosk has no keyboard. Letters
// a–z in QWERTY rows, digits, space, backspace and "Xong" (close). A thin
// widget: the caller owns the text and decides what an edit or a close means.

#include <cstddef>
#include <string>

namespace kiosk::ui {

struct UiContext;

/// What one frame of the keyboard (or one key) did to the caller's text.
enum class KeyboardResult {
  none,    // no key released, or the key changed nothing (text full, double space…)
  edited,  // the text changed
  closed,  // "Xong" was tapped; the text is unchanged
};

/// One key of the keyboard, apart from how it is drawn.
struct Key {
  enum class Kind { character, space, backspace, close };
  Kind kind = Kind::character;
  char character = 0;  // 'a'–'z' or '0'–'9' when kind is character
};

/// Longest search text the keyboard types, in bytes.
inline constexpr std::size_t k_keyboard_max_bytes = 40;

/// Applies `key` to the UTF-8 `text`: a character or a space is appended
/// unless the text would grow past `max_bytes`, and a space is never added
/// first or after another space; backspace removes the last whole code
/// point (all of its bytes); close changes nothing. Returns `edited` only
/// when the text changed, `closed` for close, otherwise `none`. Pure, no
/// ImGui; any thread.
KeyboardResult apply_key(std::string& text, Key key, std::size_t max_bytes = k_keyboard_max_bytes);

/// Height of the keyboard drawn by keyboard() at the context's scale.
float keyboard_height(const UiContext& ctx);

/// Draws the keyboard at the cursor across the available width (keys about
/// 76 px tall at 1080 px, scaled) and moves the cursor below it. A key acts
/// when the finger is lifted on it, not when it slid there or dragged; a
/// held key is drawn pressed. Applies the released key to `text` with
/// apply_key() and returns its result. UI thread only, inside a window.
KeyboardResult keyboard(const UiContext& ctx, std::string& text,
                        std::size_t max_bytes = k_keyboard_max_bytes);

/// Height of numeric_keypad() at the context's scale.
float keypad_height(const UiContext& ctx);

/// A phone keypad at the cursor, `width` wide: 1–9, then backspace, 0 and
/// "Xong". Digits only, at most `max_digits`; the same rules and results as
/// keyboard(). UI thread only, inside a window.
KeyboardResult numeric_keypad(const UiContext& ctx, std::string& digits, std::size_t max_digits,
                              float width);

}  // namespace kiosk::ui
