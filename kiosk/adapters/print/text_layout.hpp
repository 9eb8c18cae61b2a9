#pragma once
// Turning slip text into lines: UTF-8 decoding by code point and greedy word
// wrapping by glyph advances (kerning-free). Pure functions, any thread.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::print {

/// Code points of `text`; malformed sequences become U+FFFD, so slip text
/// never fails to decode.
std::u32string decode_utf8(std::string_view text);

/// Pen advance of one code point, in 1/64 dot.
using AdvanceFn = std::function<int(char32_t)>;

/// Splits `text` into lines no wider than `max_width` (1/64 dot): at "\n",
/// then between words (runs of spaces collapse), and inside a word too long
/// for a line (after a '-', '/' or ',' when one fits, else anywhere). A
/// paragraph does not end in one word alone when the word before can join it.
/// Never returns an empty list; a line may be empty.
std::vector<std::u32string> wrap_text(const std::u32string& text, int max_width,
                                      const AdvanceFn& advance);

/// Width of `line` in 1/64 dot.
int line_width(const std::u32string& line, const AdvanceFn& advance);

}  // namespace kiosk::print
