#pragma once
// Hanoi's 2025 wards and communes with their centroids, and the distance
// between points. The table is read from JSON text (the app reads the file).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace kiosk {

struct GeoPoint {
  double lat = 0.0;
  double lon = 0.0;
};

/// Great-circle distance in kilometres.
double distance_km(GeoPoint a, GeoPoint b);

struct Ward {
  std::string code;
  std::string name;       // "Cầu Giấy"
  std::string full_name;  // "Phường Cầu Giấy"
  GeoPoint centroid;
};

class WardTable {
 public:
  /// Parses `hanoi_wards.json` (shared/data/vn-admin-2025); error text on failure.
  static tl::expected<WardTable, std::string> from_json(std::string_view text);

  const Ward* find_by_code(std::string_view code) const;

  /// Best guess of the ward named in a card address. Reads both the 2025 form
  /// ("Phường Yên Hòa, Thành phố Hà Nội") and the older one with districts
  /// ("Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội"), preferring the most
  /// specific unit named; nullptr when nothing matches.
  const Ward* find_in_address(std::string_view address) const;

  const std::vector<Ward>& wards() const { return m_wards; }

 private:
  std::vector<Ward> m_wards;
  std::vector<std::string> m_folded_names;  // parallel to m_wards
};

}  // namespace kiosk
