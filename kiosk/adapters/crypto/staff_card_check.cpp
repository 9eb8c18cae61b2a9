#include "adapters/crypto/staff_card_check.hpp"

#include "adapters/crypto/ed25519.hpp"

namespace kiosk::crypto {

tl::expected<StaffCard, StaffCardError> verify_staff_card(std::string_view text,
                                                          std::string_view public_key,
                                                          WallTime now) {
  const auto parts = split_staff_card(text);
  if (!parts) {
    return tl::unexpected(parts.error());
  }
  const auto signature = base64_decode(parts->signature);
  if (!signature || signature->size() != 64) {
    return tl::unexpected(StaffCardError::malformed);
  }
  // The payload is read only once the Centre's signature holds.
  if (!ed25519_verify(public_key, parts->signed_part, *signature)) {
    return tl::unexpected(StaffCardError::bad_signature);
  }
  const auto payload = base64_decode(parts->payload);
  if (!payload) {
    return tl::unexpected(StaffCardError::malformed);
  }
  auto card = parse_staff_card_payload(*payload);
  if (!card) {
    return card;
  }
  if (staff_card_expired(*card, now)) {
    return tl::unexpected(StaffCardError::expired);
  }
  return card;
}

}  // namespace kiosk::crypto
