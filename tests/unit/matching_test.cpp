#include "core/matching.hpp"

#include <gtest/gtest.h>

#include "test_data.hpp"

namespace kiosk {
namespace {

using testing::make_vacancy;

MatchQuery query_for(Date birth) {
  MatchQuery q;
  q.birth_date = birth;
  q.now = *parse_iso8601("2026-11-27T09:00:00+07:00");
  q.home = GeoPoint{21.03, 105.80};
  return q;
}

TEST(Matching, KeepsOnlyAgeEligibleSortedNearestFirst) {
  const std::vector<Vacancy> vs = {
      make_vacancy("far", 21.20, 105.80, 18, 45),
      make_vacancy("near", 21.031, 105.801, 18, 45),
      make_vacancy("too-young-only", 21.03, 105.80, 18, 25),
      make_vacancy("mid", 21.08, 105.80, 18, 60),
  };
  const auto result = match_vacancies(vs, query_for(Date{1990, 1, 1}));  // 36 years old
  const auto& matches = result.matches;
  EXPECT_EQ(result.eligible, 3u);
  ASSERT_EQ(matches.size(), 3u);
  EXPECT_EQ(matches[0].vacancy.id, "near");
  EXPECT_EQ(matches[1].vacancy.id, "mid");
  EXPECT_EQ(matches[2].vacancy.id, "far");
  EXPECT_EQ(matches[0].reasons.front(), "Gần nhà bạn");
  EXPECT_EQ(matches[0].reasons.back(), "Còn 5 suất phỏng vấn");
}

TEST(Matching, AgeBoundsAreInclusiveOnTheBirthday) {
  const auto v = make_vacancy("v", 21.0, 105.8, 18, 35);
  EXPECT_TRUE(age_eligible(v, 18));
  EXPECT_TRUE(age_eligible(v, 35));
  EXPECT_FALSE(age_eligible(v, 36));
  EXPECT_FALSE(age_eligible(v, 17));
}

TEST(Matching, FiltersExpiredAndOtherSessions) {
  auto expired = make_vacancy("expired", 21.0, 105.8, 18, 60);
  expired.expires_at = *parse_iso8601("2026-11-26T17:00:00+07:00");
  const std::vector<Vacancy> vs = {expired, make_vacancy("other", 21.0, 105.8, 18, 60, "pgd-x"),
                                   make_vacancy("ok", 21.0, 105.8, 18, 60)};
  auto q = query_for(Date{1990, 1, 1});
  q.active_session_ids = {"pgd-20261127"};
  const auto matches = match_vacancies(vs, q).matches;
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].vacancy.id, "ok");
}

TEST(Matching, LimitKeepsTheNearestAndCountsTheRest) {
  std::vector<Vacancy> vs;
  for (int i = 0; i < 10; ++i) {
    vs.push_back(make_vacancy("v" + std::to_string(i), 21.03 + 0.01 * (9 - i), 105.80, 18, 60));
  }
  auto q = query_for(Date{1990, 1, 1});
  q.limit = 3;
  const auto result = match_vacancies(vs, q);
  EXPECT_EQ(result.eligible, 10u);
  ASSERT_EQ(result.matches.size(), 3u);
  EXPECT_EQ(result.matches[0].vacancy.id, "v9");
  EXPECT_EQ(result.matches[2].vacancy.id, "v7");
}

TEST(Matching, UnknownHomeStillListsEverythingEligible) {
  const std::vector<Vacancy> vs = {make_vacancy("b", 21.2, 105.8, 18, 60),
                                   make_vacancy("a", 21.0, 105.8, 18, 60)};
  auto q = query_for(Date{1990, 1, 1});
  q.home.reset();
  const auto matches = match_vacancies(vs, q).matches;
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_FALSE(matches[0].distance_km.has_value());
}

}  // namespace
}  // namespace kiosk
