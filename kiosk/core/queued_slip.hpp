#pragma once
// The slip of a request the kiosk stored but could not send yet: no
// reference from the Centre, only the request's own short code, and what
// happens next in plain words.

#include <optional>
#include <string>

#include "core/slip.hpp"
#include "core/vacancy.hpp"

namespace kiosk {

struct QueuedRequest {
  std::string request_code;  // request_code() of the idempotency key
  std::string vacancy_title;
  std::string employer_name;
  std::optional<Slot> slot;  // the time asked for (none for an interest)
  bool interest = false;     // "register interest": no slot, the Centre calls
  bool delivered = false;    // the Centre has it (an interest with its reference)
};

/// "3F9A-2C71": the first eight hex digits of a UUID key, grouped, upper
/// case; what staff type to find the request. A key with fewer hex digits
/// (not a UUID) gives its first twelve characters.
std::string request_code(const std::string& idempotency_key);

/// Lays out the slip of a stored, not yet sent request; the QR holds the
/// request code.
Slip make_queued_slip(const QueuedRequest& request, const SlipContext& context);

}  // namespace kiosk
