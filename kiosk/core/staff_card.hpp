#pragma once
// The staff card: a QR code the Centre prints for each staff member, scanned
// like an ID card. Its text is
//
//   KIOSK-STAFF:1:<base64url(payload)>.<base64url(signature)>
//
// where the payload is JSON {"id":"staff-017","name_hint":"Lan",
// "expires":"2026-12-31T23:59:59+07:00"} and the signature is the Centre's
// Ed25519 signature of everything before the '.' (prefix, version and
// encoded payload, so neither can be swapped). This file only splits the
// text and reads the payload; the signature is checked in
// adapters/crypto/staff_card_check.hpp.

#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "core/time.hpp"

namespace kiosk {

inline constexpr std::string_view k_staff_card_prefix = "KIOSK-STAFF:1:";

struct StaffCard {
  std::string id;         // "staff-017": letters, digits, '.', '_', '-'; 1–64 characters
  std::string name_hint;  // "Lan": shown on the staff screen; may be empty
  WallTime expires{};
};

enum class StaffCardError { not_a_staff_card, malformed, bad_signature, expired };

/// "not_a_staff_card", "malformed", "bad_signature", "expired".
std::string_view error_code(StaffCardError e);

/// The parts of a staff card's text, still encoded.
struct StaffCardText {
  std::string_view signed_part;  // "KIOSK-STAFF:1:<payload>": what the signature covers
  std::string_view payload;      // base64url
  std::string_view signature;    // base64url
};

/// True when a scanned text claims to be a staff card (of any version):
/// the runtime hands it to staff mode, never to the job seeker's journey.
bool is_staff_card_text(std::string_view text);

/// Splits a scanned text. not_a_staff_card when it does not start with
/// "KIOSK-STAFF:" (any other QR code); malformed for another version, a
/// missing '.' or an empty part. The views point into `text`.
tl::expected<StaffCardText, StaffCardError> split_staff_card(std::string_view text);

/// Reads the decoded payload JSON; malformed when it is not an object with a
/// valid "id", a string "name_hint" (optional, up to 64 bytes) and an
/// ISO-8601 "expires".
tl::expected<StaffCard, StaffCardError> parse_staff_card_payload(std::string_view json);

/// True when the card is no longer valid at `now` (expires is the last valid second).
bool staff_card_expired(const StaffCard& card, WallTime now);

}  // namespace kiosk
