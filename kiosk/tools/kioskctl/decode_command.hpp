#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/citizen_id.hpp"

namespace kiosk {

/// What a citizen-ID payload holds, with personal fields masked: the ID as
/// 001******345, the name as initials, the birth date as its year, the
/// address as the number of characters.
nlohmann::json masked_citizen_json(const CitizenId& id);

/// `kioskctl decode FILE…`: one JSON object per line and file. Returns 0
/// when every file held a QR code, 1 otherwise.
int decode_command(const std::vector<std::string>& files, std::ostream& out);

}  // namespace kiosk
