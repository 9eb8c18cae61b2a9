#pragma once
// Turns the key events of a keyboard-wedge 2D scanner into scan text, as a
// US keyboard layout would type it. Pure: no I/O, so tests feed recorded
// events. Single-threaded.
//
// A keyboard can only type what its layout has keys for, so Vietnamese
// letters arrive not at all, as keys with no US character, or as Alt/Ctrl
// chords (Alt+numpad codes, Ctrl+Shift+U). Such scans are marked
// `text_lost()` so the kiosk can say the card's name and address may be
// incomplete.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::evdev {

/// One `struct input_event` without its time stamp.
struct KeyEvent {
  std::uint16_t type = 0;  // EV_KEY, EV_SYN, EV_MSC…
  std::uint16_t code = 0;  // KEY_A…
  std::int32_t value = 0;  // for EV_KEY: 1 press, 2 autorepeat, 0 release
};

/// A finished scan. Holds card data: wiped when destroyed.
struct KeyScan {
  std::string text;                 // printable ASCII (and tab); may be empty if all was lost
  std::size_t unknown_keys = 0;     // presses that typed nothing: no US character, or chorded
                                    // with Ctrl/Alt/Meta
  bool events_dropped = false;      // the kernel's buffer overflowed (SYN_DROPPED) mid-scan
  bool non_ascii_expected = false;  // text has the citizen-ID shape, whose name, sex and
                                    // address fields are Vietnamese a keyboard cannot type

  /// True when the scanner's text did not arrive intact.
  bool text_lost() const { return unknown_keys > 0 || events_dropped || non_ascii_expected; }

  KeyScan() = default;
  KeyScan(const KeyScan&) = default;
  KeyScan(KeyScan&&) noexcept = default;
  KeyScan& operator=(const KeyScan&) = default;
  KeyScan& operator=(KeyScan&&) noexcept = default;
  ~KeyScan();
};

class KeyTranslator {
 public:
  /// Scans longer than `max_scan_bytes` are dropped whole, never truncated.
  explicit KeyTranslator(std::size_t max_scan_bytes = 4096);
  ~KeyTranslator();
  KeyTranslator(const KeyTranslator&) = delete;
  KeyTranslator& operator=(const KeyTranslator&) = delete;

  /// Takes one event. Only EV_KEY presses (value 1) type: letters, digits,
  /// space, tab and US punctuation (`|` is Shift+backslash), with either
  /// Shift held (Shift presses and autorepeats hold it, releases let go);
  /// keypad digits and operators type too. Caps Lock and Num Lock are
  /// ignored. EV_SYN/EV_MSC and other types are ignored, except SYN_DROPPED.
  /// KEY_ENTER or KEY_KPENTER ends the scan: returns it unless nothing at
  /// all was typed or lost, or it was over-long (see take_dropped()).
  std::optional<KeyScan> feed(const KeyEvent& event);

  /// Ends the scan in progress as Enter would (the scanner went quiet).
  std::optional<KeyScan> finish();

  /// True while a scan is in progress (text, lost keys or an over-long one).
  bool in_progress() const;

  /// Discards the scan in progress and forgets held modifiers (device
  /// reconnected).
  void reset();

  /// Lengths of the over-long scans dropped since the last call.
  std::vector<std::size_t> take_dropped();

 private:
  void on_key(std::uint16_t code, std::int32_t value);
  void type(char c);
  std::optional<KeyScan> end_scan();

  std::size_t m_max;
  std::string m_text;
  std::size_t m_overflow_bytes = 0;  // bytes of an over-long scan so far
  std::size_t m_unknown_keys = 0;
  bool m_events_dropped = false;
  unsigned m_modifiers = 0;  // bit set of the held modifier keys
  std::vector<std::size_t> m_dropped;
};

/// True when `text` has the shape of a citizen-ID payload: 12 digits and at
/// least six more `|`-separated fields after them. Pure.
bool looks_like_citizen_id(const std::string& text);

}  // namespace kiosk::evdev
