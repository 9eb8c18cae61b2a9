#pragma once
// The on-screen keyboard of the search field: a kiosk has no keyboard. Letters
// a–z in QWERTY rows, digits, space, backspace, "Xong" (close) and, given a
// KeyboardState, a mode key: Vietnamese by Telex ("Có dấu (Telex)": typing
// "tieengs vieetj" gives "tiếng việt") or letters as typed ("Không dấu"). A
// thin widget: the caller owns the text and decides what an edit or a close
// means.

#include <cstddef>
#include <string>

#include "core/telex.hpp"

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
  enum class Kind { character, space, backspace, close, mode };
  Kind kind = Kind::character;
  char character = 0;                 // 'a'–'z' or '0'–'9' when kind is character
  TelexMode mode = TelexMode::telex;  // what a mode key switches to
};

/// Longest search text the keyboard types, in bytes.
inline constexpr std::size_t k_keyboard_max_bytes = 40;

/// Applies `key` to the UTF-8 `text`: a character or a space is appended
/// unless the text would grow past `max_bytes`, and a space is never added
/// first or after another space; backspace removes the last whole code
/// point (all of its bytes); close changes nothing. Returns `edited` only
/// when the text changed, `closed` for close, otherwise `none`. Pure, no
/// ImGui; any thread. The mode key changes nothing here (`none`).
KeyboardResult apply_key(std::string& text, Key key, std::size_t max_bytes = k_keyboard_max_bytes);

/// What the keyboard keeps between frames: the typing mode and the Telex
/// syllable being typed. KioskUi owns one and lends it to the screens
/// through UiContext::keyboard, and resets it when a session ends. Not
/// thread-safe: UI thread only (tests: any one thread).
class KeyboardState {
 public:
  /// Applies `key` to `text` with apply_key()'s rules (no leading or double
  /// space, at most `max_bytes`, backspace removes one character), except
  /// that in Telex mode letters are composed by TelexComposer into NFC
  /// Vietnamese. A mode key switches to its mode (Telex or plain); the word
  /// being typed stays as it is. When `text` is not what this state last
  /// gave back (another field, or it was changed elsewhere), typing goes on
  /// after it as a new word. A key that would make the text longer than
  /// `max_bytes` changes nothing. Returns `edited` only when the text changed.
  KeyboardResult apply(std::string& text, Key key, std::size_t max_bytes = k_keyboard_max_bytes);

  TelexMode mode() const { return m_composer.mode(); }

  /// Forgets (and wipes) what was typed and goes back to Telex: a new person.
  void reset();

 private:
  std::string m_base;        // the text before what the composer typed
  TelexComposer m_composer;  // what was typed since, Telex or plain
};

/// Height of the keyboard drawn by keyboard() at the context's scale.
float keyboard_height(const UiContext& ctx);

/// Draws the keyboard at the cursor across the available width (keys about
/// 76 px tall at 1080 px, scaled) and moves the cursor below it. A key acts
/// when the finger is lifted on it, not when it slid there or dragged; a
/// held key is drawn pressed. With ctx.keyboard, the bottom row starts with
/// the two mode keys (the current one filled) and the released key goes
/// through KeyboardState::apply(); without, there are no mode keys and it
/// goes through apply_key(). Returns its result. UI thread only, inside a
/// window.
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
