#pragma once
// `kioskctl slip --booking FILE.json --printer URI`: renders the slip of one
// booking confirmation and prints it, the way the kiosk does after a booking
// (and the way staff reprint one).

#include <chrono>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <tl/expected.hpp>

#include "core/profile.hpp"
#include "core/slip.hpp"

namespace kiosk {

struct SlipOptions {
  std::string booking_file;  // the API's 201 body, plus optional context fields
  std::string profile_file;  // optional: [printer] settings and the centre's name
  std::string printer_uri;   // wins over the profile's
  std::optional<int> width_dots;
  std::optional<int> dpi;
  std::optional<bool> cutter;
};

/// Parses `--booking FILE --printer URI [--profile FILE] [--width 384|576]
/// [--dpi N] [--no-cutter]`; an error text for an unknown flag, a missing
/// value, or neither --printer nor --profile.
tl::expected<SlipOptions, std::string> parse_slip_args(const std::vector<std::string>& args);

/// The slip of a booking confirmation JSON object: the 201 body (booking_id,
/// reference, slot, vacancy, instructions) with optional top-level
/// "centre_name", "session_title", "seeker_name" and "printed_at"
/// (ISO 8601; `now` when absent). `default_centre` fills a missing centre.
tl::expected<Slip, std::string> slip_from_booking_json(const nlohmann::json& j,
                                                        const std::string& default_centre,
                                                        WallTime now);

/// Reads the booking, builds the printer (profile [printer] overridden by
/// the flags) and prints. Writes one JSON line: {"ok","reference",
/// "location"} or {"ok":false,"error":"offline|out_of_paper|failed|input",
/// "message"}. Never writes slip text. Returns 0 printed, 1 printer failure,
/// 2 bad input.
int slip_command(const SlipOptions& options, std::ostream& out);

}  // namespace kiosk
