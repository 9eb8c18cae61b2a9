#include "adapters/evdev/key_translator.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include <linux/input-event-codes.h>

#include "core/text.hpp"

namespace kiosk::evdev {
namespace {

struct KeyChars {
  char plain = 0;
  char shifted = 0;
};

// Key codes below this have US characters; keypad ones included.
constexpr std::size_t k_table_size = 128;

// The US layout, indexed by key code; {0, 0} for keys that type nothing.
constexpr std::array<KeyChars, k_table_size> make_us_layout() {
  std::array<KeyChars, k_table_size> table{};
  const auto row = [&table](int first, std::string_view plain, std::string_view shifted) {
    for (std::size_t i = 0; i < plain.size(); ++i) {
      table.at(static_cast<std::size_t>(first) + i) = KeyChars{plain[i], shifted[i]};
    }
  };
  const auto key = [&table](int code, char plain, char shifted) {
    table.at(static_cast<std::size_t>(code)) = KeyChars{plain, shifted};
  };
  row(KEY_1, "1234567890-=", "!@#$%^&*()_+");         // KEY_1 … KEY_EQUAL
  row(KEY_Q, "qwertyuiop[]", "QWERTYUIOP{}");         // … KEY_RIGHTBRACE
  row(KEY_A, "asdfghjkl;'`", "ASDFGHJKL:\"~");        // … KEY_GRAVE
  row(KEY_BACKSLASH, "\\zxcvbnm,./", "|ZXCVBNM<>?");  // … KEY_SLASH
  key(KEY_TAB, '\t', '\t');
  key(KEY_SPACE, ' ', ' ');
  // The keypad, as with Num Lock on (scanners assume it).
  key(KEY_KP0, '0', '0');
  row(KEY_KP1, "123", "123");
  row(KEY_KP4, "456", "456");
  row(KEY_KP7, "789", "789");
  key(KEY_KPDOT, '.', '.');
  key(KEY_KPMINUS, '-', '-');
  key(KEY_KPPLUS, '+', '+');
  key(KEY_KPASTERISK, '*', '*');
  key(KEY_KPSLASH, '/', '/');
  key(KEY_KPEQUAL, '=', '=');
  key(KEY_KPCOMMA, ',', ',');
  return table;
}

constexpr std::array<KeyChars, k_table_size> k_us_layout = make_us_layout();

// Modifier bits.
constexpr unsigned k_left_shift = 1U << 0U;
constexpr unsigned k_right_shift = 1U << 1U;
constexpr unsigned k_shift = k_left_shift | k_right_shift;
// Ctrl, Alt (AltGr included) and Meta: a key chorded with them types
// nothing on its own; scanners use such chords for non-ASCII characters.
constexpr unsigned k_chord = ~k_shift;

unsigned modifier_bit(std::uint16_t code) {
  switch (code) {
    case KEY_LEFTSHIFT:
      return k_left_shift;
    case KEY_RIGHTSHIFT:
      return k_right_shift;
    case KEY_LEFTCTRL:
      return 1U << 2U;
    case KEY_RIGHTCTRL:
      return 1U << 3U;
    case KEY_LEFTALT:
      return 1U << 4U;
    case KEY_RIGHTALT:
      return 1U << 5U;
    case KEY_LEFTMETA:
      return 1U << 6U;
    case KEY_RIGHTMETA:
      return 1U << 7U;
    default:
      return 0;
  }
}

// Lock keys change nothing a scanner types on this translator.
bool is_ignored_key(std::uint16_t code) {
  return code == KEY_CAPSLOCK || code == KEY_NUMLOCK || code == KEY_SCROLLLOCK;
}

}  // namespace

KeyScan::~KeyScan() {
  secure_wipe(text);
}

KeyTranslator::KeyTranslator(std::size_t max_scan_bytes) : m_max(max_scan_bytes) {
  // Reserved up front so growing never leaves freed copies of card data.
  m_text.reserve(m_max);
}

KeyTranslator::~KeyTranslator() {
  secure_wipe(m_text);
}

std::optional<KeyScan> KeyTranslator::feed(const KeyEvent& event) {
  if (event.type == EV_SYN && event.code == SYN_DROPPED) {
    // The kernel lost events: characters of this scan are missing.
    m_events_dropped = true;
    return std::nullopt;
  }
  if (event.type != EV_KEY) {
    return std::nullopt;  // EV_SYN reports, EV_MSC scan codes, LEDs…
  }
  if ((event.code == KEY_ENTER || event.code == KEY_KPENTER) && event.value == 1) {
    return end_scan();
  }
  on_key(event.code, event.value);
  return std::nullopt;
}

std::optional<KeyScan> KeyTranslator::finish() {
  return end_scan();
}

bool KeyTranslator::in_progress() const {
  return !m_text.empty() || m_overflow_bytes > 0 || m_unknown_keys > 0 || m_events_dropped;
}

void KeyTranslator::reset() {
  secure_wipe(m_text);
  m_text.reserve(m_max);
  m_overflow_bytes = 0;
  m_unknown_keys = 0;
  m_events_dropped = false;
  m_modifiers = 0;
}

std::vector<std::size_t> KeyTranslator::take_dropped() {
  std::vector<std::size_t> dropped;
  dropped.swap(m_dropped);
  return dropped;
}

void KeyTranslator::on_key(std::uint16_t code, std::int32_t value) {
  if (const unsigned bit = modifier_bit(code); bit != 0) {
    // Press and autorepeat hold a modifier; release lets go.
    m_modifiers = value == 0 ? (m_modifiers & ~bit) : (m_modifiers | bit);
    return;
  }
  if (value != 1 || is_ignored_key(code)) {
    return;  // only presses type; autorepeat and release do not
  }
  const KeyChars chars = code < k_table_size ? k_us_layout.at(code) : KeyChars{};
  if (chars.plain == 0 || (m_modifiers & k_chord) != 0) {
    ++m_unknown_keys;
    return;
  }
  type((m_modifiers & k_shift) != 0 ? chars.shifted : chars.plain);
}

void KeyTranslator::type(char c) {
  if (m_overflow_bytes > 0) {
    ++m_overflow_bytes;
  } else if (m_text.size() >= m_max) {
    m_overflow_bytes = m_text.size() + 1;
    secure_wipe(m_text);
    m_text.reserve(m_max);
  } else {
    m_text.push_back(c);
  }
}

std::optional<KeyScan> KeyTranslator::end_scan() {
  std::optional<KeyScan> scan;
  if (m_overflow_bytes > 0) {
    m_dropped.push_back(m_overflow_bytes);
  } else if (!m_text.empty() || m_unknown_keys > 0 || m_events_dropped) {
    scan.emplace();
    scan->text = m_text;
    scan->unknown_keys = m_unknown_keys;
    scan->events_dropped = m_events_dropped;
    scan->non_ascii_expected = looks_like_citizen_id(m_text);
  }
  const unsigned modifiers = m_modifiers;  // keys still held stay held
  reset();
  m_modifiers = modifiers;
  return scan;
}

bool looks_like_citizen_id(const std::string& text) {
  constexpr std::size_t k_id_digits = 12;
  constexpr std::ptrdiff_t k_separators = 6;  // seven fields
  if (text.size() <= k_id_digits || text[k_id_digits] != '|') {
    return false;
  }
  const auto id_end = text.begin() + static_cast<std::ptrdiff_t>(k_id_digits);
  return std::all_of(text.begin(), id_end, [](char c) { return c >= '0' && c <= '9'; }) &&
         std::count(id_end, text.end(), '|') >= k_separators;
}

}  // namespace kiosk::evdev
