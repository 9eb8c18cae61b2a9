#include "core/geo.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace kiosk {
namespace {

WardTable load_wards() {
  std::ifstream in(KIOSK_WARDS_FILE);
  std::stringstream ss;
  ss << in.rdbuf();
  auto table = WardTable::from_json(ss.str());
  EXPECT_TRUE(table.has_value());
  return table.value_or(WardTable{});
}

TEST(Geo, LoadsHanois126Wards) { EXPECT_EQ(load_wards().wards().size(), 126u); }

TEST(Geo, FindsWardInNewStyleAddress) {
  const auto wards = load_wards();
  const Ward* w = wards.find_in_address("Số 12 ngõ 34, Phường Yên Hòa, Thành phố Hà Nội");
  ASSERT_NE(w, nullptr);
  // The data spells it "Hoà" (old tone placement); folding matches both.
  EXPECT_EQ(w->full_name, "Phường Yên Hoà");
}

TEST(Geo, FallsBackToOldDistrictName) {
  const auto wards = load_wards();
  // Dịch Vọng ward no longer exists; the old district Cầu Giấy is now a ward.
  const Ward* w = wards.find_in_address("Số 5, Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->name, "Cầu Giấy");
  EXPECT_EQ(wards.find_in_address("Somewhere else entirely"), nullptr);
}

TEST(Geo, DistanceIsPlausible) {
  // Hoàn Kiếm lake to Nội Bài airport is about 21 km as the crow flies.
  const double km = distance_km({21.0285, 105.8522}, {21.2187, 105.8042});
  EXPECT_GT(km, 19.0);
  EXPECT_LT(km, 23.0);
}

}  // namespace
}  // namespace kiosk
