#include "core/text.hpp"

#include <string.h>  // explicit_bzero

#include <cstdlib>
#include <memory>

#include <utf8proc.h>

namespace kiosk {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const noexcept { std::free(p); }
};
using Utf8procString = std::unique_ptr<utf8proc_uint8_t, FreeDeleter>;

std::string map_utf8(std::string_view text, utf8proc_option_t options) {
  utf8proc_uint8_t* out = nullptr;
  const auto* in = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const utf8proc_ssize_t n =
      utf8proc_map(in, static_cast<utf8proc_ssize_t>(text.size()), &out, options);
  Utf8procString owned(out);
  if (n < 0) {
    return {};
  }
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  // The text may be a card payload: leave no copy in freed memory.
  explicit_bzero(out, static_cast<std::size_t>(n));
  return result;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(bytes.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n < 0) {
      return false;
    }
    p += n;
    left -= n;
  }
  return true;
}

std::string to_nfc(std::string_view text) {
  if (text.empty()) {
    return {};
  }
  return map_utf8(text, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
}

std::string fold_for_search(std::string_view text) {
  // Decompose, drop combining marks and case-fold; utf8proc keeps đ/Đ as a
  // base letter (it has no decomposition), so it is mapped to d by hand.
  const std::string folded = map_utf8(
      text, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                                            UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD |
                                            UTF8PROC_COMPAT));
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const auto c = static_cast<unsigned char>(folded[i]);
    // U+0111 đ is C4 91 in UTF-8 (U+0110 Đ is case-folded to it above).
    if (c == 0xC4 && i + 1 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0x91) {
      if (pending_space && !out.empty()) {
        out += ' ';
      }
      pending_space = false;
      out += 'd';
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) {
      out += ' ';
    }
    pending_space = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::vector<std::string> fold_to_words(std::string_view text) {
  const std::string folded = fold_for_search(text);
  std::vector<std::string> words;
  std::string word;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(folded.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n < 0) {
      return {};
    }
    const utf8proc_category_t cat = utf8proc_category(cp);
    // Letters, marks left by other scripts (Mc) and numbers: Lu … No.
    const bool word_char = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
    if (word_char) {
      word.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
    p += n;
    left -= n;
  }
  if (!word.empty()) {
    words.push_back(std::move(word));
  }
  return words;
}

void secure_wipe(std::string& s) noexcept {
  // Zero the whole buffer, not just the live characters: an earlier, longer
  // value may still sit past size().
  s.resize(s.capacity());
  explicit_bzero(s.data(), s.size());
  s.clear();
  s.shrink_to_fit();
}

}  // namespace kiosk
