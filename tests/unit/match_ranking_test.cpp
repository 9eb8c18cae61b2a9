// Ranking: occupation fit, distance, pay, working time, freshness and
// slots in the score; the tie-break; the reasons shown with each result.

#include <gtest/gtest.h>

#include "core/match_score.hpp"
#include "core/matching.hpp"
#include "match_test_support.hpp"

namespace kiosk {
namespace {

using namespace match_testing;

std::vector<std::string> ids_of(const MatchResult& r) {
  std::vector<std::string> ids;
  for (const auto& m : r.matches) {
    ids.push_back(m.vacancy.id);
  }
  return ids;
}

using Ids = std::vector<std::string>;

TEST(MatchRanking, OccupationLevelFourBeatsThreeBeatsTwo) {
  const GeoPoint p = north_of_home(2.0);
  const std::vector<Vacancy> vs = {vacancy_at("other", p, "5120"),
                                   vacancy_at("sub-major", p, "7233"),
                                   vacancy_at("minor", p, "7213"), vacancy_at("exact", p, "7212")};
  auto q = adult_query();
  q.occupations = {"7212"};
  const auto r = match_vacancies(vs, q);
  EXPECT_EQ(ids_of(r), (Ids{"exact", "minor", "sub-major", "other"}));
  EXPECT_EQ(r.matches[0].occupation_fit, OccupationFit::exact);
  EXPECT_EQ(r.matches[1].occupation_fit, OccupationFit::minor);
  EXPECT_EQ(r.matches[2].occupation_fit, OccupationFit::sub_major);
  EXPECT_EQ(r.matches[3].occupation_fit, OccupationFit::none);
  EXPECT_GT(r.matches[0].score, r.matches[1].score);
  EXPECT_GT(r.matches[1].score, r.matches[2].score);
  EXPECT_GT(r.matches[2].score, r.matches[3].score);
}

TEST(MatchRanking, AnyChosenCodeCounts) {
  const std::vector<std::string> chosen = {"5120", "7212"};
  EXPECT_EQ(occupation_fit("7212", chosen), OccupationFit::exact);
  EXPECT_EQ(occupation_fit("5123", chosen), OccupationFit::minor);
  EXPECT_EQ(occupation_fit("5131", chosen), OccupationFit::sub_major);
  EXPECT_EQ(occupation_fit("5223", chosen), OccupationFit::none);  // same major group only
  EXPECT_EQ(occupation_fit("", chosen), OccupationFit::none);
  const std::vector<std::string> group = {"72"};
  EXPECT_EQ(occupation_fit("7212", group), OccupationFit::sub_major);
}

TEST(MatchRanking, NearerFirstWhenOccupationTies) {
  const std::vector<Vacancy> vs = {
      vacancy_at("far", north_of_home(20), "7212"), vacancy_at("near", north_of_home(1), "7212"),
      vacancy_at("mid", north_of_home(6), "7212"), vacancy_at("nowhere", {}, "7212")};
  auto nowhere = vs;
  nowhere[3].lat.reset();
  nowhere[3].lon.reset();
  auto q = adult_query();
  q.occupations = {"7212"};
  const auto r = match_vacancies(nowhere, q);
  EXPECT_EQ(ids_of(r), (Ids{"near", "mid", "far", "nowhere"}));
  ASSERT_TRUE(r.matches[1].distance_km.has_value());
  EXPECT_NEAR(*r.matches[1].distance_km, 6.0, 0.05);
  EXPECT_FALSE(r.matches[3].distance_km.has_value());
}

TEST(MatchRanking, OverseasContractsAreNearNobody) {
  auto abroad = vacancy_at("abroad", test_home());
  abroad.employment_type = "overseas_contract";
  const auto r = match_vacancies(std::vector<Vacancy>{abroad}, adult_query());
  ASSERT_EQ(r.matches.size(), 1u);
  EXPECT_FALSE(r.matches[0].distance_km.has_value());
  EXPECT_EQ(r.matches[0].reasons, (Ids{"Còn 5 suất phỏng vấn", "Phù hợp độ tuổi của bạn"}));
}

TEST(MatchRanking, ExactOccupationOutweighsAFewKilometres) {
  const std::vector<Vacancy> vs = {vacancy_at("minor-next-door", north_of_home(0.2), "7213"),
                                   vacancy_at("exact-10km", north_of_home(10), "7212")};
  auto q = adult_query();
  q.occupations = {"7212"};
  EXPECT_EQ(ids_of(match_vacancies(vs, q)), (Ids{"exact-10km", "minor-next-door"}));
}

TEST(MatchRanking, TiesBreakById) {
  const std::vector<Vacancy> vs = {vacancy_at("c", test_home()), vacancy_at("a", test_home()),
                                   vacancy_at("b", test_home())};
  const auto r = match_vacancies(vs, adult_query());
  EXPECT_EQ(ids_of(r), (Ids{"a", "b", "c"}));
  EXPECT_EQ(r.matches[0].score, r.matches[2].score);
}

TEST(MatchRanking, PayFreshnessSlotsAndWorkingTimeAddUp) {
  auto paid = vacancy_at("paid", test_home());
  paid.salary_min_vnd = 12'000'000;
  paid.salary_max_vnd = 15'000'000;
  paid.salary_period = "month";
  auto fresh = vacancy_at("fresh", test_home());
  fresh.published_at = test_now() - std::chrono::hours(2);
  auto no_slots = vacancy_at("no-slots", test_home());
  no_slots.slots_available = 0;
  auto part = vacancy_at("part-time", test_home());
  part.employment_type = "part_time";
  const std::vector<Vacancy> vs = {no_slots, fresh, part, paid, vacancy_at("plain", test_home())};
  auto q = adult_query();
  EXPECT_EQ(ids_of(match_vacancies(vs, q)),
            (Ids{"paid", "fresh", "part-time", "plain", "no-slots"}));
  q.preferred_employment_type = "part_time";
  EXPECT_EQ(match_vacancies(vs, q).matches[0].vacancy.id, "part-time");
}

TEST(MatchRanking, ReasonsStrongestFirst) {
  auto v = vacancy_at("v", north_of_home(0.5), "7212");
  v.salary_min_vnd = 8'000'000;
  v.salary_max_vnd = 10'000'000;
  v.salary_period = "month";
  auto q = adult_query();
  q.occupations = {"7212"};
  const auto r = match_vacancies(std::vector<Vacancy>{v}, q);
  ASSERT_EQ(r.matches.size(), 1u);
  EXPECT_EQ(r.matches[0].reasons,
            (Ids{"Đúng nghề bạn chọn", "Gần nhà bạn", "Còn 5 suất phỏng vấn"}));
}

TEST(MatchRanking, ReasonsNameDistancePayAndFreshness) {
  auto v = vacancy_at("v", north_of_home(7), "");
  v.slots_available = 0;
  v.salary_min_vnd = 8'000'000;
  v.salary_max_vnd = 20'000'000;
  v.published_at = test_now() - std::chrono::hours(1);
  const auto r = match_vacancies(std::vector<Vacancy>{v}, adult_query());
  ASSERT_EQ(r.matches.size(), 1u);
  EXPECT_EQ(r.matches[0].reasons,
            (Ids{"Lương từ 8 triệu ₫/tháng", "Cách nhà bạn khoảng 7 km", "Mới đăng hôm nay"}));
}

TEST(MatchRanking, AtLeastTwoReasons) {
  auto v = vacancy_at("v", {}, "");
  v.lat.reset();
  v.lon.reset();
  v.slots_available = 0;
  const auto r = match_vacancies(std::vector<Vacancy>{v}, adult_query());
  ASSERT_EQ(r.matches.size(), 1u);
  EXPECT_EQ(r.matches[0].reasons, (Ids{"Phù hợp độ tuổi của bạn"}));
  v.slots_available = 3;
  const auto r2 = match_vacancies(std::vector<Vacancy>{v}, adult_query());
  EXPECT_EQ(r2.matches[0].reasons, (Ids{"Còn 3 suất phỏng vấn", "Phù hợp độ tuổi của bạn"}));
}

TEST(MatchRanking, LimitKeepsTheBestAndCountsTheRest) {
  std::vector<Vacancy> vs;
  for (int i = 0; i < 10; ++i) {
    vs.push_back(vacancy_at("v" + std::to_string(i), north_of_home(9.0 - i)));
  }
  auto q = adult_query();
  q.limit = 3;
  const auto r = match_vacancies(vs, q);
  EXPECT_EQ(r.eligible, 10u);
  EXPECT_EQ(r.shown, 10u);
  EXPECT_EQ(ids_of(r), (Ids{"v9", "v8", "v7"}));
}

TEST(MatchRanking, ShortVndAmounts) {
  EXPECT_EQ(format_vnd_short(8'000'000), "8 triệu");
  EXPECT_EQ(format_vnd_short(8'500'000), "8,5 triệu");
  EXPECT_EQ(format_vnd_short(12'000'000), "12 triệu");
  EXPECT_EQ(format_vnd_short(25'000), "25.000");
  EXPECT_EQ(format_vnd_short(125'000), "125.000");
}

}  // namespace
}  // namespace kiosk
