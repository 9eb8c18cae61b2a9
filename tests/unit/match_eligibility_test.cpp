// Hard eligibility: age bounds (full birth date and year only), expiry,
// sessions and target groups. Eligible counts are before filters.

#include <gtest/gtest.h>

#include "core/matching.hpp"
#include "match_test_support.hpp"

namespace kiosk {
namespace {

using namespace match_testing;

// Vacancy for ages 18–35; now is 27/11/2026.
bool eligible_born(Date birth, bool year_only = false) {
  auto v = vacancy_at("v", test_home());
  v.min_age = 18;
  v.max_age = 35;
  auto q = adult_query();
  q.birth_date = birth;
  q.birth_year_only = year_only;
  return is_eligible(v, q);
}

TEST(MatchEligibility, AgeBoundsAreInclusive) {
  EXPECT_FALSE(eligible_born(Date{2008, 11, 28}));  // 17 until tomorrow: min − 1
  EXPECT_TRUE(eligible_born(Date{2008, 11, 27}));   // 18 today: min
  EXPECT_TRUE(eligible_born(Date{1990, 11, 28}));   // still 35: max
  EXPECT_TRUE(eligible_born(Date{1991, 1, 1}));     // 35: max
  EXPECT_FALSE(eligible_born(Date{1990, 11, 27}));  // 36 today: max + 1
}

TEST(MatchEligibility, BirthYearOnlyAcceptsEitherPossibleAge) {
  // 2026 − year, or one less when the birthday is still to come.
  EXPECT_FALSE(eligible_born(Date{2009, 1, 1}, true));  // 16 or 17
  EXPECT_TRUE(eligible_born(Date{2008, 1, 1}, true));   // 17 or 18
  EXPECT_TRUE(eligible_born(Date{1990, 1, 1}, true));   // 35 or 36
  EXPECT_FALSE(eligible_born(Date{1989, 1, 1}, true));  // 36 or 37
}

TEST(MatchEligibility, BirthYearOnlyIgnoresTheDayAndMonth) {
  // A full date of 31/12/2008 makes 17; year-only, the same year may be 18.
  EXPECT_FALSE(eligible_born(Date{2008, 12, 31}));
  EXPECT_TRUE(eligible_born(Date{2008, 12, 31}, true));
}

TEST(MatchEligibility, PossibleAges) {
  auto q = adult_query();
  q.birth_date = Date{1990, 6, 1};
  EXPECT_EQ(possible_ages(q), std::make_pair(36, 36));
  q.birth_year_only = true;
  EXPECT_EQ(possible_ages(q), std::make_pair(35, 36));
}

TEST(MatchEligibility, OpenAgeBoundsAcceptEveryone) {
  auto v = vacancy_at("v", test_home());
  v.min_age.reset();
  v.max_age.reset();
  auto q = adult_query();
  q.birth_date = Date{1950, 1, 1};
  EXPECT_TRUE(is_eligible(v, q));
  EXPECT_TRUE(age_eligible(v, 15));
}

TEST(MatchEligibility, ExpiredExactlyAtNowIsOut) {
  auto v = vacancy_at("v", test_home());
  const auto q = adult_query();
  v.expires_at = q.now;
  EXPECT_FALSE(is_eligible(v, q));
  v.expires_at = q.now + std::chrono::seconds(1);
  EXPECT_TRUE(is_eligible(v, q));
  v.expires_at = q.now - std::chrono::seconds(1);
  EXPECT_FALSE(is_eligible(v, q));
}

TEST(MatchEligibility, WrongSessionIsOut) {
  auto v = vacancy_at("v", test_home());
  v.session_ids = {"pgd-1", "pgd-2"};
  auto q = adult_query();
  q.active_session_ids = {"pgd-2"};
  EXPECT_TRUE(is_eligible(v, q));
  q.active_session_ids = {"pgd-3", "pgd-4"};
  EXPECT_FALSE(is_eligible(v, q));
  q.active_session_ids.clear();  // no session named: any
  EXPECT_TRUE(is_eligible(v, q));
  v.session_ids.clear();
  q.active_session_ids = {"pgd-1"};
  EXPECT_FALSE(is_eligible(v, q));
}

TEST(MatchEligibility, TargetGroupsMustIntersectWhenNamed) {
  auto veterans = vacancy_at("veterans", test_home());
  veterans.target_groups = {"thanh_nien", "bo_doi_xuat_ngu"};
  auto youth = vacancy_at("youth", test_home());
  youth.target_groups = {"thanh_nien"};
  const auto general = vacancy_at("general", test_home());  // names no group
  auto q = adult_query();
  q.target_groups = {"bo_doi_xuat_ngu"};
  EXPECT_TRUE(is_eligible(veterans, q));
  EXPECT_FALSE(is_eligible(youth, q));
  EXPECT_FALSE(is_eligible(general, q));
  q.target_groups.clear();
  EXPECT_TRUE(is_eligible(veterans, q));
  EXPECT_TRUE(is_eligible(youth, q));
  EXPECT_TRUE(is_eligible(general, q));
}

TEST(MatchEligibility, ResultCountsOnlyEligibleVacancies) {
  auto old_only = vacancy_at("old-only", test_home());
  old_only.min_age = 40;
  auto expired = vacancy_at("expired", test_home());
  expired.expires_at = test_now();
  const std::vector<Vacancy> vs = {old_only, expired, vacancy_at("ok", test_home())};
  const auto result = match_vacancies(vs, adult_query());
  EXPECT_EQ(result.eligible, 1u);
  EXPECT_EQ(result.shown, 1u);
  ASSERT_EQ(result.matches.size(), 1u);
  EXPECT_EQ(result.matches[0].vacancy.id, "ok");
}

}  // namespace
}  // namespace kiosk
