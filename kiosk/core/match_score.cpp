#include "core/match_score.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

namespace kiosk {
namespace {

constexpr double k_occupation_exact = 50.0;
constexpr double k_occupation_minor = 35.0;
constexpr double k_occupation_sub_major = 20.0;
constexpr double k_distance_max = 20.0;
constexpr double k_distance_half_km = 5.0;
constexpr double k_pay_max = 10.0;
constexpr double k_pay_floor_vnd = 5'000'000.0;
constexpr double k_pay_ceiling_vnd = 20'000'000.0;
constexpr double k_working_time = 8.0;
constexpr double k_freshness_max = 6.0;
constexpr double k_freshness_days = 30.0;
constexpr double k_slots = 6.0;
constexpr double k_near_km = 3.0;
constexpr std::int64_t k_fresh_reason_days = 7;
constexpr std::int64_t k_day_seconds = 86'400;

double occupation_points(OccupationFit fit) {
  switch (fit) {
    case OccupationFit::exact:
      return k_occupation_exact;
    case OccupationFit::minor:
      return k_occupation_minor;
    case OccupationFit::sub_major:
      return k_occupation_sub_major;
    case OccupationFit::none:
      break;
  }
  return 0.0;
}

bool published_known(const Vacancy& v) {
  return v.published_at.time_since_epoch().count() > 0;
}

// Whole Vietnam-local calendar days from `from` to `to`.
std::int64_t local_days_between(WallTime from, WallTime to) {
  const auto day = [](WallTime t) {
    const std::int64_t s = (t.time_since_epoch() + k_vietnam_utc_offset).count();
    return s >= 0 ? s / k_day_seconds : (s - k_day_seconds + 1) / k_day_seconds;
  };
  return day(to) - day(from);
}

std::string_view period_label(std::string_view period) {
  if (period == "hour") {
    return N_("giờ");
  }
  if (period == "day") {
    return N_("ngày");
  }
  if (period == "week") {
    return N_("tuần");
  }
  if (period == "year") {
    return N_("năm");
  }
  return N_("tháng");
}

std::optional<std::string> pay_reason(const Vacancy& v, const Tr& t) {
  const std::string_view per = t.tr(period_label(v.salary_period));
  if (v.salary_min_vnd > 0) {
    return t.trf("Lương từ {} ₫/{}", format_vnd_short(v.salary_min_vnd, t), per);
  }
  if (v.salary_max_vnd > 0) {
    return t.trf("Lương đến {} ₫/{}", format_vnd_short(v.salary_max_vnd, t), per);
  }
  return std::nullopt;
}

std::optional<std::string> freshness_reason(const Vacancy& v, WallTime now, const Tr& t) {
  if (!published_known(v)) {
    return std::nullopt;
  }
  const std::int64_t days = std::max<std::int64_t>(0, local_days_between(v.published_at, now));
  if (days == 0) {
    return std::string(t.tr("Mới đăng hôm nay"));
  }
  if (days == 1) {
    return std::string(t.tr("Mới đăng hôm qua"));
  }
  if (days <= k_fresh_reason_days) {
    return t.trn("Đăng {} ngày trước", "Đăng {} ngày trước", days);
  }
  return std::nullopt;
}

std::string_view occupation_reason(OccupationFit fit) {
  switch (fit) {
    case OccupationFit::exact:
      return N_("Đúng nghề bạn chọn");
    case OccupationFit::minor:
      return N_("Gần với nghề bạn chọn");
    case OccupationFit::sub_major:
      return N_("Cùng nhóm nghề bạn chọn");
    case OccupationFit::none:
      break;
  }
  return {};
}

std::string distance_reason(double km, const Tr& t) {
  if (km < k_near_km) {
    return std::string(t.tr("Gần nhà bạn"));
  }
  return t.trf("Cách nhà bạn khoảng {:.0f} km", std::round(km));
}

}  // namespace

ScoreParts score_parts(const Vacancy& v, const MatchQuery& query, std::optional<double> km,
                       OccupationFit fit) {
  ScoreParts p;
  p.occupation = occupation_points(fit);
  if (km) {
    p.distance = k_distance_max / (1.0 + *km / k_distance_half_km);
  }
  if (const auto pay = monthly_pay_vnd(v)) {
    const double share =
        (static_cast<double>(*pay) - k_pay_floor_vnd) / (k_pay_ceiling_vnd - k_pay_floor_vnd);
    p.pay = k_pay_max * std::clamp(share, 0.0, 1.0);
  }
  if (query.preferred_employment_type && v.employment_type == *query.preferred_employment_type) {
    p.working_time = k_working_time;
  }
  if (published_known(v)) {
    const double days =
        std::max(0.0, static_cast<double>((query.now - v.published_at).count()) / k_day_seconds);
    p.freshness = k_freshness_max * std::max(0.0, 1.0 - days / k_freshness_days);
  }
  p.slots = v.slots_available > 0 ? k_slots : 0.0;
  return p;
}

std::vector<std::string> reasons_for(const Vacancy& v, const MatchQuery& query,
                                     std::optional<double> km, OccupationFit fit,
                                     const ScoreParts& parts) {
  struct Reason {
    double points;
    std::string text;
  };
  const Tr& t = query.tr;
  std::vector<Reason> all;
  if (fit != OccupationFit::none) {
    all.push_back({parts.occupation, std::string(t.tr(occupation_reason(fit)))});
  }
  if (km) {
    all.push_back({parts.distance, distance_reason(*km, t)});
  }
  if (v.slots_available > 0) {
    all.push_back(
        {parts.slots, t.trn("Còn {} suất phỏng vấn", "Còn {} suất phỏng vấn", v.slots_available)});
  }
  if (parts.working_time > 0.0) {
    all.push_back({parts.working_time,
                   t.trf("{}, đúng như bạn muốn", t.tr(employment_type_label(v.employment_type)))});
  }
  if (auto text = pay_reason(v, t); text && parts.pay > 0.0) {
    all.push_back({parts.pay, std::move(*text)});
  }
  if (auto text = freshness_reason(v, query.now, t)) {
    all.push_back({parts.freshness, std::move(*text)});
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const Reason& a, const Reason& b) { return a.points > b.points; });
  std::vector<std::string> out;
  for (auto& r : all) {
    if (out.size() == 3) {
      break;
    }
    out.push_back(std::move(r.text));
  }
  if (out.size() < 2) {
    out.emplace_back(t.tr("Phù hợp độ tuổi của bạn"));
  }
  return out;
}

std::string format_vnd_short(std::int64_t vnd) {
  return format_vnd_short(vnd, Tr());
}

std::string format_vnd_short(std::int64_t vnd, const Tr& t) {
  // Vietnamese: 8,5 triệu and 25.000; English: 8.5 million and 25,000.
  const bool vi = t.lang() == Lang::vi;
  if (vnd >= 1'000'000) {
    const std::int64_t tenths = (vnd + 50'000) / 100'000;
    const std::string number =
        tenths % 10 == 0 ? std::to_string(tenths / 10)
                         : fmt::format("{}{}{}", tenths / 10, vi ? ',' : '.', tenths % 10);
    return t.trf("{} triệu", number);
  }
  const std::string digits = std::to_string(std::max<std::int64_t>(0, vnd));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += vi ? '.' : ',';
    }
    out += digits[i];
  }
  return out;
}

std::string format_salary(const Vacancy& v, const Tr& t) {
  if (!v.salary_text.empty()) {
    return v.salary_text;  // the employer's own words
  }
  if (v.salary_min_vnd <= 0 && v.salary_max_vnd <= 0) {
    return std::string(t.tr("Lương thoả thuận"));
  }
  const std::string_view per = t.tr(period_label(v.salary_period));
  const auto millions = [&](std::int64_t vnd) {
    std::string s = fmt::format("{:g}", std::round(static_cast<double>(vnd) / 1e5) / 10);
    if (t.lang() == Lang::vi) {
      std::replace(s.begin(), s.end(), '.', ',');
    }
    return s;
  };
  if (v.salary_min_vnd > 0 && v.salary_max_vnd > v.salary_min_vnd) {
    return t.trf("{}–{} triệu ₫/{}", millions(v.salary_min_vnd), millions(v.salary_max_vnd), per);
  }
  if (v.salary_min_vnd > 0) {
    return t.trf("Từ {} triệu ₫/{}", millions(v.salary_min_vnd), per);
  }
  return t.trf("Đến {} triệu ₫/{}", millions(v.salary_max_vnd), per);
}

}  // namespace kiosk
