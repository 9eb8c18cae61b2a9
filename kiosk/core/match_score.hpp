#pragma once
// The score of an eligible vacancy for one person, as a sum of parts, and
// the plain reasons shown with it. Weights (points, total at most 100):
//   occupation  exact 50 · same minor group 35 · same sub-major group 20
//   distance    up to 20: 20 / (1 + km / 5)  (5 km → 10, 15 km → 5)
//   pay         up to 10: linear from 5 to 20 million ₫/month (monthly_pay_vnd)
//   working time 8 when the vacancy is the preferred employment type
//   freshness   up to 6: linear from published now to 30 days old
//   open slots  6 when an interview slot can be booked at the kiosk
// So an exact occupation next door beats a minor-group one next door, and
// occupation usually outweighs a few kilometres.

#include <optional>
#include <string>
#include <vector>

#include "core/matching.hpp"

namespace kiosk {

struct ScoreParts {
  double occupation = 0.0;
  double distance = 0.0;
  double pay = 0.0;
  double working_time = 0.0;
  double freshness = 0.0;
  double slots = 0.0;

  double total() const { return occupation + distance + pay + working_time + freshness + slots; }
};

/// The parts for one vacancy; `km` is the distance from home (nullopt when
/// unknown: no distance points). `fit` is occupation_fit() against
/// query.occupations.
ScoreParts score_parts(const Vacancy& v, const MatchQuery& query, std::optional<double> km,
                       OccupationFit fit);

/// Two or three short Vietnamese reasons, strongest part first ("Đúng nghề
/// bạn chọn", "Gần nhà bạn", "Còn 5 suất phỏng vấn"…); when fewer than two
/// parts speak for the vacancy, "Phù hợp độ tuổi của bạn" completes them.
std::vector<std::string> reasons_for(const Vacancy& v, const MatchQuery& query,
                                     std::optional<double> km, OccupationFit fit,
                                     const ScoreParts& parts);

/// "8 triệu", "8,5 triệu", "25.000" (VND amounts as Vietnamese write them).
std::string format_vnd_short(std::int64_t vnd);
/// The same in the translator's language ("8.5 million", "25,000" in English).
std::string format_vnd_short(std::int64_t vnd, const Tr& t);

/// A vacancy's pay as a line: the employer's own text when given, else
/// "8–12 triệu ₫/tháng" ("₫8–12 million/month"), "Từ 8 triệu ₫/tháng", or
/// "Lương thoả thuận" when no amount is given.
std::string format_salary(const Vacancy& v, const Tr& t);

}  // namespace kiosk
