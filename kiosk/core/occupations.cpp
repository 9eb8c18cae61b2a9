#include "core/occupations.hpp"

#include "core/i18n.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace kiosk {
namespace {

// VSCO 2020 (Quyết định 34/2020/QĐ-TTg) major groups, indexed by digit.
constexpr std::array<std::string_view, 10> k_major_groups = {
    N_("Lực lượng quân đội"),
    N_("Nhà lãnh đạo, quản lý"),
    N_("Nhà chuyên môn bậc cao"),
    N_("Nhà chuyên môn bậc trung"),
    N_("Nhân viên trợ lý văn phòng"),
    N_("Nhân viên dịch vụ và bán hàng"),
    N_("Lao động có kỹ năng trong nông nghiệp, lâm nghiệp và thủy sản"),
    N_("Lao động thủ công và các nghề nghiệp có liên quan khác"),
    N_("Thợ lắp ráp và vận hành máy móc, thiết bị"),
    N_("Lao động giản đơn"),
};

std::size_t common_prefix(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  while (i < n && a[i] == b[i]) {
    ++i;
  }
  return i;
}

OccupationFit fit_for_prefix(std::size_t digits) {
  if (digits >= 4) {
    return OccupationFit::exact;
  }
  if (digits == 3) {
    return OccupationFit::minor;
  }
  return digits == 2 ? OccupationFit::sub_major : OccupationFit::none;
}

struct CodeTally {
  std::string label;
  std::size_t count = 0;
};

}  // namespace

OccupationFit occupation_fit(std::string_view isco08, std::span<const std::string> chosen) {
  std::size_t best = 0;
  for (const auto& code : chosen) {
    best = std::max(best, common_prefix(isco08, code));
  }
  return fit_for_prefix(best);
}

bool is_isco_prefix(std::string_view code) {
  return !code.empty() && code.size() <= 4 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view isco_major_group_label(char major) {
  if (major < '0' || major > '9') {
    return {};
  }
  return k_major_groups[static_cast<std::size_t>(major - '0')];
}

std::vector<RelatedOccupation> related_occupations(std::span<const Vacancy> vacancies,
                                                   std::span<const std::string> chosen,
                                                   const std::function<bool(const Vacancy&)>& keep,
                                                   std::size_t limit) {
  std::vector<RelatedOccupation> out;
  if (chosen.empty() || limit == 0) {
    return out;
  }
  std::map<std::string, CodeTally, std::less<>> tallies;
  for (const auto& v : vacancies) {
    const OccupationFit fit = occupation_fit(v.isco08, chosen);
    // Cheap test first: most vacancies share no sub-major group at all.
    if (fit == OccupationFit::none || fit == OccupationFit::exact || (keep && !keep(v))) {
      continue;
    }
    auto& tally = tallies[v.isco08];
    if (tally.label.empty()) {
      tally.label = v.occupation_label;
    }
    ++tally.count;
  }
  for (auto& [code, tally] : tallies) {
    out.push_back({code, std::move(tally.label), occupation_fit(code, chosen), tally.count});
  }
  std::sort(out.begin(), out.end(), [](const RelatedOccupation& a, const RelatedOccupation& b) {
    if (a.fit != b.fit) {
      return a.fit > b.fit;
    }
    if (a.vacancies != b.vacancies) {
      return a.vacancies > b.vacancies;
    }
    return a.isco08 < b.isco08;
  });
  if (out.size() > limit) {
    out.resize(limit);
  }
  return out;
}

}  // namespace kiosk
