#pragma once
// `kioskctl decode [--json] [--raw] [--reveal] FILE…`: what QR images (PNG,
// JPEG, PGM) hold, one JSON object per file and line.

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/citizen_id.hpp"

namespace kiosk {

struct DecodeOptions {
  bool raw = false;     // add "raw": the decoded text as it is (may be personal data)
  bool reveal = false;  // print citizen-ID fields unmasked
};

/// A citizen ID's fields; masked (the ID as 001******345, the name as
/// initials, the birth date as its year, the address as its length) unless
/// `reveal`.
nlohmann::json citizen_json(const CitizenId& id, bool reveal);

/// Decodes each file and writes `{"file","ok","error"?,"kind"?,"citizen"?|"text"?,"raw"?,"ms"}`.
/// `ok` is true when a QR code was read. Returns 0 when every file held a
/// QR code, 1 otherwise.
int decode_command(const std::vector<std::string>& files, const DecodeOptions& options,
                   std::ostream& out);

/// Parses the command's arguments (flags and files); an error text on a bad flag.
tl::expected<std::pair<DecodeOptions, std::vector<std::string>>, std::string> parse_decode_args(
    const std::vector<std::string>& args);

}  // namespace kiosk
