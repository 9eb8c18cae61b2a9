#include <gtest/gtest.h>

#include "core/text.hpp"
#include "core/time.hpp"

namespace kiosk {
namespace {

TEST(Text, FoldsVietnameseForSearch) {
  EXPECT_EQ(fold_for_search("Hà Nội"), "ha noi");
  EXPECT_EQ(fold_for_search("Thợ ĐIỆN  công nghiệp"), "tho dien cong nghiep");
  EXPECT_EQ(fold_for_search("Đống Đa"), "dong da");
}

TEST(Text, ValidatesUtf8) {
  EXPECT_TRUE(is_valid_utf8("Nguyễn"));
  EXPECT_FALSE(is_valid_utf8("\xc3\x28"));
}

TEST(Time, ParsesIsoWithOffsets) {
  const auto a = parse_iso8601("2026-11-27T08:30:00+07:00");
  const auto b = parse_iso8601("2026-11-27T01:30:00Z");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(format_vn_hhmm(*a), "08:30");
  EXPECT_EQ(format_iso8601_vn(*a), "2026-11-27T08:30:00+07:00");
  EXPECT_EQ(format_vn_weekday_date(*a), "Thứ Sáu, 27/11/2026");
  EXPECT_FALSE(parse_iso8601("2026-02-30T08:30:00Z"));
  EXPECT_FALSE(parse_iso8601("yesterday"));
}

TEST(Time, ComputesAgeAroundBirthdays) {
  EXPECT_EQ(age_on(Date{1995, 3, 15}, Date{2026, 3, 14}), 30);
  EXPECT_EQ(age_on(Date{1995, 3, 15}, Date{2026, 3, 15}), 31);
  EXPECT_FALSE(parse_ddmmyyyy("29022023"));
  EXPECT_TRUE(parse_ddmmyyyy("29022024"));
}

}  // namespace
}  // namespace kiosk
