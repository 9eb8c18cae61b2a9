#pragma once
// ISCO-08 occupation codes as matching uses them (Vietnam's VSCO follows
// ISCO-08): how close a vacancy's code is to the codes a person picked, the
// Vietnamese names of the major groups, and related codes that widen a
// narrow search.

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/vacancy.hpp"

namespace kiosk {

/// How closely a vacancy's ISCO-08 code fits the person's chosen codes,
/// weakest first. ISCO-08 digits: 1 = major group, 2 = sub-major group,
/// 3 = minor group, 4 = unit group.
enum class OccupationFit { none, sub_major, minor, exact };

/// The best fit of `isco08` against any of `chosen`: the length of the
/// longest common leading-digit run decides (4 → exact, 3 → minor,
/// 2 → sub_major, less → none). A chosen code shorter than 4 digits ("72")
/// fits at most at its own level. Empty codes never fit.
OccupationFit occupation_fit(std::string_view isco08, std::span<const std::string> chosen);

/// True for 1 to 4 ASCII digits: a code or a group prefix.
bool is_isco_prefix(std::string_view code);

/// The Vietnamese name of a VSCO/ISCO-08 major group ('0'…'9'), e.g.
/// '8' → "Thợ lắp ráp và vận hành máy móc, thiết bị"; empty otherwise.
std::string_view isco_major_group_label(char major);

/// One proposal of the "related occupations" row.
struct RelatedOccupation {
  std::string isco08;                       // 4-digit code present in the catalog
  std::string label;                        // the occupation label of its vacancies
  OccupationFit fit = OccupationFit::none;  // minor or sub_major
  std::size_t vacancies = 0;                // how many kept vacancies carry it
};

/// Codes present among the vacancies `keep` accepts (all when `keep` is
/// empty) that share a minor group (first) or a sub-major group (then) with
/// one of `chosen`, never a chosen code itself; within a level the codes
/// with more vacancies come first, then by code. At most `limit` entries;
/// empty when nothing is chosen. O(number of vacancies).
std::vector<RelatedOccupation> related_occupations(std::span<const Vacancy> vacancies,
                                                   std::span<const std::string> chosen,
                                                   const std::function<bool(const Vacancy&)>& keep,
                                                   std::size_t limit);

}  // namespace kiosk
