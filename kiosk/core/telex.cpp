#include "core/telex.hpp"

#include <cstddef>
#include <optional>

#include "core/text.hpp"

namespace kiosk {

using telex_detail::Letter;
using telex_detail::Mark;
using telex_detail::Tone;

namespace {

using Syllable = std::vector<Letter>;

bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_ascii_letter(char c) {
  return is_ascii_upper(c) || (c >= 'a' && c <= 'z');
}
char ascii_lower(char c) {
  return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
char ascii_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

bool is_vowel(const Letter& l) {
  switch (l.base) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'y':
      return true;
    default:
      return false;
  }
}

/// The syllable's vowel nucleus as [begin, end); begin == end when it has none.
struct VowelRun {
  std::size_t begin = 0;
  std::size_t end = 0;
};

VowelRun vowel_run(const Syllable& s) {
  std::size_t i = 0;
  // `qu` and `gi` are initial consonants when another vowel follows them
  // ("quân", "giá"); alone, their vowel carries the tone ("qú", "gì").
  if (s.size() >= 3 && is_vowel(s[2]) &&
      ((s[0].base == 'q' && s[1].base == 'u' && s[1].mark == Mark::none) ||
       (s[0].base == 'g' && s[1].base == 'i'))) {
    i = 2;
  }
  while (i < s.size() && !is_vowel(s[i])) {
    ++i;
  }
  VowelRun run{i, i};
  while (run.end < s.size() && is_vowel(s[run.end])) {
    ++run.end;
  }
  return run;
}

/// Index of the letter that carries the tone (new style, see telex.hpp);
/// nullopt when the syllable has no vowel.
std::optional<std::size_t> tone_position(const Syllable& s) {
  const VowelRun run = vowel_run(s);
  const std::size_t n = run.end - run.begin;
  if (n == 0) {
    return std::nullopt;
  }
  if (n == 1) {
    return run.begin;
  }
  // The last vowel with a diacritic: ê in "tiếng", ơ in "người", ư in "cứu".
  for (std::size_t i = run.end; i-- > run.begin;) {
    if (s[i].mark != Mark::none) {
      return i;
    }
  }
  if (n >= 3 || run.end < s.size()) {
    return run.begin + 1;  // "thoại", "khuỷu"; "toán", "huỳnh"
  }
  const char first = s[run.begin].base;
  const char second = s[run.begin + 1].base;
  const bool on_second =
      (first == 'o' && (second == 'a' || second == 'e')) || (first == 'u' && second == 'y');
  return on_second ? run.begin + 1 : run.begin;  // "hoà", "thuỷ" / "mía", "của"
}

std::string_view mark_utf8(Mark m) {
  switch (m) {
    case Mark::circumflex:
      return "\u0302";
    case Mark::breve:
      return "\u0306";
    case Mark::horn:
      return "\u031B";
    case Mark::none:
    case Mark::stroke:  // đ has no decomposition: written as its own code point
      break;
  }
  return {};
}

std::string_view tone_utf8(Tone t) {
  switch (t) {
    case Tone::acute:
      return "\u0301";
    case Tone::grave:
      return "\u0300";
    case Tone::hook:
      return "\u0309";
    case Tone::tilde:
      return "\u0303";
    case Tone::dot:
      return "\u0323";
    case Tone::none:
      break;
  }
  return {};
}

/// The syllable as NFC UTF-8: base letters with combining marks, composed by
/// utf8proc. Every vowel + mark + tone Telex can produce has a precomposed
/// form, so each letter becomes exactly one code point.
std::string render(const Syllable& s, Tone tone) {
  if (s.empty()) {
    return {};
  }
  const std::optional<std::size_t> at = tone == Tone::none ? std::nullopt : tone_position(s);
  std::string decomposed;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const Letter& l = s[i];
    if (l.mark == Mark::stroke) {
      decomposed += l.upper ? "\u0110" : "\u0111";
    } else {
      decomposed += l.upper ? ascii_upper(l.base) : l.base;
      decomposed += mark_utf8(l.mark);
    }
    if (at && *at == i) {
      decomposed += tone_utf8(tone);
    }
  }
  return to_nfc(decomposed);
}

/// False when a circumflex on s[i] would put it before a vowel it never
/// precedes in Vietnamese (â only before u/y, ê before u, ô before i), so the
/// key is a new letter instead: "ngoeo" keeps its first o.
bool circumflex_fits(const Syllable& s, std::size_t i, const VowelRun& run) {
  if (i + 1 >= run.end) {
    return true;
  }
  const char next = s[i + 1].base;
  switch (s[i].base) {
    case 'a':
      return next == 'u' || next == 'y';
    case 'e':
      return next == 'u';
    case 'o':
      return next == 'i';
    default:
      return false;
  }
}

std::optional<Tone> tone_for_key(char lower) {
  switch (lower) {
    case 's':
      return Tone::acute;
    case 'f':
      return Tone::grave;
    case 'r':
      return Tone::hook;
    case 'x':
      return Tone::tilde;
    case 'j':
      return Tone::dot;
    default:
      return std::nullopt;
  }
}

}  // namespace

std::string telex_apply(std::string_view typed) {
  TelexComposer composer;
  for (const char c : typed) {
    composer.key(c);
  }
  return composer.text();
}

void TelexComposer::key(char c) {
  if (c < 0x20 || c > 0x7e) {
    return;  // control keys and non-ASCII bytes (char may be signed)
  }
  if (m_mode == TelexMode::plain) {
    m_committed.push_back(c);
  } else if (!is_ascii_letter(c)) {
    finish_syllable();  // space, digit or punctuation ends the word
    m_committed.push_back(c);
  } else {
    telex_key(c);
  }
  refresh();
}

void TelexComposer::telex_key(char c) {
  if (m_literal) {
    append_letter(c);
    return;
  }
  const char lower = ascii_lower(c);
  if (const std::optional<Tone> tone = tone_for_key(lower)) {
    tone_key(*tone, c);
  } else if (lower == 'z') {
    if (m_tone != Tone::none) {
      m_tone = Tone::none;
    } else {
      append_letter(c);
    }
  } else if (lower == 'a' || lower == 'e' || lower == 'o') {
    vowel_key(c);
  } else if (lower == 'w') {
    w_key(c);
  } else if (lower == 'd') {
    d_key(c);
  } else {
    append_letter(c);
  }
}

void TelexComposer::tone_key(Tone tone, char c) {
  if (!tone_position(m_syllable)) {
    append_letter(c);  // before any vowel s, r, x are consonants ("sao", "trên")
    return;
  }
  if (m_tone == tone) {
    m_tone = Tone::none;
    undo_with_letter(c);
    return;
  }
  m_tone = tone;
}

void TelexComposer::vowel_key(char c) {
  const char base = ascii_lower(c);
  const VowelRun run = vowel_run(m_syllable);
  for (std::size_t i = run.end; i-- > run.begin;) {
    Letter& l = m_syllable[i];
    if (l.base != base) {
      continue;
    }
    if (!circumflex_fits(m_syllable, i, run)) {
      break;
    }
    if (l.mark == Mark::circumflex) {
      l.mark = Mark::none;
      undo_with_letter(c);
    } else {
      l.mark = Mark::circumflex;  // also ă → â and ơ → ô
    }
    return;
  }
  append_letter(c);
}

void TelexComposer::w_key(char c) {
  const VowelRun run = vowel_run(m_syllable);
  if (run.begin == run.end) {
    m_syllable.push_back(Letter{'u', is_ascii_upper(c), Mark::horn, true});
    return;
  }
  // u and o side by side take the horn together: "uow" → ươ.
  for (std::size_t i = run.begin; i + 1 < run.end; ++i) {
    Letter& u = m_syllable[i];
    Letter& o = m_syllable[i + 1];
    if (u.base == 'u' && o.base == 'o') {
      if (u.mark == Mark::horn && o.mark == Mark::horn) {
        u.mark = Mark::none;
        o.mark = Mark::none;
        undo_with_letter(c);
      } else {
        u.mark = Mark::horn;
        o.mark = Mark::horn;
      }
      return;
    }
  }
  for (std::size_t i = run.end; i-- > run.begin;) {
    Letter& l = m_syllable[i];
    if (l.base != 'a' && l.base != 'o' && l.base != 'u') {
      continue;
    }
    const Mark mark = l.base == 'a' ? Mark::breve : Mark::horn;
    if (l.mark != mark) {
      l.mark = mark;
    } else if (l.from_w) {
      l = Letter{'w', l.upper, Mark::none, false};  // "ww" → "w"
      m_literal = true;
    } else {
      l.mark = Mark::none;
      undo_with_letter(c);
    }
    return;
  }
  append_letter(c);  // "iw": no vowel takes a horn
}

void TelexComposer::d_key(char c) {
  // dd → đ on the initial d, also when typed late ("dind" → "đin").
  if (m_syllable.empty() || m_syllable.front().base != 'd') {
    append_letter(c);
    return;
  }
  Letter& first = m_syllable.front();
  if (first.mark == Mark::stroke) {
    first.mark = Mark::none;
    undo_with_letter(c);
  } else {
    first.mark = Mark::stroke;
  }
}

void TelexComposer::append_letter(char c) {
  m_syllable.push_back(Letter{ascii_lower(c), is_ascii_upper(c), Mark::none, false});
}

void TelexComposer::undo_with_letter(char c) {
  append_letter(c);
  m_literal = true;
}

void TelexComposer::backspace() {
  if (!m_syllable.empty()) {
    const std::optional<std::size_t> at = tone_position(m_syllable);
    if (at && *at + 1 == m_syllable.size()) {
      m_tone = Tone::none;  // the tone goes with the letter that showed it
    }
    m_syllable.pop_back();
    m_literal = false;
  } else {
    // m_committed is NFC: one code point is one visible Vietnamese letter.
    while (!m_committed.empty()) {
      const auto byte = static_cast<unsigned char>(m_committed.back());
      m_committed.pop_back();
      if ((byte & 0xC0) != 0x80) {
        break;
      }
    }
  }
  refresh();
}

void TelexComposer::clear() {
  // The field may hold a name or an address: leave no copy behind.
  secure_wipe(m_committed);
  secure_wipe(m_text);
  m_syllable.assign(m_syllable.size(), Letter{});
  m_syllable.clear();
  m_tone = Tone::none;
  m_literal = false;
}

void TelexComposer::set_mode(TelexMode mode) {
  finish_syllable();
  m_mode = mode;
  refresh();
}

void TelexComposer::finish_syllable() {
  m_committed += render(m_syllable, m_tone);
  m_syllable.clear();
  m_tone = Tone::none;
  m_literal = false;
}

void TelexComposer::refresh() {
  if (!tone_position(m_syllable)) {
    m_tone = Tone::none;  // a tone needs a vowel to sit on
  }
  m_text = m_committed;
  m_text += render(m_syllable, m_tone);
}

}  // namespace kiosk
