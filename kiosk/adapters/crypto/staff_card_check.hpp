#pragma once
// Checks a scanned staff card (core/staff_card.hpp) against the Centre's
// Ed25519 public key: the signature first, then the payload, then expiry.

#include <string_view>

#include <tl/expected.hpp>

#include "core/staff_card.hpp"
#include "core/time.hpp"

namespace kiosk::crypto {

/// The card a scanned `text` carries when it is signed by `public_key` (32
/// raw bytes or PEM) and has not expired at `now`. not_a_staff_card for any
/// other QR code; malformed for broken base64, a signature that is not 64
/// bytes or a bad payload; bad_signature for a forged or changed card;
/// expired after the card's "expires". Any thread.
tl::expected<StaffCard, StaffCardError> verify_staff_card(std::string_view text,
                                                          std::string_view public_key,
                                                          WallTime now);

}  // namespace kiosk::crypto
