#pragma once
// Builds the real adapter for each port from the profile.

#include <memory>
#include <string>

#include <tl/expected.hpp>

#include "core/geo.hpp"
#include "core/profile.hpp"
#include "ports/central_api.hpp"
#include "ports/code_source.hpp"
#include "ports/printer.hpp"
#include "ports/vacancy_store.hpp"

namespace kiosk {

/// Hanoi's ward table from `hanoi_wards.json`; an error naming the file.
tl::expected<std::shared_ptr<const WardTable>, std::string> load_ward_table(
    const std::string& path);

std::unique_ptr<CentralApi> make_central_api(const Profile& profile, const std::string& token);
tl::expected<std::unique_ptr<VacancyStore>, std::string> make_store(const Profile& profile);
tl::expected<std::unique_ptr<Printer>, std::string> make_slip_printer(const Profile& profile);
tl::expected<std::unique_ptr<CodeSource>, std::string> make_scan_source(const std::string& uri);

}  // namespace kiosk
