#include "core/mojibake.hpp"

#include <iconv.h>

#include <array>
#include <utility>

#include "core/text.hpp"

namespace kiosk {
namespace {

// Windows-1252's printable characters in 0x80..0x9F, by byte.
constexpr std::array<std::pair<char32_t, unsigned char>, 27> k_cp1252 = {{
    {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85},
    {0x2020, 0x86}, {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A},
    {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92},
    {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
    {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C},
    {0x017E, 0x9E}, {0x0178, 0x9F},
}};

// Decodes one UTF-8 code point at `i` (the text is known to be valid).
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const int len = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1Fu) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
  for (int k = 1; k < len; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3Fu);
  }
  i += static_cast<std::size_t>(len);
  return cp;
}

bool has_multibyte(std::string_view bytes) {
  for (const char c : bytes) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      return true;
    }
  }
  return false;
}

// Every code point back to the single byte Latin-1/Windows-1252 gave it;
// nullopt when some code point has no such byte or none is above ASCII.
std::optional<std::string> to_single_bytes(std::string_view text) {
  std::string bytes;
  bool any_high = false;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    if (cp < 0x100) {
      any_high = any_high || cp >= 0x80;
      bytes += static_cast<char>(cp);
      continue;
    }
    bool found = false;
    for (const auto& [code, byte] : k_cp1252) {
      if (code == cp) {
        bytes += static_cast<char>(byte);
        any_high = found = true;
        break;
      }
    }
    if (!found) {
      return std::nullopt;
    }
  }
  if (!any_high) {
    return std::nullopt;
  }
  return bytes;
}

bool has_japanese(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
        (cp >= 0xFF61 && cp <= 0xFF9F)) {
      return true;
    }
  }
  return false;
}

// UTF-8 text back to the Shift-JIS (CP932) bytes it was decoded from;
// nullopt when some character has no CP932 form.
std::optional<std::string> to_cp932(std::string_view text) {
  iconv_t cd = iconv_open("CP932", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return std::nullopt;
  }
  std::string in(text);
  std::string out(text.size() * 2 + 8, '\0');
  char* in_ptr = in.data();
  std::size_t in_left = in.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  const std::size_t r = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  secure_wipe(in);
  if (r == static_cast<std::size_t>(-1) || in_left != 0) {
    secure_wipe(out);
    return std::nullopt;
  }
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

RepairResult repair_mojibake(std::string_view text) {
  if (!has_multibyte(text)) {
    return {};
  }
  if (auto bytes = to_single_bytes(text)) {
    // Real Vietnamese never turns into valid multi-byte UTF-8 this way: its
    // letters above U+00FF (ơ, ư, đ, ạ…) stop the mapping, and the Latin-1
    // ones (à, é, ô…) alone are not valid UTF-8 sequences.
    if (is_valid_utf8(*bytes)) {
      return RepairResult{Mojibake::latin1, std::move(*bytes)};
    }
    secure_wipe(*bytes);
  }
  if (has_japanese(text)) {
    if (auto bytes = to_cp932(text); bytes && is_valid_utf8(*bytes) && has_multibyte(*bytes)) {
      return RepairResult{Mojibake::sjis, std::move(*bytes)};
    }
    return RepairResult{Mojibake::garbled, {}};
  }
  if (text.find("\xEF\xBF\xBD") != std::string_view::npos) {  // U+FFFD: bytes were lost
    return RepairResult{Mojibake::garbled, {}};
  }
  return {};
}

}  // namespace kiosk
