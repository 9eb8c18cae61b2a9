#include "adapters/print/text_layout.hpp"

namespace kiosk::print {
namespace {

constexpr char32_t k_replacement = 0xFFFD;

// Length of the sequence a lead byte starts, 0 when it cannot start one.
int sequence_length(unsigned char lead) {
  if (lead < 0x80) {
    return 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    return 2;
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    return 4;
  }
  return 0;
}

std::vector<std::u32string> split_words(const std::u32string& paragraph) {
  std::vector<std::u32string> words;
  std::u32string current;
  for (const char32_t c : paragraph) {
    if (c == U' ' || c == U'\t') {
      if (!current.empty()) {
        words.push_back(std::move(current));
        current.clear();
      }
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) {
    words.push_back(std::move(current));
  }
  return words;
}

// How many leading code points of `word` to put on a line of `max_width`:
// preferably up to a break character, at least one.
std::size_t fitting_prefix(const std::u32string& word, int max_width, const AdvanceFn& advance) {
  int width = 0;
  std::size_t fit = 0;
  std::size_t last_break = 0;
  while (fit < word.size() && width + advance(word[fit]) <= max_width) {
    width += advance(word[fit]);
    if (word[fit] == U'-' || word[fit] == U'/' || word[fit] == U',') {
      last_break = fit + 1;
    }
    ++fit;
  }
  if (last_break > 0 && fit < word.size()) {
    return last_break;
  }
  return fit == 0 ? 1 : fit;
}

// Moves the last word of the line before a paragraph's one-word last line
// down to it, when it fits and leaves at least two words above.
void avoid_widow(std::vector<std::u32string>& lines, std::size_t first, int max_width,
                 const AdvanceFn& advance) {
  if (lines.size() < first + 2) {
    return;
  }
  std::u32string& last = lines.back();
  std::u32string& previous = lines[lines.size() - 2];
  const std::size_t cut = previous.rfind(U' ');
  if (last.empty() || last.find(U' ') != std::u32string::npos || cut == std::u32string::npos ||
      previous.find(U' ') == cut) {
    return;
  }
  std::u32string joined = previous.substr(cut + 1) + U' ' + last;
  if (line_width(joined, advance) <= max_width) {
    previous.erase(cut);
    last = std::move(joined);
  }
}

void wrap_paragraph(const std::u32string& paragraph, int max_width, const AdvanceFn& advance,
                    std::vector<std::u32string>& lines) {
  const int space = advance(U' ');
  const std::size_t first = lines.size();
  std::u32string line;
  int width = 0;
  for (std::u32string word : split_words(paragraph)) {
    int word_width = line_width(word, advance);
    if (!line.empty() && width + space + word_width <= max_width) {
      line += U' ';
      line += word;
      width += space + word_width;
      continue;
    }
    if (!line.empty()) {
      lines.push_back(std::move(line));
      line.clear();
    }
    while (word_width > max_width) {
      const std::size_t cut = fitting_prefix(word, max_width, advance);
      lines.push_back(word.substr(0, cut));
      word.erase(0, cut);
      word_width = line_width(word, advance);
    }
    line = std::move(word);
    width = word_width;
  }
  lines.push_back(std::move(line));
  avoid_widow(lines, first, max_width, advance);
}

}  // namespace

std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const int length = sequence_length(lead);
    if (length == 0 || i + static_cast<std::size_t>(length) > text.size()) {
      out.push_back(k_replacement);
      ++i;
      continue;
    }
    char32_t c = length == 1 ? lead : (lead & (0xFFU >> (length + 1)));
    bool valid = true;
    for (int k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
      valid = valid && (next & 0xC0U) == 0x80U;
      c = (c << 6) | (next & 0x3FU);
    }
    const bool overlong = (length == 3 && c < 0x800) || (length == 4 && c < 0x10000);
    if (!valid || overlong || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
      out.push_back(k_replacement);
      ++i;
      continue;
    }
    out.push_back(c);
    i += static_cast<std::size_t>(length);
  }
  return out;
}

int line_width(const std::u32string& line, const AdvanceFn& advance) {
  int width = 0;
  for (const char32_t c : line) {
    width += advance(c);
  }
  return width;
}

std::vector<std::u32string> wrap_text(const std::u32string& text, int max_width,
                                      const AdvanceFn& advance) {
  std::vector<std::u32string> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(U'\n', start);
    wrap_paragraph(
        text.substr(start, end == std::u32string::npos ? std::u32string::npos : end - start),
        max_width, advance, lines);
    if (end == std::u32string::npos) {
      break;
    }
    start = end + 1;
  }
  return lines;
}

}  // namespace kiosk::print
