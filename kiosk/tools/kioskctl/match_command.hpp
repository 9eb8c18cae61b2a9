#pragma once
// `kioskctl match --profile FILE --citizen PAYLOAD [--query TEXT]
// [--occupation CODE…] [--limit N] [--json]`: the ranked list of vacancies
// exactly as the kiosk would show it to the person on the card, from the
// cached catalog (no network). The output holds vacancies only: never the
// ID number, name, birth date or address.

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/match_filters.hpp"
#include "core/time.hpp"

namespace kiosk {

struct MatchCommandOptions {
  std::string profile_path;
  /// The citizen-ID QR text, or "-" to read it from standard input (keeps
  /// personal data off the command line).
  std::string citizen;
  std::string query;                     // free text as typed in the search field
  std::vector<std::string> occupations;  // ISCO-08 codes picked on the grid
  std::optional<std::size_t> limit;      // default: the kiosk's own limit
  bool json = false;
  std::optional<WallTime> now;                           // --now ISO-8601; default: the clock
  std::optional<std::string> preferred_employment_type;  // --prefer
  MatchFilters filters;  // --group, --ward, --max-km, --type, --min-salary, --education
};

/// Parses the command's flags. Repeatable list flags (--occupation, --group,
/// --ward, --type) take every following word up to the next flag, and
/// comma-separated values. An error text on an unknown flag, a missing
/// value or a malformed number, code or date.
tl::expected<MatchCommandOptions, std::string> parse_match_args(
    const std::vector<std::string>& args);

/// Loads the profile, the ward table and the cached catalog, reads the
/// person from the payload, ranks, and writes either a JSON array
/// [{"id","title","employer","isco08","score","distance_km"?,"reasons"}] or
/// one text line per vacancy to `out`; a one-line summary ("12 shown of 85
/// eligible, 1000 cached") and any error go to `err`. Returns 0 on success,
/// 1 when the cache cannot be read, 2 on a bad profile, ward table or
/// payload (the payload's error code only, never its content).
int match_command(const MatchCommandOptions& options, std::istream& in, std::ostream& out,
                  std::ostream& err);

}  // namespace kiosk
