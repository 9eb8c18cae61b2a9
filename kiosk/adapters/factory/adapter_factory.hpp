#pragma once
// Builds the real adapter for each port from the profile.

#include <memory>
#include <string>

#include <tl/expected.hpp>

#include "core/geo.hpp"
#include "core/profile.hpp"
#include "ports/booking_outbox.hpp"
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
/// The booking outbox in profile.data.outbox_path, sending through its own
/// API client (its own connection: a booking never queues behind a sync
/// page). An error naming the file when it cannot be opened; a damaged file
/// is never replaced (it may hold undelivered bookings).
tl::expected<std::unique_ptr<BookingOutbox>, std::string> make_outbox(const Profile& profile,
                                                                      const std::string& token);
tl::expected<std::unique_ptr<Printer>, std::string> make_slip_printer(const Profile& profile);
tl::expected<std::unique_ptr<CodeSource>, std::string> make_scan_source(const std::string& uri);

}  // namespace kiosk
