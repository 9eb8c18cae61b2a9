// The filters a person can touch, related occupations and the query
// builder shared by the kiosk and kioskctl.

#include <algorithm>

#include <gtest/gtest.h>

#include "core/match_query.hpp"
#include "core/matching.hpp"
#include "match_test_support.hpp"

namespace kiosk {
namespace {

using namespace match_testing;
using Ids = std::vector<std::string>;

// The ids shown, sorted: these tests are about membership, not order.
Ids ids_of(const MatchResult& r) {
  Ids ids;
  for (const auto& m : r.matches) {
    ids.push_back(m.vacancy.id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// Five eligible vacancies and one too-old-only one (never counted).
std::vector<Vacancy> catalog() {
  auto weld = vacancy_at("weld", north_of_home(2), "7212");
  weld.ward_code = "00001";
  weld.salary_min_vnd = 9'000'000;
  weld.salary_max_vnd = 12'000'000;
  weld.salary_period = "month";
  weld.education = "Trung cấp";
  auto cook = vacancy_at("cook", north_of_home(12), "5120");
  cook.ward_code = "00002";
  cook.employment_type = "part_time";
  cook.salary_min_vnd = 30'000;
  cook.salary_max_vnd = 35'000;
  cook.salary_period = "hour";  // about 7.3 million a month
  cook.education = "Không yêu cầu";
  auto clerk = vacancy_at("clerk", north_of_home(4), "4110");
  clerk.ward_code = "00003";
  clerk.education = "Đại học";  // no pay given
  auto driver = vacancy_at("driver", north_of_home(30), "8322");
  driver.ward_code = "00002";
  driver.salary_max_vnd = 15'000'000;
  driver.education = "bằng lái B2";  // not a level: stays in
  auto fitter = vacancy_at("fitter", north_of_home(6), "7233");
  fitter.ward_code = "00001";
  fitter.education = "THPT";
  auto elderly = vacancy_at("elderly-only", test_home(), "7212");
  elderly.min_age = 50;
  return {weld, cook, clerk, driver, fitter, elderly};
}

MatchResult run(const MatchFilters& filters, bool with_home = true) {
  auto q = adult_query();
  q.filters = filters;
  if (!with_home) {
    q.home.reset();
  }
  const auto vs = catalog();
  return match_vacancies(vs, q);
}

TEST(MatchFilters, NoFilterShowsEveryEligible) {
  const auto r = run({});
  EXPECT_EQ(r.eligible, 5u);
  EXPECT_EQ(r.shown, 5u);
}

TEST(MatchFilters, OccupationGroup) {
  MatchFilters f;
  f.occupation_groups = {"72"};
  auto r = run(f);
  EXPECT_EQ(r.eligible, 5u);
  EXPECT_EQ(r.shown, 2u);
  EXPECT_EQ(ids_of(r), (Ids{"fitter", "weld"}));
  f.occupation_groups = {"4", "8"};
  EXPECT_EQ(ids_of(run(f)), (Ids{"clerk", "driver"}));
}

TEST(MatchFilters, AreaByWardOrDistance) {
  MatchFilters f;
  f.ward_codes = {"00002"};
  EXPECT_EQ(ids_of(run(f)), (Ids{"cook", "driver"}));
  MatchFilters near;
  near.max_distance_km = 5.0;
  EXPECT_EQ(ids_of(run(near)), (Ids{"clerk", "weld"}));
  // Unknown home: the distance filter cannot apply and is ignored.
  EXPECT_EQ(run(near, false).shown, 5u);
}

TEST(MatchFilters, EmploymentType) {
  MatchFilters f;
  f.employment_types = {"part_time"};
  EXPECT_EQ(ids_of(run(f)), (Ids{"cook"}));
}

TEST(MatchFilters, MinimumMonthlySalary) {
  MatchFilters f;
  f.min_salary_vnd_month = 7'000'000;  // hourly cook: 35,000 × 208 = 7.28 million
  EXPECT_EQ(ids_of(run(f)), (Ids{"cook", "driver", "weld"}));
  f.min_salary_vnd_month = 13'000'000;
  EXPECT_EQ(ids_of(run(f)), (Ids{"driver"}));
  const auto r = run(f);
  EXPECT_EQ(r.eligible, 5u);
  EXPECT_EQ(r.shown, 1u);
}

TEST(MatchFilters, Education) {
  MatchFilters f;
  f.education = EducationLevel::upper_secondary;
  EXPECT_EQ(ids_of(run(f)), (Ids{"cook", "driver", "fitter"}));
  f.education = EducationLevel::university;
  EXPECT_EQ(run(f).shown, 5u);
  EXPECT_EQ(parse_education("Trung cấp"), EducationLevel::vocational);
  EXPECT_EQ(parse_education("trung cap"), EducationLevel::vocational);
  EXPECT_EQ(parse_education("ĐẠI HỌC"), EducationLevel::university);
  EXPECT_EQ(parse_education("college"), EducationLevel::college);
  EXPECT_FALSE(parse_education("bằng lái B2").has_value());
}

TEST(MatchFilters, TextHitsArePositionsInTheSpan) {
  MatchFilters f;
  f.text_hits = std::vector<std::uint32_t>{1, 3, 5};  // cook, driver, elderly-only
  const auto r = run(f);
  EXPECT_EQ(r.eligible, 5u);
  EXPECT_EQ(ids_of(r), (Ids{"cook", "driver"}));
  f.text_hits = std::vector<std::uint32_t>{};
  EXPECT_EQ(run(f).shown, 0u);
}

TEST(MatchFilters, FiltersCombine) {
  MatchFilters f;
  f.ward_codes = {"00001", "00002"};
  f.employment_types = {"full_time"};
  f.min_salary_vnd_month = 10'000'000;
  EXPECT_TRUE(f.any());
  EXPECT_EQ(ids_of(run(f)), (Ids{"driver", "weld"}));
  EXPECT_FALSE(MatchFilters{}.any());
}

TEST(MatchRelated, SameMinorGroupThenSubMajorPresentInCatalog) {
  std::vector<Vacancy> vs;
  const auto add = [&](const std::string& id, const std::string& code, int n) {
    for (int i = 0; i < n; ++i) {
      vs.push_back(vacancy_at(id + std::to_string(i), test_home(), code));
      vs.back().occupation_label = "nghề " + code;
    }
  };
  add("chosen", "7212", 2);
  add("minor-a", "7214", 1);
  add("minor-b", "7213", 3);
  add("sub", "7233", 2);
  add("other", "7411", 4);
  add("far", "5120", 1);
  auto q = adult_query();
  q.occupations = {"7212"};
  const auto related = related_occupations(vs, q, 8);
  ASSERT_EQ(related.size(), 3u);
  EXPECT_EQ(related[0].isco08, "7213");
  EXPECT_EQ(related[0].vacancies, 3u);
  EXPECT_EQ(related[0].label, "nghề 7213");
  EXPECT_EQ(related[0].fit, OccupationFit::minor);
  EXPECT_EQ(related[1].isco08, "7214");
  EXPECT_EQ(related[2].isco08, "7233");
  EXPECT_EQ(related[2].fit, OccupationFit::sub_major);
  EXPECT_EQ(related_occupations(vs, q, 1).size(), 1u);
  q.occupations.clear();
  EXPECT_TRUE(related_occupations(vs, q, 8).empty());
}

TEST(MatchRelated, OnlyVacanciesThePersonMayTakeCount) {
  std::vector<Vacancy> vs = {vacancy_at("a", test_home(), "7213"),
                             vacancy_at("b", test_home(), "7214")};
  vs[1].min_age = 50;
  auto q = adult_query();
  q.occupations = {"7212"};
  const auto related = related_occupations(vs, q, 8);
  ASSERT_EQ(related.size(), 1u);
  EXPECT_EQ(related[0].isco08, "7213");
}

TEST(MatchQueryFor, FallsBackToTodaysSessions) {
  std::vector<JobFairSession> sessions(3);
  sessions[0].id = "yesterday";
  sessions[0].starts_at = *parse_iso8601("2026-11-26T08:00:00+07:00");
  sessions[0].ends_at = *parse_iso8601("2026-11-26T17:00:00+07:00");
  sessions[1].id = "today";
  sessions[1].starts_at = *parse_iso8601("2026-11-27T08:00:00+07:00");
  sessions[1].ends_at = *parse_iso8601("2026-11-27T17:00:00+07:00");
  sessions[2].id = "this-week";
  sessions[2].starts_at = *parse_iso8601("2026-11-23T08:00:00+07:00");
  sessions[2].ends_at = *parse_iso8601("2026-11-28T17:00:00+07:00");
  const MatchPerson person{Date{1990, 5, 6}, false, test_home()};
  auto q = match_query_for(person, MatchScope{}, sessions, test_now());
  EXPECT_EQ(q.active_session_ids, (Ids{"today", "this-week"}));
  EXPECT_EQ(q.birth_date, (Date{1990, 5, 6}));
  EXPECT_FALSE(q.birth_year_only);
  EXPECT_EQ(q.now, test_now());
  ASSERT_TRUE(q.home.has_value());
  const MatchScope scope{{"yesterday"}, {"bo_doi_xuat_ngu"}};
  q = match_query_for(person, scope, sessions, test_now());
  EXPECT_EQ(q.active_session_ids, (Ids{"yesterday"}));
  EXPECT_EQ(q.target_groups, (Ids{"bo_doi_xuat_ngu"}));
}

TEST(MatchQueryFor, PersonFromIdNumberKnowsOnlyTheYear) {
  const auto person = match_person_from_id_number("001095012345", 2026);
  ASSERT_TRUE(person.has_value());
  EXPECT_EQ(person->birth_date.year, 1995);
  EXPECT_TRUE(person->birth_year_only);
  EXPECT_FALSE(person->home.has_value());
  EXPECT_FALSE(match_person_from_id_number("001295012345", 2026).has_value());  // 2095
  EXPECT_FALSE(match_person_from_id_number("12345", 2026).has_value());
}

TEST(MatchQueryFor, PersonFromCardWithoutWardTable) {
  CitizenId card;
  card.birth_date = Date{1995, 3, 15};
  card.address = "Phường Yên Hòa, Thành phố Hà Nội";
  const auto person = match_person_from_card(card, nullptr);
  EXPECT_EQ(person.birth_date, (Date{1995, 3, 15}));
  EXPECT_FALSE(person.birth_year_only);
  EXPECT_FALSE(person.home.has_value());
}

}  // namespace
}  // namespace kiosk
