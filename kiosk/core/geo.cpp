#include "core/geo.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace kiosk {

double distance_km(GeoPoint a, GeoPoint b) {
  constexpr double k_earth_radius_km = 6371.0;
  constexpr double k_deg = 3.14159265358979323846 / 180.0;
  const double dlat = (b.lat - a.lat) * k_deg;
  const double dlon = (b.lon - a.lon) * k_deg;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * k_deg) * std::cos(b.lat * k_deg) * std::sin(dlon / 2) *
                       std::sin(dlon / 2);
  return 2 * k_earth_radius_km * std::asin(std::min(1.0, std::sqrt(h)));
}

tl::expected<WardTable, std::string> WardTable::from_json(std::string_view text) {
  const auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.contains("wards") || !j["wards"].is_array()) {
    return tl::unexpected(std::string("ward table: not the expected JSON"));
  }
  WardTable table;
  for (const auto& w : j["wards"]) {
    if (!w.is_object() || !w.contains("code") || !w.contains("lat") || !w.contains("lon")) {
      return tl::unexpected(std::string("ward table: ward without code or centroid"));
    }
    Ward ward;
    ward.code = w.value("code", "");
    ward.name = w.value("name", "");
    ward.full_name = w.value("full_name", "");
    ward.centroid = GeoPoint{w.value("lat", 0.0), w.value("lon", 0.0)};
    table.m_folded_names.push_back(fold_for_search(ward.name));
    table.m_wards.push_back(std::move(ward));
  }
  return table;
}

const Ward* WardTable::find_by_code(std::string_view code) const {
  for (const auto& w : m_wards) {
    if (w.code == code) {
      return &w;
    }
  }
  return nullptr;
}

const Ward* WardTable::find_in_address(std::string_view address) const {
  // Address parts are comma separated; the ward or commune sits before the
  // district (old cards) or the city (new cards). Look at each part that
  // names a unit and take the first one whose name is a 2025 ward. An old
  // district name ("Quận Cầu Giấy") often lives on as a ward name, so it is a
  // second-best match.
  const std::string folded = fold_for_search(address);
  const Ward* district_match = nullptr;
  std::size_t start = 0;
  while (start <= folded.size()) {
    std::size_t comma = folded.find(',', start);
    if (comma == std::string::npos) {
      comma = folded.size();
    }
    std::string part = folded.substr(start, comma - start);
    while (!part.empty() && part.front() == ' ') {
      part.erase(part.begin());
    }
    while (!part.empty() && part.back() == ' ') {
      part.pop_back();
    }
    bool is_district = false;
    for (const std::string_view prefix : {"phuong ", "xa ", "thi tran "}) {
      if (part.starts_with(prefix)) {
        part.erase(0, prefix.size());
        break;
      }
    }
    for (const std::string_view prefix : {"quan ", "huyen ", "thi xa "}) {
      if (part.starts_with(prefix)) {
        part.erase(0, prefix.size());
        is_district = true;
        break;
      }
    }
    for (std::size_t i = 0; i < m_wards.size(); ++i) {
      if (m_folded_names[i] == part) {
        if (!is_district) {
          return &m_wards[i];
        }
        if (district_match == nullptr) {
          district_match = &m_wards[i];
        }
      }
    }
    start = comma + 1;
  }
  return district_match;
}

}  // namespace kiosk
