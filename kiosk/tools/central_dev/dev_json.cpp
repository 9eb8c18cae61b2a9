#include "tools/central_dev/dev_json.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace kiosk::dev {
namespace {

// "7" or "7,5" (Vietnamese decimal comma) for a whole number of half millions.
std::string millions(std::int64_t vnd) {
  const std::int64_t tenths = vnd / 100'000;
  if (tenths % 10 == 0) {
    return fmt::format("{}", tenths / 10);
  }
  return fmt::format("{},{}", tenths / 10, tenths % 10);
}

// "26.000" (Vietnamese thousands dot).
std::string thousands(std::int64_t vnd) {
  const std::string digits = fmt::format("{}", vnd);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += '.';
    }
    out += digits[i];
  }
  return out;
}

std::string salary_text(const DevVacancy& v) {
  if (v.hourly) {
    return fmt::format("{}–{} đồng/giờ", thousands(v.salary_min), thousands(v.salary_max));
  }
  return fmt::format("{}–{} triệu đồng/tháng", millions(v.salary_min), millions(v.salary_max));
}

// Lower-cases the first letter of a title for use inside a sentence.
std::string sentence_case(std::string_view title) {
  std::string out(title);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') {
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  } else if (out.rfind("Đ", 0) == 0) {
    out.replace(0, std::string_view("Đ").size(), "đ");
  }
  return out;
}

std::string base_title(const DevVacancy& v) {
  return std::string(occupations()[v.occupation].titles[v.title]);
}

std::string title(const DevVacancy& v) {
  if (v.type == EmploymentType::overseas_contract) {
    return fmt::format("{} làm việc tại {}", base_title(v), overseas_countries()[v.country].name);
  }
  return base_title(v);
}

std::string address(const DevData& data, const DevVacancy& v) {
  const Ward& ward = data.wards[v.ward];
  const Employer& employer = employers()[v.employer];
  if (!employer.site.empty()) {
    return fmt::format("Lô CN{}, {}, {}, Thành phố Hà Nội", v.house_number, employer.site,
                       ward.full_name);
  }
  if (ward.commune) {
    return fmt::format("Số {} {}, {}, Thành phố Hà Nội", v.house_number, hamlets()[v.street],
                       ward.full_name);
  }
  return fmt::format("Số {} đường {}, {}, Thành phố Hà Nội", v.house_number, streets()[v.street],
                     ward.full_name);
}

std::string_view schedule(const DevVacancy& v) {
  const Sector sector = employers()[v.employer].sector;
  switch (v.type) {
    case EmploymentType::part_time:
      return "Ca làm linh hoạt 4–6 tiếng/ngày, phù hợp với sinh viên.";
    case EmploymentType::seasonal:
      return "Hợp đồng thời vụ 3 tháng dịp cao điểm cuối năm.";
    case EmploymentType::overseas_contract:
      return "Hợp đồng 3 năm, được hỗ trợ làm thủ tục xuất cảnh.";
    case EmploymentType::full_time:
      break;
  }
  if (is_factory(sector)) {
    return "Làm việc theo ca, 8 tiếng/ca, có tăng ca.";
  }
  if (sector == Sector::retail || sector == Sector::hospitality || sector == Sector::facility ||
      sector == Sector::transport || sector == Sector::care || sector == Sector::call_centre) {
    return "Làm việc theo ca xoay, nghỉ 4 ngày/tháng.";
  }
  return "Làm việc giờ hành chính từ thứ Hai đến thứ Sáu, nghỉ thứ Bảy, Chủ nhật.";
}

std::string description(const DevData& data, const DevVacancy& v) {
  const Employer& employer = employers()[v.employer];
  std::string text =
      v.type == EmploymentType::overseas_contract
          ? fmt::format("{} tuyển {} lao động đi làm việc tại {} ({}).", employer.name, v.positions,
                        overseas_countries()[v.country].name, sentence_case(base_title(v)))
          : fmt::format("{} tuyển {} {} làm việc tại {}.", employer.name, v.positions,
                        sentence_case(base_title(v)), data.wards[v.ward].full_name);
  text += fmt::format(" {} {}", sector_profile(employer.sector), schedule(v));
  if ((v.groups & group_bit(TargetGroup::bo_doi_xuat_ngu)) != 0) {
    text += " Ưu tiên bộ đội xuất ngũ.";
  }
  if ((v.groups & group_bit(TargetGroup::nguoi_khuyet_tat)) != 0) {
    text += " Tiếp nhận người khuyết tật vận động nhẹ.";
  }
  if ((v.groups & (group_bit(TargetGroup::nguoi_chap_hanh_xong_an_phat_tu) |
                   group_bit(TargetGroup::nguoi_sau_cai_nghien))) != 0) {
    text += " Sẵn sàng tiếp nhận người hoàn lương, người sau cai nghiện.";
  }
  return text;
}

Json requirements_json(const DevVacancy& v) {
  const Occupation& occ = occupations()[v.occupation];
  Json must = Json::array();
  Json nice = Json::array();
  for (std::size_t i = 0; i < v.skills_must; ++i) {
    must.push_back(occ.skills[v.skill_order[i]]);
  }
  for (std::size_t i = v.skills_must; i < v.skills_must + v.skills_nice && i < 4; ++i) {
    nice.push_back(occ.skills[v.skill_order[i]]);
  }
  Json languages = Json::array();
  if (v.language) {
    languages.push_back(v.type == EmploymentType::overseas_contract
                            ? overseas_countries()[v.country].language
                            : occ.languages[v.title]);
  }
  return Json{{"min_age", v.min_age},
              {"max_age", v.max_age > 0 ? Json(v.max_age) : Json(nullptr)},
              {"education", education_label(v.education)},
              {"experience_months", v.experience_months},
              {"skills_must", std::move(must)},
              {"skills_nice", std::move(nice)},
              {"languages", std::move(languages)}};
}

}  // namespace

std::string employer_id(std::size_t employer_index) {
  return fmt::format("emp-{:04}", employer_index + 1);
}

int remaining(const DevSlot& slot) {
  return std::max(0, slot.capacity - slot.taken);
}

int slots_available(const DevVacancy& v) {
  int sum = 0;
  for (const DevSlot& slot : v.slots) {
    sum += remaining(slot);
  }
  return sum;
}

Json vacancy_summary_json(const DevData& /*data*/, const DevVacancy& v) {
  return Json{
      {"id", vacancy_id(v.number)},
      {"title", title(v)},
      {"employer", {{"id", employer_id(v.employer)}, {"name", employers()[v.employer].name}}}};
}

Json vacancy_json(const DevData& data, const DevVacancy& v) {
  const Occupation& occ = occupations()[v.occupation];
  const Ward& ward = data.wards[v.ward];
  Json groups = Json::array();
  for (std::size_t g = 0; g < k_target_group_count; ++g) {
    if ((v.groups & (1U << g)) != 0) {
      groups.push_back(target_group_code(static_cast<TargetGroup>(g)));
    }
  }
  Json sessions = Json::array();
  for (std::size_t s = 0; s < data.sessions.size(); ++s) {
    if ((v.sessions & (1U << s)) != 0) {
      sessions.push_back(data.sessions[s].id);
    }
  }
  Json perks = Json::array();
  for (std::size_t b = 0; b < benefits().size(); ++b) {
    if ((v.benefits & (1U << b)) != 0) {
      perks.push_back(benefits()[b]);
    }
  }
  return Json{
      {"id", vacancy_id(v.number)},
      {"version", v.version},
      {"updated_at", format_timestamp(v.updated_at)},
      {"published_at", format_timestamp(v.published_at)},
      {"expires_at", format_timestamp(v.expires_at)},
      {"title", title(v)},
      {"employer", {{"id", employer_id(v.employer)}, {"name", employers()[v.employer].name}}},
      {"occupation", {{"isco08", occ.isco08}, {"label", occ.label_vi}}},
      {"location",
       {{"province_code", "01"},
        {"ward_code", ward.code},
        {"ward_name", ward.full_name},
        {"address", address(data, v)},
        {"lat", v.lat},
        {"lon", v.lon}}},
      {"salary",
       {{"min_vnd", v.salary_min},
        {"max_vnd", v.salary_max},
        {"period", v.hourly ? "hour" : "month"},
        {"text", salary_text(v)}}},
      {"employment_type", employment_type_code(v.type)},
      {"positions", v.positions},
      {"requirements", requirements_json(v)},
      {"target_groups", std::move(groups)},
      {"session_ids", std::move(sessions)},
      {"benefits", std::move(perks)},
      {"description", description(data, v)},
      {"slots_available", slots_available(v)}};
}

Json slot_json(const DevData& data, const DevVacancy& v, std::size_t slot_index) {
  const DevSlot& slot = v.slots[slot_index];
  const Employer& employer = employers()[v.employer];
  const std::string venue = slot.at_employer
                                ? fmt::format("{}, {}", employer.name, address(data, v))
                                : data.sessions[slot.session].venue;
  const std::string booth =
      slot.at_employer ? std::string("Phòng Nhân sự") : fmt::format("Gian {}", v.employer % 60 + 1);
  return Json{{"id", slot_id(v.number, slot_index)},
              {"starts_at", format_timestamp(slot.starts_at)},
              {"ends_at", format_timestamp(slot.starts_at + 1800)},
              {"venue", venue},
              {"booth", booth},
              {"capacity", slot.capacity},
              {"remaining", remaining(slot)}};
}

Json session_json(const DevSession& s, std::int64_t today) {
  Json groups = Json::array();
  for (std::size_t g = 0; g < k_target_group_count; ++g) {
    if ((s.groups & (1U << g)) != 0) {
      groups.push_back(target_group_code(static_cast<TargetGroup>(g)));
    }
  }
  return Json{{"id", s.id},
              {"title", s.title},
              {"target_groups", std::move(groups)},
              {"venue", s.venue},
              {"starts_at", format_timestamp(s.starts_at)},
              {"ends_at", format_timestamp(s.ends_at)},
              {"active", s.day == today}};
}

Json occupations_json() {
  Json list = Json::array();
  for (const Occupation& occ : occupations()) {
    list.push_back(
        Json{{"isco08", occ.isco08}, {"label_vi", occ.label_vi}, {"label_en", occ.label_en}});
  }
  return Json{{"occupations", std::move(list)}};
}

}  // namespace kiosk::dev
