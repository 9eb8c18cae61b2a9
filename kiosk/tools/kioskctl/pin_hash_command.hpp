#pragma once
// `kioskctl pin-hash`: reads a staff PIN from stdin and prints its Argon2id
// hash for a PIN slot of the profile's `[staff]` section.

#include <istream>
#include <ostream>
#include <string_view>

namespace kiosk {

/// True for 4 to 12 ASCII digits, the PINs the kiosk's keypad can enter.
bool valid_staff_pin(std::string_view pin);

/// Reads one line (a trailing "\r\n" or "\n" is dropped), refuses anything
/// but 4–12 digits with a message on `err` (exit 65), and prints the encoded
/// hash and a newline on `out` (exit 0; 70 when hashing fails). The PIN is
/// never echoed and is wiped from memory afterwards.
int pin_hash_command(std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace kiosk
