#include "tools/kioskctl/pin_hash_command.hpp"

#include <algorithm>
#include <string>

#include "adapters/crypto/argon2_pin.hpp"
#include "core/text.hpp"

namespace kiosk {

bool valid_staff_pin(std::string_view pin) {
  return pin.size() >= 4 && pin.size() <= 12 &&
         std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int pin_hash_command(std::istream& in, std::ostream& out, std::ostream& err) {
  std::string pin;
  std::getline(in, pin);
  if (!pin.empty() && pin.back() == '\r') {
    pin.pop_back();
  }
  if (!valid_staff_pin(pin)) {
    secure_wipe(pin);
    err << "kioskctl pin-hash: a staff PIN is 4 to 12 digits (0-9) on one line, nothing else\n";
    return 65;  // EX_DATAERR
  }
  const auto hash = crypto::hash_pin(pin);
  secure_wipe(pin);
  if (!hash) {
    err << "kioskctl pin-hash: " << hash.error() << "\n";
    return 70;  // EX_SOFTWARE
  }
  out << *hash << "\n";
  return 0;
}

}  // namespace kiosk
