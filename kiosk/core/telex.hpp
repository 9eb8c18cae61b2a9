#pragma once
// Vietnamese Telex composition for the on-screen keyboard: ASCII keys as
// people type them on Vietnamese phones and PCs become precomposed (NFC)
// Vietnamese letters. Pure core: no UI, no I/O.
//
// Keys (case-insensitive; the case of the letter itself is kept):
//   aa → â, aw → ă, ee → ê, oo → ô, ow → ơ, uw → ư, uow → ươ, dd → đ;
//   a `w` with no vowel before it in the syllable is ư ("nhw" → "như").
//   Tone keys once the syllable has a vowel: s sắc, f huyền, r hỏi, x ngã,
//   j nặng; z removes the tone. Modifiers may be typed late ("tiengse" →
//   "tiếng"), and a tone moves to the right vowel as letters follow.
//   aa/ee/oo apply only where Vietnamese allows the result (â before u/y,
//   ê before u, ô before i): "ngoeof" → "ngoèo", not "ngồe".
//   The same modifier typed again undoes it and types the key as a letter
//   ("ass" → "as", "aaa" → "aa", "ddd" → "dd", "ww" → "w"); the rest of that
//   syllable is then taken literally.
//
// Tone placement, new style (the "oà, uý" option of Unikey and EVKey;
// chosen here and pinned by tests): "hoà", "khoẻ", "thuỷ", not "hòa".
//   1. one vowel: on it;
//   2. a vowel with a diacritic (â ă ê ô ơ ư) in the syllable: on it, on ơ
//      in ươ ("người", "rượu");
//   3. three plain vowels: on the middle one ("thoại", "khuỷu");
//   4. two plain vowels and a final consonant: on the second ("toán");
//   5. two plain vowels ending the syllable: on the second for oa, oe, uy
//      ("hoà", "khoẻ", "thuỷ"), otherwise on the first ("mía", "của", "tài").
//   `qu` and `gi` followed by another vowel are initial consonants
//   ("quần", "giá"); "gì" keeps i as its vowel.
//
// A syllable ends at any key that is not an ASCII letter (space, digits,
// punctuation). Only printable ASCII keys (0x20–0x7e) are taken; others are
// ignored, so text() is always valid NFC UTF-8.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

/// How keys become text: composed by Telex, or appended as typed for
/// accent-free entry.
enum class TelexMode : std::uint8_t { telex, plain };

namespace telex_detail {

/// A diacritic that changes the letter itself (not the tone).
enum class Mark : std::uint8_t { none, circumflex, breve, horn, stroke };

/// The syllable's tone; `none` is thanh ngang.
enum class Tone : std::uint8_t { none, acute, grave, hook, tilde, dot };

/// One visible letter of the syllable being typed.
struct Letter {
  char base = 'a';         // lower-case ASCII letter
  bool upper = false;      // shown in upper case
  Mark mark = Mark::none;  // â ă ê ô ơ ư đ
  bool from_w = false;     // an ư typed as a lone `w`: undone back to "w"
};

}  // namespace telex_detail

/// Converts a whole typed key sequence by Telex: telex_apply("tieengs vieetj")
/// == "tiếng việt". Always returns NFC UTF-8; never fails.
std::string telex_apply(std::string_view typed);

/// Stateful Telex composer behind one text field of the on-screen keyboard.
/// Not thread-safe: owned and called by the main (UI) thread.
class TelexComposer {
 public:
  explicit TelexComposer(TelexMode mode = TelexMode::telex) : m_mode(mode) {}

  /// One key press. Printable ASCII only; other bytes are ignored.
  void key(char c);

  /// Removes the last visible character. Inside the syllable being typed the
  /// last letter goes with its own diacritic; the tone stays unless that
  /// letter carried it or no vowel is left, and literal mode (after an undo)
  /// ends. Past the syllable it removes one code point of the finished
  /// text; that word is not reopened for Telex. No-op on empty text.
  void backspace();

  /// Empties the text and the syllable state; keeps the mode.
  void clear();

  /// Switches between Telex and plain entry; the syllable being typed is
  /// finished as it stands.
  void set_mode(TelexMode mode);
  TelexMode mode() const { return m_mode; }

  /// The whole text so far, NFC UTF-8. Valid until the next call that
  /// changes the composer.
  const std::string& text() const { return m_text; }

 private:
  void telex_key(char c);
  void tone_key(telex_detail::Tone tone, char c);
  void vowel_key(char c);
  void w_key(char c);
  void d_key(char c);
  void append_letter(char c);
  void undo_with_letter(char c);
  void finish_syllable();
  void refresh();

  TelexMode m_mode;
  std::string m_committed;  // finished text before the syllable
  std::vector<telex_detail::Letter> m_syllable;
  telex_detail::Tone m_tone = telex_detail::Tone::none;
  bool m_literal = false;  // after an undo: keys are letters until the syllable ends
  std::string m_text;      // m_committed + the rendered syllable
};

}  // namespace kiosk
