// Loading the wards, building the sessions and the ids; the vacancies
// themselves are made in dev_vacancy_maker.cpp.

#include "tools/central_dev/dev_data.hpp"

#include <charconv>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tools/central_dev/dev_random.hpp"

namespace kiosk::dev {

namespace {

constexpr std::string_view k_centre_venue =
    "Trung tâm Dịch vụ việc làm Hà Nội, 215 Trung Kính, Phường Yên Hoà";

DevSession make_session(std::int64_t day, std::string_view suffix, std::string_view title,
                        std::string_view venue, std::uint16_t groups, int start_minute,
                        int end_minute) {
  DevSession s;
  s.id = fmt::format("pgd-{}{}", format_day_compact(day), suffix);
  s.title = std::string(title);
  s.venue = std::string(venue);
  s.groups = groups;
  s.day = day;
  s.starts_at = day * k_seconds_per_day + start_minute * 60;
  s.ends_at = day * k_seconds_per_day + end_minute * 60;
  return s;
}

std::vector<DevSession> make_sessions(std::int64_t today) {
  constexpr int morning = 8 * 60;
  constexpr int noon = 11 * 60 + 30;
  constexpr int afternoon = 13 * 60 + 30;
  constexpr int evening = 16 * 60 + 30;
  std::vector<DevSession> s;
  s.push_back(make_session(today - 7, "", "Phiên giao dịch việc làm định kỳ", k_centre_venue, 0,
                           morning, noon));
  s.push_back(make_session(today, "", "Phiên giao dịch việc làm định kỳ", k_centre_venue, 0,
                           morning, noon));
  s.push_back(
      make_session(today, "-bdxn", "Phiên giao dịch việc làm chuyên đề dành cho bộ đội xuất ngũ",
                   k_centre_venue, group_bit(TargetGroup::bo_doi_xuat_ngu), afternoon, evening));
  s.push_back(make_session(today + 1, "-btg", "Phiên giao dịch việc làm bán thời gian",
                           k_centre_venue, group_bit(TargetGroup::lao_dong_ban_thoi_gian), morning,
                           noon));
  s.push_back(make_session(today + 2, "-nkt", "Phiên giao dịch việc làm dành cho người khuyết tật",
                           k_centre_venue, group_bit(TargetGroup::nguoi_khuyet_tat), morning,
                           noon));
  s.push_back(make_session(today + 3, "-luat",
                           "Phiên giao dịch việc làm cho sinh viên tốt nghiệp ngành Luật",
                           "Trường Đại học Luật Hà Nội, 87 Nguyễn Chí Thanh, Phường Láng",
                           group_bit(TargetGroup::sinh_vien_luat), morning, noon));
  s.push_back(make_session(today + 3, "-nn",
                           "Phiên giao dịch việc làm cho sinh viên tốt nghiệp ngành Ngoại ngữ",
                           "Trường Đại học Ngoại ngữ - ĐHQGHN, 2 Phạm Văn Đồng, Phường Cầu Giấy",
                           group_bit(TargetGroup::sinh_vien_ngoai_ngu), afternoon, evening));
  return s;
}

std::optional<std::uint16_t> ward_by_code(const std::vector<Ward>& wards, std::string_view code) {
  for (std::size_t i = 0; i < wards.size(); ++i) {
    if (wards[i].code == code) {
      return static_cast<std::uint16_t>(i);
    }
  }
  return std::nullopt;
}

// Each employer has two main places: its industrial park, or city offices
// (mostly in urban wards, sometimes in a commune).
tl::expected<std::vector<std::array<std::uint16_t, 2>>, std::string> place_employers(
    const DevData& data, std::uint64_t seed) {
  const auto& wards = data.wards;
  const auto& urban = data.urban_wards;
  const auto& rural = data.rural_wards;
  std::vector<std::array<std::uint16_t, 2>> placed;
  for (std::size_t e = 0; e < employers().size(); ++e) {
    const Employer& employer = employers()[e];
    if (!employer.site.empty()) {
      const auto ward = ward_by_code(wards, employer.site_ward);
      if (!ward) {
        return tl::unexpected(fmt::format("ward {} of {} is not in hanoi_wards.json",
                                          employer.site_ward, employer.site));
      }
      placed.push_back({*ward, *ward});
      continue;
    }
    DevRandom rng(mix_seed(seed, 0x51e5'0000ULL + e));
    std::array<std::uint16_t, 2> two{};
    for (auto& w : two) {
      const auto& pool = rng.chance(0.85) ? urban : rural;
      w = pool[static_cast<std::size_t>(
          rng.between(0, static_cast<std::int64_t>(pool.size()) - 1))];
    }
    placed.push_back(two);
  }
  return placed;
}

}  // namespace

std::string_view employment_type_code(EmploymentType t) {
  switch (t) {
    case EmploymentType::full_time:
      return "full_time";
    case EmploymentType::part_time:
      return "part_time";
    case EmploymentType::seasonal:
      return "seasonal";
    case EmploymentType::overseas_contract:
      return "overseas_contract";
  }
  return "full_time";
}

tl::expected<std::vector<Ward>, std::string> load_wards(const std::string& data_dir) {
  const std::string path = data_dir + "/hanoi_wards.json";
  std::ifstream in(path);
  if (!in) {
    return tl::unexpected(fmt::format("cannot open {}", path));
  }
  const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("wards") ||
      !doc["wards"].is_array()) {
    return tl::unexpected(fmt::format("{}: not a JSON object with a \"wards\" array", path));
  }
  std::vector<Ward> wards;
  for (const auto& w : doc["wards"]) {
    if (!w.is_object() || !w.value("code", nlohmann::json()).is_string() ||
        !w.value("full_name", nlohmann::json()).is_string() ||
        !w.value("lat", nlohmann::json()).is_number() ||
        !w.value("lon", nlohmann::json()).is_number()) {
      return tl::unexpected(fmt::format("{}: a ward lacks code, full_name, lat or lon", path));
    }
    wards.push_back(Ward{w["code"].get<std::string>(), w["full_name"].get<std::string>(),
                         w.value("kind", std::string()) == "xa", w["lat"].get<double>(),
                         w["lon"].get<double>()});
  }
  if (wards.empty() || wards.size() > 65535) {
    return tl::unexpected(fmt::format("{}: unexpected number of wards ({})", path, wards.size()));
  }
  return wards;
}

tl::expected<DevData, std::string> generate_dev_data(const DevDataOptions& options) {
  auto wards = load_wards(options.data_dir);
  if (!wards) {
    return tl::unexpected(wards.error());
  }
  if (options.vacancies > 9'999'999) {
    return tl::unexpected(std::string("at most 9,999,999 vacancies"));
  }
  DevData data;
  data.today = options.today;
  data.wards = std::move(*wards);
  for (std::size_t i = 0; i < data.wards.size(); ++i) {
    (data.wards[i].commune ? data.rural_wards : data.urban_wards)
        .push_back(static_cast<std::uint16_t>(i));
  }
  if (data.urban_wards.empty() || data.rural_wards.empty()) {
    return tl::unexpected(std::string("hanoi_wards.json needs both phường and xã entries"));
  }
  auto placed = place_employers(data, options.seed);
  if (!placed) {
    return tl::unexpected(placed.error());
  }
  data.employer_wards = std::move(*placed);
  data.sessions = make_sessions(options.today);
  // Each vacancy has its own seed from (seed, today, number), so vacancy N is
  // the same whatever the total count.
  const std::uint64_t day_seed = mix_seed(options.seed, static_cast<std::uint64_t>(options.today));
  data.vacancies.reserve(options.vacancies);
  for (std::size_t i = 0; i < options.vacancies; ++i) {
    data.vacancies.push_back(make_vacancy(data, day_seed, static_cast<std::uint32_t>(i + 1)));
  }
  return data;
}

std::string vacancy_id(std::uint32_t number) {
  return fmt::format("vac-{:06}", number);
}

std::optional<std::size_t> vacancy_index(std::string_view id, std::size_t count) {
  constexpr std::string_view prefix = "vac-";
  if (id.size() < prefix.size() + 6 || id.substr(0, prefix.size()) != prefix) {
    return std::nullopt;
  }
  const std::string_view digits = id.substr(prefix.size());
  std::uint32_t number = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (ec != std::errc() || end != digits.data() + digits.size() || number == 0 || number > count ||
      vacancy_id(number) != id) {
    return std::nullopt;
  }
  return number - 1;
}

std::string slot_id(std::uint32_t number, std::size_t slot_index) {
  return fmt::format("slot-{:06}-{}", number, slot_index + 1);
}

}  // namespace kiosk::dev
