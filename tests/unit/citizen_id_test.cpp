#include "core/citizen_id.hpp"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

constexpr const char* k_payload =
    "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên "
    "Hòa, Thành phố Hà Nội|01082021";

TEST(CitizenId, ParsesAllSevenFields) {
  const auto id = parse_citizen_id(k_payload);
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->id, "001095012345");
  EXPECT_EQ(id->old_id, "123456789");
  EXPECT_EQ(id->full_name, "Nguyễn Văn An");
  EXPECT_EQ(id->birth_date, (Date{1995, 3, 15}));
  EXPECT_EQ(id->sex, Sex::male);
  EXPECT_EQ(id->issue_date, (Date{2021, 8, 1}));
  EXPECT_TRUE(id->extras.empty());
}

TEST(CitizenId, KeepsExtraFieldsOf2024Cards) {
  const auto id = parse_citizen_id(
      "001195012345||Trần Thị Bình|29022000|Nữ|Phường Hoàn Kiếm, Thành phố Hà Nội|01072024|X|Y\r\n");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->sex, Sex::female);
  EXPECT_EQ(id->birth_date, (Date{2000, 2, 29}));
  ASSERT_EQ(id->extras.size(), 2u);
  EXPECT_EQ(id->extras[1], "Y");
}

TEST(CitizenId, NormalisesDecomposedTextToNfc) {
  // "Nguyễn" with the tone mark as combining characters (NFD).
  const std::string nfd = "Nguye\xcc\x82\xcc\x83n";
  const auto id = parse_citizen_id("001095012345||" + nfd +
                                   " Văn An|15031995|Nam|Hà Nội|01082021");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->full_name, "Nguyễn Văn An");
}

TEST(CitizenId, RejectsWithSpecificErrors) {
  EXPECT_EQ(parse_citizen_id("").error(), CitizenIdError::empty);
  EXPECT_EQ(parse_citizen_id("https://example.com/x").error(), CitizenIdError::not_citizen_id);
  EXPECT_EQ(parse_citizen_id("001095012345|123456789|Nguyễn").error(), CitizenIdError::incomplete);
  EXPECT_EQ(parse_citizen_id("001095012345||An|31021995|Nam|HN|01082021").error(),
            CitizenIdError::bad_date);
  EXPECT_EQ(parse_citizen_id("001095012345||An|15031995|Male|HN|01082021").error(),
            CitizenIdError::bad_sex);
  EXPECT_EQ(parse_citizen_id("123456789||An|15031995|Nam|HN|01082021").error(),
            CitizenIdError::bad_id);
  EXPECT_EQ(parse_citizen_id("001095012345|12345|An|15031995|Nam|HN|01082021").error(),
            CitizenIdError::bad_old_id);
  EXPECT_EQ(parse_citizen_id("001095012345|\xff\xfe|An|15031995|Nam|HN|01082021").error(),
            CitizenIdError::bad_encoding);
  EXPECT_FALSE(message_for(CitizenIdError::not_citizen_id).empty());
}

TEST(CitizenId, MasksIdForLogs) {
  EXPECT_EQ(mask_id("001095012345"), "001******345");
  EXPECT_EQ(mask_id("12ab"), "****");
}

TEST(CitizenId, WipeClearsEveryPersonalField) {
  auto id = parse_citizen_id(k_payload);
  ASSERT_TRUE(id.has_value());
  id->wipe();
  EXPECT_TRUE(id->id.empty());
  EXPECT_TRUE(id->full_name.empty());
  EXPECT_TRUE(id->address.empty());
  EXPECT_EQ(id->birth_date, Date{});
}

}  // namespace
}  // namespace kiosk
