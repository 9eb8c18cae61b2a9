// Making one vacancy: job, place, pay, requirements, target groups, benefits,
// dates and interview slots, all drawn from the vacancy's own PRNG.

#include <algorithm>
#include <cmath>

#include "tools/central_dev/dev_data.hpp"
#include "tools/central_dev/dev_random.hpp"

namespace kiosk::dev {
namespace {

constexpr std::int64_t k_million = 1'000'000;

std::int64_t round_to(double value, std::int64_t step) {
  return static_cast<std::int64_t>(std::llround(value / static_cast<double>(step))) * step;
}

template <typename T>
std::size_t pick_index(DevRandom& rng, const T& items) {
  return static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(std::size(items)) - 1));
}

double jitter(DevRandom& rng, double degrees) {
  return (rng.unit() * 2.0 - 1.0) * degrees;
}

double round6(double x) {
  return std::round(x * 1e6) / 1e6;
}

void pick_job(DevVacancy& v, DevRandom& rng) {
  v.employer = static_cast<std::uint16_t>(pick_index(rng, employers()));
  const Sector sector = employers()[v.employer].sector;
  const auto jobs = sector_jobs(sector);
  v.occupation =
      static_cast<std::uint16_t>(occupation_index(jobs[pick_index(rng, jobs)]).value_or(0));
  const Occupation& occ = occupations()[v.occupation];
  v.title = (occ.titles[1].empty() || rng.chance(0.5)) ? 0 : 1;
  const auto traits = occ.traits;
  if (sector == Sector::overseas) {
    v.type = EmploymentType::overseas_contract;
    v.country = static_cast<std::uint8_t>(pick_index(rng, overseas_countries()));
  } else if ((traits & k_trait_part_time) != 0 && rng.chance(0.35)) {
    v.type = EmploymentType::part_time;
  } else if ((traits & k_trait_seasonal) != 0 && rng.chance(0.15)) {
    v.type = EmploymentType::seasonal;
  }
}

void pick_place(DevVacancy& v, const DevData& data, DevRandom& rng) {
  const auto& places = data.employer_wards[v.employer];
  const bool in_park = !employers()[v.employer].site.empty();
  v.ward = places[rng.chance(0.5) ? 0 : 1];
  if (!in_park && rng.chance(0.5)) {
    // Chains (shops, banks, security, delivery…) hire at branches city-wide.
    const auto& pool = rng.chance(0.75) ? data.urban_wards : data.rural_wards;
    v.ward = pool[pick_index(rng, pool)];
  }
  const Ward& ward = data.wards[v.ward];
  v.house_number = static_cast<std::uint16_t>(rng.between(1, in_park ? 40 : 299));
  v.street = static_cast<std::uint8_t>(ward.commune ? pick_index(rng, hamlets())
                                                    : pick_index(rng, streets()));
  v.lat = round6(ward.lat + jitter(rng, 0.004));
  v.lon = round6(ward.lon + jitter(rng, 0.004));
}

void pick_pay(DevVacancy& v, DevRandom& rng) {
  const Occupation& occ = occupations()[v.occupation];
  double lo = occ.salary_min_m * k_million;
  double hi = occ.salary_max_m * k_million;
  if (v.type == EmploymentType::overseas_contract) {
    lo = overseas_countries()[v.country].salary_min_m * k_million;
    hi = overseas_countries()[v.country].salary_max_m * k_million;
  }
  const double span = hi - lo;
  v.salary_min = round_to(lo + rng.unit() * span * 0.5, k_million / 2);
  v.salary_max =
      round_to(static_cast<double>(v.salary_min) + std::max(1e6, rng.unit() * span), k_million / 2);
  if (v.type == EmploymentType::part_time) {
    // Hourly pay, never below Hanoi's (region I) hourly minimum wage.
    v.hourly = true;
    v.salary_min = std::max<std::int64_t>(
        26'000, round_to(static_cast<double>(v.salary_min) * 0.85 / 208, 1000));
    v.salary_max = v.salary_min + rng.between(3, 10) * 1000;
  }
}

void pick_requirements(DevVacancy& v, DevRandom& rng) {
  const Occupation& occ = occupations()[v.occupation];
  v.education = occ.education;
  const bool overseas = v.type == EmploymentType::overseas_contract;
  v.min_age = occ.education == Education::university ? 22
              : occ.education == Education::college  ? 20
                                                     : 18;
  static constexpr int k_max_ages[] = {35, 40, 45, 0, 35, 50};
  v.max_age = k_max_ages[pick_index(rng, k_max_ages)];
  if (overseas) {
    v.max_age = rng.chance(0.5) ? 30 : 35;
  } else if (occ.isco08 == "5414") {
    v.max_age = rng.chance(0.5) ? 50 : 55;
  }
  static constexpr int k_entry[] = {0, 0, 0, 6};
  static constexpr int k_skilled[] = {0, 6, 12, 24};
  static constexpr int k_graduate[] = {0, 12, 24, 36};
  static constexpr int k_manager[] = {36, 60};
  if (occ.isco08[0] == '1') {
    v.experience_months = k_manager[pick_index(rng, k_manager)];
  } else if (occ.education == Education::university) {
    v.experience_months = k_graduate[pick_index(rng, k_graduate)];
  } else if (occ.education >= Education::upper_secondary) {
    v.experience_months = k_skilled[pick_index(rng, k_skilled)];
  } else {
    v.experience_months = k_entry[pick_index(rng, k_entry)];
  }
  v.skill_order = {0, 1, 2, 3};
  for (std::size_t i = 3; i > 0; --i) {
    std::swap(
        v.skill_order[i],
        v.skill_order[static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(i)))]);
  }
  v.skills_must = static_cast<std::uint8_t>(rng.between(1, 2));
  v.skills_nice = static_cast<std::uint8_t>(rng.between(1, 2));
  v.language = overseas || !occ.languages[v.title].empty();
  if (occ.education <= Education::lower_secondary) {
    v.positions = static_cast<int>(rng.between(1, 12) * 5);
  } else if (occ.education == Education::upper_secondary) {
    v.positions = static_cast<int>(rng.between(2, 20));
  } else if (occ.education == Education::university) {
    v.positions = static_cast<int>(rng.between(1, 5));
  } else {
    v.positions = static_cast<int>(rng.between(1, 8));
  }
  if (overseas) {
    v.positions = static_cast<int>(rng.between(2, 10) * 5);
  }
}

void pick_groups(DevVacancy& v, DevRandom& rng) {
  const Occupation& occ = occupations()[v.occupation];
  const auto traits = occ.traits;
  const bool overseas = v.type == EmploymentType::overseas_contract;
  auto add = [&v](TargetGroup g) {
    v.groups = static_cast<std::uint16_t>(v.groups | group_bit(g));
  };
  if ((traits & k_trait_veteran) != 0 && !overseas && rng.chance(0.4)) {
    add(TargetGroup::bo_doi_xuat_ngu);
  }
  if ((traits & k_trait_disability) != 0 && !overseas && rng.chance(0.3)) {
    add(TargetGroup::nguoi_khuyet_tat);
  }
  if (v.type == EmploymentType::part_time) {
    add(TargetGroup::lao_dong_ban_thoi_gian);
  }
  if ((traits & k_trait_law) != 0 && rng.chance(0.85)) {
    add(TargetGroup::sinh_vien_luat);
  }
  if (v.language && !overseas && rng.chance(0.8)) {
    add(TargetGroup::sinh_vien_ngoai_ngu);
  }
  if (v.max_age > 0 && v.max_age <= 35 && rng.chance(0.5)) {
    add(TargetGroup::thanh_nien);
  }
  if ((traits & k_trait_second_chance) != 0 && rng.chance(0.15)) {
    add(TargetGroup::nguoi_chap_hanh_xong_an_phat_tu);
  }
  if ((traits & k_trait_second_chance) != 0 && rng.chance(0.1)) {
    add(TargetGroup::nguoi_sau_cai_nghien);
  }
}

void pick_benefits(DevVacancy& v, DevRandom& rng) {
  const Sector sector = employers()[v.employer].sector;
  const Occupation& occ = occupations()[v.occupation];
  auto add = [&v](unsigned bit) { v.benefits |= 1U << bit; };
  if (v.type == EmploymentType::overseas_contract) {
    add(k_benefit_language_training);
    add(k_benefit_departure_loan);
    add(k_benefit_board);
    return;
  }
  if (v.type == EmploymentType::part_time) {
    add(k_benefit_flexible);
    if (rng.chance(0.5)) {
      add(2);  // meals
    }
    return;
  }
  add(k_benefit_insurance);
  if (is_factory(sector)) {
    add(2);  // meals
    if (rng.chance(0.6)) {
      add(k_benefit_bus);
    }
    if (rng.chance(0.5)) {
      add(5);  // attendance bonus
    }
    if (rng.chance(0.3)) {
      add(4);  // housing
    }
  }
  static constexpr unsigned k_general[] = {1, 6, 7, 8, 11};
  for (int n = 0; n < 2; ++n) {
    add(k_general[pick_index(rng, k_general)]);
  }
  if (occ.isco08 == "3322" || occ.isco08 == "5223" || occ.isco08 == "5244" ||
      occ.isco08 == "1221") {
    add(k_benefit_sales_bonus);
  }
  if (sector == Sector::hospitality && rng.chance(0.4)) {
    add(k_benefit_board);
  }
  if (sector == Sector::logistics || sector == Sector::transport) {
    add(10);  // fuel and phone allowance
  }
  if (occ.education == Education::none && rng.chance(0.5)) {
    add(9);  // free vocational training
  }
  if ((v.groups & group_bit(TargetGroup::nguoi_khuyet_tat)) != 0) {
    add(k_benefit_wheelchair);
  }
}

void pick_dates(DevVacancy& v, std::int64_t today, bool expired, DevRandom& rng) {
  const auto at = [](std::int64_t day, std::int64_t seconds) {
    return day * k_seconds_per_day + seconds;
  };
  const std::int64_t office_time = rng.between(8 * 60, 17 * 60) * 60;
  if (expired) {
    v.published_at = at(today - rng.between(45, 75), office_time);
    v.expires_at = at(today - rng.between(1, 10), k_seconds_per_day - 1);
  } else {
    v.published_at = at(today - rng.between(1, 30), office_time);
    v.expires_at = at(today + rng.between(7, 60), k_seconds_per_day - 1);
  }
  v.updated_at = v.published_at;
  if (rng.chance(0.2)) {
    v.version = 2;
    v.updated_at = std::min(v.published_at + rng.between(1, 5) * k_seconds_per_day,
                            at(today - 1, office_time));
    v.updated_at = std::max(v.updated_at, v.published_at);
  }
}

LocalSeconds window_start(DevRandom& rng, LocalSeconds from, LocalSeconds to) {
  const std::int64_t windows = (to - from) / 1800;  // 30-minute windows that fit
  return from + rng.between(0, windows - 1) * 1800;
}

void make_slots(DevVacancy& v, const DevData& data, bool special, DevRandom& rng) {
  v.sessions = static_cast<std::uint8_t>(1U << k_session_general);
  for (std::size_t s = k_session_veterans; s < k_session_count; ++s) {
    if ((data.sessions[s].groups & v.groups) != 0) {
      v.sessions = static_cast<std::uint8_t>(v.sessions | (1U << s));
    }
  }
  const bool at_employer = rng.chance(0.3);
  const auto count = static_cast<std::size_t>(rng.between(2, 6));
  for (std::size_t s = 0; s < k_session_count && v.slots.size() < count; ++s) {
    // The capacity-1 slot of a special vacancy is tomorrow, so it is still
    // ahead whatever time of day a test runs.
    if ((v.sessions & (1U << s)) != 0 && !(special && data.sessions[s].day == data.today)) {
      const DevSession& session = data.sessions[s];
      v.slots.push_back({window_start(rng, session.starts_at, session.ends_at), 0, 0,
                         static_cast<std::uint8_t>(s), false});
    }
  }
  while (v.slots.size() < count) {
    const std::int64_t day = data.today + rng.between(1, 2);
    const bool morning = rng.chance(0.5);
    const LocalSeconds from =
        day * k_seconds_per_day + (morning ? 8 * 3600 + 1800 : 13 * 3600 + 1800);
    v.slots.push_back({window_start(rng, from, from + 3 * 3600), 0, 0,
                       static_cast<std::uint8_t>(k_session_general), at_employer});
  }
  std::sort(v.slots.begin(), v.slots.end(),
            [](const DevSlot& a, const DevSlot& b) { return a.starts_at < b.starts_at; });
  v.slots.erase(
      std::unique(v.slots.begin(), v.slots.end(),
                  [](const DevSlot& a, const DevSlot& b) { return a.starts_at == b.starts_at; }),
      v.slots.end());
  for (DevSlot& slot : v.slots) {
    slot.capacity = static_cast<int>(rng.between(3, 10));
    const double r = rng.unit();
    slot.taken = r < 0.10   ? slot.capacity - 1  // nearly full
                 : r < 0.13 ? slot.capacity      // already full
                            : static_cast<int>(rng.between(0, slot.capacity / 2));
  }
  if (special) {
    v.slots.front().capacity = 1;
    v.slots.front().taken = 0;
  }
}

}  // namespace

DevVacancy make_vacancy(const DevData& data, std::uint64_t day_seed, std::uint32_t number) {
  DevRandom rng(mix_seed(day_seed, number));
  DevVacancy v;
  v.number = number;
  // Documented for tests: vacancies 7, 57, 107, … have a capacity-1 first
  // slot; vacancies 13, 63, 113, … (2%) have already expired.
  const bool special = number % 50 == 7;
  const bool expired = number % 50 == 13;
  pick_job(v, rng);
  pick_place(v, data, rng);
  pick_pay(v, rng);
  pick_requirements(v, rng);
  pick_groups(v, rng);
  pick_benefits(v, rng);
  pick_dates(v, data.today, expired, rng);
  make_slots(v, data, special, rng);
  return v;
}

}  // namespace kiosk::dev
