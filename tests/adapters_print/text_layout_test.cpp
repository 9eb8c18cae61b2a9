// decode_utf8 and wrap_text, with a fixed-advance "font".

#include <gtest/gtest.h>

#include "adapters/print/text_layout.hpp"

namespace kiosk::print {
namespace {

// Every code point 1 dot wide (64 in 26.6).
int unit_advance(char32_t) {
  return 64;
}

std::vector<std::u32string> wrap(const std::string& text, int dots) {
  return wrap_text(decode_utf8(text), dots * 64, unit_advance);
}

TEST(SlipRender, DecodesUtf8ByCodePoint) {
  EXPECT_EQ(decode_utf8("Đa ₫ “x”"), U"Đa ₫ “x”");
  EXPECT_EQ(decode_utf8("a\xC3"), U"a\uFFFD");            // truncated
  EXPECT_EQ(decode_utf8("\xC0\xAF!"), U"\uFFFD\uFFFD!");  // overlong
  EXPECT_EQ(decode_utf8("\xED\xA0\x80"),
            U"\uFFFD\uFFFD\uFFFD");  // surrogate: lead rejected, then bytes
}

TEST(SlipRender, WrapsAtSpacesAndNewlines) {
  EXPECT_EQ(wrap("Phường Yên Hòa Hà Nội", 10),
            (std::vector<std::u32string>{U"Phường Yên", U"Hòa Hà Nội"}));
  EXPECT_EQ(wrap("a  b\n\nc", 10), (std::vector<std::u32string>{U"a b", U"", U"c"}));
  EXPECT_EQ(wrap("", 10), (std::vector<std::u32string>{U""}));
}

TEST(SlipRender, AvoidsALastLineOfOneWord) {
  EXPECT_EQ(wrap("Thành phố Hà Nội", 12), (std::vector<std::u32string>{U"Thành phố", U"Hà Nội"}));
  EXPECT_EQ(wrap("ab cd\nef", 5), (std::vector<std::u32string>{U"ab cd", U"ef"}));  // per paragraph
  EXPECT_EQ(wrap("abc defghijk", 10), (std::vector<std::u32string>{U"abc", U"defghijk"}));
}

TEST(SlipRender, BreaksOverlongWordsPreferablyAtPunctuation) {
  EXPECT_EQ(wrap("abcdefghij", 4), (std::vector<std::u32string>{U"abcd", U"efgh", U"ij"}));
  EXPECT_EQ(wrap("ab-cdefg", 5), (std::vector<std::u32string>{U"ab-", U"cdefg"}));
  EXPECT_EQ(wrap("x abcdefg y", 4), (std::vector<std::u32string>{U"x", U"abcd", U"efg", U"y"}));
}

}  // namespace
}  // namespace kiosk::print
