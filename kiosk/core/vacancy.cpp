#include "core/vacancy.hpp"

#include "core/i18n.hpp"

#include <cmath>
#include <limits>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace kiosk {
namespace {

using nlohmann::json;

// Small typed readers: a missing optional field yields the fallback, a field
// of the wrong type is an error for required ones only.
std::string str(const json& j, const char* key, std::string fallback = {}) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) {
    return fallback;
  }
  return it->get<std::string>();
}

template <typename T>
std::optional<T> num(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number()) {
    return std::nullopt;
  }
  if constexpr (std::is_integral_v<T>) {
    // Out-of-range or fractional numbers are treated as missing, never
    // truncated.
    const double d = it->get<double>();
    if (!(d >= static_cast<double>(std::numeric_limits<T>::min()) &&
          d <= static_cast<double>(std::numeric_limits<T>::max())) ||
        d != std::floor(d)) {
      return std::nullopt;
    }
    return it->is_number_integer() ? it->get<T>() : static_cast<T>(d);
  } else {
    return it->get<T>();
  }
}

std::vector<std::string> strings(const json& j, const char* key) {
  std::vector<std::string> out;
  const auto it = j.find(key);
  if (it == j.end() || !it->is_array()) {
    return out;
  }
  for (const auto& e : *it) {
    if (e.is_string()) {
      out.push_back(e.get<std::string>());
    }
  }
  return out;
}

const json& object_or_empty(const json& j, const char* key) {
  static const json k_empty = json::object();
  const auto it = j.find(key);
  return (it != j.end() && it->is_object()) ? *it : k_empty;
}

std::optional<WallTime> time_field(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_string()) {
    return std::nullopt;
  }
  return parse_iso8601(it->get_ref<const std::string&>());
}

}  // namespace

tl::expected<Vacancy, std::string> vacancy_from_json(const json& j) {
  if (!j.is_object()) {
    return tl::unexpected(std::string("not an object"));
  }
  Vacancy v;
  v.id = str(j, "id");
  v.title = str(j, "title");
  if (v.id.empty() || v.title.empty()) {
    return tl::unexpected(std::string("missing id or title"));
  }
  const auto expires = time_field(j, "expires_at");
  if (!expires) {
    return tl::unexpected(std::string("missing or bad expires_at"));
  }
  v.expires_at = *expires;
  v.version = num<std::int64_t>(j, "version").value_or(0);
  v.updated_at = time_field(j, "updated_at").value_or(WallTime{});
  v.published_at = time_field(j, "published_at").value_or(v.updated_at);

  const json& employer = object_or_empty(j, "employer");
  v.employer_id = str(employer, "id");
  v.employer_name = str(employer, "name");
  const json& occupation = object_or_empty(j, "occupation");
  v.isco08 = str(occupation, "isco08");
  v.occupation_label = str(occupation, "label");
  const json& location = object_or_empty(j, "location");
  v.province_code = str(location, "province_code");
  v.ward_code = str(location, "ward_code");
  v.ward_name = str(location, "ward_name");
  v.address = str(location, "address");
  v.lat = num<double>(location, "lat");
  v.lon = num<double>(location, "lon");
  const json& salary = object_or_empty(j, "salary");
  v.salary_min_vnd = num<std::int64_t>(salary, "min_vnd").value_or(0);
  v.salary_max_vnd = num<std::int64_t>(salary, "max_vnd").value_or(v.salary_min_vnd);
  v.salary_period = str(salary, "period");
  v.salary_text = str(salary, "text");
  v.employment_type = str(j, "employment_type", "full_time");
  v.positions = num<int>(j, "positions").value_or(0);
  const json& req = object_or_empty(j, "requirements");
  v.min_age = num<int>(req, "min_age");
  v.max_age = num<int>(req, "max_age");
  v.education = str(req, "education");
  v.experience_months = num<int>(req, "experience_months").value_or(0);
  v.skills_must = strings(req, "skills_must");
  v.benefits = strings(j, "benefits");
  v.target_groups = strings(j, "target_groups");
  v.session_ids = strings(j, "session_ids");
  v.description = str(j, "description");
  v.slots_available = num<int>(j, "slots_available").value_or(0);
  return v;
}

json to_json(const Vacancy& v) {
  json location = {{"province_code", v.province_code},
                   {"ward_code", v.ward_code},
                   {"ward_name", v.ward_name},
                   {"address", v.address}};
  if (v.lat && v.lon) {
    location["lat"] = *v.lat;
    location["lon"] = *v.lon;
  }
  json requirements = {{"education", v.education},
                       {"experience_months", v.experience_months},
                       {"skills_must", v.skills_must}};
  if (v.min_age) {
    requirements["min_age"] = *v.min_age;
  }
  if (v.max_age) {
    requirements["max_age"] = *v.max_age;
  }
  return json{{"id", v.id},
              {"version", v.version},
              {"updated_at", format_iso8601_vn(v.updated_at)},
              {"published_at", format_iso8601_vn(v.published_at)},
              {"expires_at", format_iso8601_vn(v.expires_at)},
              {"title", v.title},
              {"employer", {{"id", v.employer_id}, {"name", v.employer_name}}},
              {"occupation", {{"isco08", v.isco08}, {"label", v.occupation_label}}},
              {"location", location},
              {"salary",
               {{"min_vnd", v.salary_min_vnd},
                {"max_vnd", v.salary_max_vnd},
                {"period", v.salary_period},
                {"text", v.salary_text}}},
              {"employment_type", v.employment_type},
              {"positions", v.positions},
              {"requirements", requirements},
              {"benefits", v.benefits},
              {"target_groups", v.target_groups},
              {"session_ids", v.session_ids},
              {"description", v.description},
              {"slots_available", v.slots_available}};
}

std::string employment_type_label(const std::string& type) {
  if (type == "part_time") {
    return N_("Bán thời gian");
  }
  if (type == "seasonal") {
    return N_("Thời vụ");
  }
  if (type == "overseas_contract") {
    return N_("Làm việc ở nước ngoài");
  }
  return N_("Toàn thời gian");
}

tl::expected<JobFairSession, std::string> session_from_json(const json& j) {
  if (!j.is_object() || str(j, "id").empty()) {
    return tl::unexpected(std::string("session without id"));
  }
  JobFairSession s;
  s.id = str(j, "id");
  s.title = str(j, "title");
  s.target_groups = strings(j, "target_groups");
  s.venue = str(j, "venue");
  s.starts_at = time_field(j, "starts_at").value_or(WallTime{});
  s.ends_at = time_field(j, "ends_at").value_or(WallTime{});
  return s;
}

tl::expected<Slot, std::string> slot_from_json(const json& j) {
  if (!j.is_object() || str(j, "id").empty()) {
    return tl::unexpected(std::string("slot without id"));
  }
  const auto starts = time_field(j, "starts_at");
  if (!starts) {
    return tl::unexpected(std::string("slot without starts_at"));
  }
  Slot s;
  s.id = str(j, "id");
  s.starts_at = *starts;
  s.ends_at = time_field(j, "ends_at").value_or(*starts);
  s.venue = str(j, "venue");
  s.booth = str(j, "booth");
  s.capacity = num<int>(j, "capacity").value_or(0);
  s.remaining = num<int>(j, "remaining").value_or(0);
  return s;
}

tl::expected<Occupation, std::string> occupation_from_json(const json& j) {
  if (!j.is_object()) {
    return tl::unexpected(std::string("occupation not an object"));
  }
  Occupation o;
  o.isco08 = str(j, "isco08");
  const bool digits = !o.isco08.empty() && o.isco08.size() <= 4 &&
                      o.isco08.find_first_not_of("0123456789") == std::string::npos;
  if (!digits) {
    return tl::unexpected(std::string("occupation without a 1-4 digit isco08"));
  }
  o.label_vi = str(j, "label_vi");
  if (o.label_vi.empty()) {
    return tl::unexpected(std::string("occupation without label_vi"));
  }
  o.label_en = str(j, "label_en");
  return o;
}

json to_json(const Occupation& o) {
  return json{{"isco08", o.isco08}, {"label_vi", o.label_vi}, {"label_en", o.label_en}};
}

}  // namespace kiosk
