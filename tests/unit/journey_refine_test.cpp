// Search, the occupation grid, the filters and the home ward, through the
// Journey with fake ports: what the person narrows, the list follows at once;
// the next person starts from nothing.

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "adapters/fake/fakes.hpp"
#include "adapters/fake/memory_outbox.hpp"
#include "core/journey.hpp"
#include "test_data.hpp"

namespace kiosk {
namespace {

using testing::k_card;
using testing::load_wards;

Vacancy job(std::string id, std::string title, std::string isco, double lat, double lon,
            std::string type = "full_time", std::int64_t pay = 8'000'000) {
  Vacancy v = testing::make_vacancy(std::move(id), lat, lon, 18, 60);
  v.title = std::move(title);
  v.employer_name = "Cơ sở Hoa Mai";  // no word of it begins with t, d or c
  v.isco08 = std::move(isco);
  v.occupation_label = v.title;
  v.employment_type = std::move(type);
  v.salary_min_vnd = pay;
  v.salary_max_vnd = pay;
  v.salary_period = "month";
  return v;
}

class JourneyRefine : public ::testing::Test {
 protected:
  JourneyRefine()
      : clock(*parse_iso8601("2026-11-27T09:00:00+07:00")),
        journey(JourneyPorts{api, outbox, printer, clock, runner}, config()) {
    auto catalog = std::make_shared<Catalog>();
    // Yên Hòa is about 21.02, 105.79: "near" ones are there, "far" ones in Sóc Sơn.
    catalog->vacancies = {
        job("electrician-near", "Thợ điện công trình", "7411", 21.021, 105.791),
        job("electrician-far", "Thợ điện dân dụng", "7411", 21.25, 105.85),
        job("welder-near", "Thợ hàn", "7212", 21.022, 105.792),
        job("cook-near", "Đầu bếp nhà hàng", "5120", 21.023, 105.793, "part_time", 6'000'000),
        job("fitter-near", "Thợ lắp đặt đường dây điện", "7413", 21.024, 105.794)};
    catalog->sessions = {JobFairSession{"pgd-20261127", "Phiên định kỳ", {}, "215 Trung Kính",
                                        *parse_iso8601("2026-11-27T08:00:00+07:00"),
                                        *parse_iso8601("2026-11-27T17:00:00+07:00")}};
    catalog->synced_at = clock.wall();
    journey.set_catalog(catalog, true);
    journey.on_scan(ScanEvent{k_card, "t"});
    journey.handle(intent::AcceptConsent{});
  }

  JourneyConfig config() {
    JourneyConfig c;
    c.kiosk_id = "hn-test";
    c.wards = load_wards();
    return c;
  }

  std::vector<std::string> shown() const {
    std::vector<std::string> ids;
    for (const auto& m : journey.view().matches) {
      ids.push_back(m.vacancy.id);
    }
    return ids;
  }

  fake::FakeCentralApi api;
  fake::MemoryOutbox outbox{api};
  fake::FakePrinter printer;
  fake::FakeClock clock;
  fake::ManualTaskRunner runner;
  Journey journey;
};

TEST_F(JourneyRefine, SearchNarrowsTheListOnEveryKeystrokeIgnoringDiacritics) {
  ASSERT_EQ(journey.view().screen, Screen::matches);
  EXPECT_EQ(journey.view().matches_shown, 5u);
  journey.handle(intent::ShowKeyboard{true});
  EXPECT_TRUE(journey.view().keyboard_open);
  journey.handle(intent::SetSearch{"t"});
  EXPECT_EQ(journey.view().matches_shown, 4u);  // thợ ×4 (and not "Đầu bếp")
  journey.handle(intent::SetSearch{"tho d"});
  EXPECT_EQ(journey.view().matches_shown, 3u);  // điện ×2 and "đường dây"
  journey.handle(intent::SetSearch{"tho dien"});
  EXPECT_EQ(journey.view().matches_shown, 3u);
  journey.handle(intent::SetSearch{"tho dien cong"});
  EXPECT_EQ(shown(), std::vector<std::string>{"electrician-near"});
  EXPECT_EQ(journey.view().matches_total, 5u);  // still eligible, only not shown
  journey.handle(intent::SetSearch{""});
  EXPECT_EQ(journey.view().matches_shown, 5u);
  journey.handle(intent::ShowKeyboard{false});
  EXPECT_FALSE(journey.view().keyboard_open);
}

TEST_F(JourneyRefine, AChosenOccupationComesFirstAndRelatedOnesAreOffered) {
  journey.handle(intent::OpenOccupations{});
  ASSERT_EQ(journey.view().screen, Screen::occupations);
  const auto& grid = journey.view().occupation_grid;
  ASSERT_EQ(grid.size(), 4u);  // 7411, 7212, 5120, 7413
  EXPECT_EQ(grid[0].isco08, "7411");  // the commonest first
  EXPECT_EQ(grid[0].vacancies, 2u);
  journey.handle(intent::ToggleOccupation{"7411"});
  EXPECT_TRUE(journey.view().occupation_grid[0].chosen);
  journey.handle(intent::ShowMatches{});
  ASSERT_EQ(journey.view().screen, Screen::matches);
  // Both electricians first (even the far one), then the same minor group.
  const auto ids = shown();
  ASSERT_GE(ids.size(), 3u);
  EXPECT_EQ(ids[0], "electrician-near");
  EXPECT_EQ(ids[1], "electrician-far");
  EXPECT_EQ(ids[2], "fitter-near");
  ASSERT_EQ(journey.view().chosen_occupations.size(), 1u);
  EXPECT_EQ(journey.view().chosen_occupations[0].isco08, "7411");
  ASSERT_FALSE(journey.view().related.empty());
  EXPECT_EQ(journey.view().related[0].isco08, "7413");  // same minor group 741
  // A related chip adds it; the chosen chip drops it again.
  journey.handle(intent::ToggleOccupation{"7413"});
  EXPECT_EQ(journey.view().chosen_occupations.size(), 2u);
  journey.handle(intent::ToggleOccupation{"7411"});
  journey.handle(intent::ToggleOccupation{"7413"});
  EXPECT_TRUE(journey.view().chosen_occupations.empty());
}

TEST_F(JourneyRefine, FiltersCountLiveAndClearAtOnce) {
  journey.handle(intent::OpenFilters{});
  ASSERT_EQ(journey.view().screen, Screen::filters);
  EXPECT_TRUE(journey.view().home_known);
  EXPECT_EQ(journey.view().occupation_groups, (std::vector<char>{'5', '7'}));
  TouchFilters f;
  f.max_km = 5;
  journey.handle(intent::SetFilters{f});
  EXPECT_EQ(journey.view().matches_shown, 4u);  // not the one in Sóc Sơn
  f.employment_type = "part_time";
  journey.handle(intent::SetFilters{f});
  EXPECT_EQ(shown(), std::vector<std::string>{"cook-near"});
  f.min_salary_million = 7;
  journey.handle(intent::SetFilters{f});
  EXPECT_TRUE(journey.view().matches.empty());
  EXPECT_EQ(journey.view().filters.active(), 3);
  journey.handle(intent::SetFilters{});
  EXPECT_EQ(journey.view().matches_shown, 5u);
  journey.handle(intent::ShowMatches{});
  EXPECT_EQ(journey.view().screen, Screen::matches);
}

TEST_F(JourneyRefine, TheChosenWardIsHomeAndNothingOutlivesTheSession) {
  journey.handle(intent::Cancel{});
  journey.on_scan(ScanEvent{k_card, "t"});
  ASSERT_EQ(journey.view().home_area, "Phường Yên Hoà");
  journey.handle(intent::OpenWardPicker{});
  ASSERT_EQ(journey.view().screen, Screen::ward);
  EXPECT_EQ(journey.view().wards.size(), 126u);
  journey.handle(intent::SetWardSearch{"soc s"});
  ASSERT_EQ(journey.view().wards.size(), 1u);
  journey.handle(intent::ChooseWard{journey.view().wards[0].code});
  ASSERT_EQ(journey.view().screen, Screen::consent);
  EXPECT_EQ(journey.view().home_area, "Xã Sóc Sơn");
  journey.handle(intent::AcceptConsent{});
  EXPECT_EQ(shown().front(), "electrician-far");  // now the nearest

  journey.handle(intent::SetSearch{"tho"});
  journey.handle(intent::ToggleOccupation{"7212"});
  journey.handle(intent::Cancel{});
  journey.on_scan(ScanEvent{k_card, "t"});
  EXPECT_EQ(journey.view().home_area, "Phường Yên Hoà");  // from the card again
  journey.handle(intent::AcceptConsent{});
  EXPECT_TRUE(journey.view().search_text.empty());
  EXPECT_TRUE(journey.view().chosen_occupations.empty());
  EXPECT_EQ(journey.view().matches_shown, 5u);
  EXPECT_EQ(shown().front(), "electrician-near");
}

TEST_F(JourneyRefine, NoWardLeavesHomeUnknownAndDropsTheDistanceFilter) {
  journey.handle(intent::Back{});  // matches → end: back to welcome
  journey.on_scan(ScanEvent{k_card, "t"});
  journey.handle(intent::OpenWardPicker{});
  journey.handle(intent::ChooseWard{""});
  EXPECT_TRUE(journey.view().home_area.empty());
  journey.handle(intent::AcceptConsent{});
  EXPECT_FALSE(journey.view().home_known);
  TouchFilters f;
  f.max_km = 3;  // meaningless without a home: ignored, not "nothing"
  journey.handle(intent::SetFilters{f});
  EXPECT_EQ(journey.view().matches_shown, 5u);
}

TEST_F(JourneyRefine, RefiningIntentsOutOfPlaceChangeNothing) {
  journey.handle(intent::Cancel{});
  journey.handle(intent::SetSearch{"tho"});
  journey.handle(intent::OpenFilters{});
  journey.handle(intent::ChooseWard{"00004"});
  EXPECT_EQ(journey.view().screen, Screen::welcome);
  EXPECT_TRUE(journey.view().search_text.empty());
  EXPECT_FALSE(journey.has_person());
}

}  // namespace
}  // namespace kiosk
