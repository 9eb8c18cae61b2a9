#include "core/citizen_id.hpp"

#include <nlohmann/json.hpp>

#include "core/booking.hpp"

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

namespace kiosk {
namespace {

TEST(CitizenIdNumberOnly, TakesSexAndBirthYearFromTheDigits) {
  const auto man = citizen_from_id_only("001095012345\r\n", 2026);
  ASSERT_TRUE(man.has_value());
  EXPECT_EQ(man->id, "001095012345");
  EXPECT_TRUE(man->birth_year_only);
  EXPECT_EQ(man->birth_date.year, 1995);
  EXPECT_EQ(man->sex, Sex::male);
  EXPECT_TRUE(man->full_name.empty());
  EXPECT_TRUE(man->address.empty());

  const auto woman = citizen_from_id_only("079301012345", 2026);  // 3: 2000s, female
  ASSERT_TRUE(woman.has_value());
  EXPECT_EQ(woman->birth_date.year, 2001);
  EXPECT_EQ(woman->sex, Sex::female);
}

TEST(CitizenIdNumberOnly, RefusesAnythingButAPlausibleNumber) {
  EXPECT_FALSE(citizen_from_id_only("001299012345", 2026));  // born 2099
  EXPECT_FALSE(citizen_from_id_only("00109501234", 2026));   // 11 digits
  EXPECT_FALSE(citizen_from_id_only("0010950123456", 2026));
  EXPECT_FALSE(citizen_from_id_only("00109501234x", 2026));
  EXPECT_FALSE(citizen_from_id_only("", 2026));
  EXPECT_FALSE(citizen_from_id_only("001095012345|", 2026));
  EXPECT_TRUE(citizen_from_id_only("001226012345", 2026));  // born 2026: the year is possible
}

TEST(CitizenIdNumberOnly, WipeForgetsTheYearOnlyMark) {
  auto person = citizen_from_id_only("001095012345", 2026);
  ASSERT_TRUE(person);
  person->wipe();
  EXPECT_FALSE(person->birth_year_only);
  EXPECT_TRUE(person->id.empty());
}

TEST(BookingBody, CarriesTheFullReadingOrOnlyWhatTheNumberSays) {
  BookingRequest full{"k", "kiosk", "vac", "slot", "001095012345", "Nguyễn Văn An",
                      Date{1995, 3, 15}, Sex::male, ""};
  const auto a = booking_body(full);
  EXPECT_EQ(a["citizen"]["full_name"], "Nguyễn Văn An");
  EXPECT_EQ(a["citizen"]["birth_date"], "1995-03-15");
  EXPECT_FALSE(a["citizen"].contains("birth_year"));
  EXPECT_FALSE(a.contains("phone"));

  BookingRequest number_only{"k", "kiosk", "vac", "slot", "001095012345", "",
                             Date{1995, 1, 1}, Sex::male, ""};
  number_only.birth_year_only = true;
  const auto b = booking_body(number_only);
  EXPECT_EQ(b["citizen"]["id"], "001095012345");
  EXPECT_EQ(b["citizen"]["birth_year"], 1995);
  EXPECT_EQ(b["citizen"]["id_number_only"], true);
  EXPECT_EQ(b["citizen"]["sex"], "Nam");
  EXPECT_FALSE(b["citizen"].contains("full_name"));
  EXPECT_FALSE(b["citizen"].contains("birth_date"));
}

}  // namespace
}  // namespace kiosk
