// Staff unlock's crypto (issue 7): Argon2id PIN hashes (right, wrong,
// malformed), staff cards signed here with OpenSSL (valid, expired, forged
// by another key, tampered, not a staff card), and a PIN unlock through
// StaffLock whose audit lines never hold the PIN.

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include "adapters/crypto/argon2_pin.hpp"
#include "adapters/crypto/staff_card_check.hpp"
#include "core/staff_lock.hpp"
#include "../support/ed25519_signer.hpp"

namespace kiosk::crypto {
namespace {

// Cheap parameters for the many hashes the tests make; one test uses the defaults.
constexpr PinHashParams k_fast{1024, 1, 1};

TEST(Argon2Pin, TheDefaultHashIsArgon2idAndVerifiesOnlyTheRightPin) {
  const auto hash = hash_pin("246810");
  ASSERT_TRUE(hash) << hash.error();
  EXPECT_TRUE(hash->starts_with("$argon2id$v=19$m=65536,t=3,p=1$")) << *hash;
  EXPECT_TRUE(verify_pin(*hash, "246810"));
  EXPECT_FALSE(verify_pin(*hash, "246811"));
}

TEST(Argon2Pin, EachHashHasItsOwnSalt) {
  const auto a = hash_pin("1234", k_fast);
  const auto b = hash_pin("1234", k_fast);
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(verify_pin(*a, "1234"));
  EXPECT_TRUE(verify_pin(*b, "1234"));
  EXPECT_FALSE(verify_pin(*a, ""));
  EXPECT_FALSE(verify_pin(*a, "12345"));
}

TEST(Argon2Pin, MalformedHashesAreFalse) {
  const auto good = *hash_pin("1234", k_fast);
  std::string cut = good.substr(0, good.size() - 5);
  std::string other_variant = good;
  other_variant.replace(0, 10, "$argon2i$");
  const std::vector<std::string> bad = {
      "",
      "1234",
      "$argon2id$",
      "$argon2id$v=19$m=abc,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaA",
      cut,
      other_variant,
      // A cost that would stall the kiosk is refused before it is tried.
      "$argon2id$v=19$m=4194304,t=3,p=1$AQAAAAAAAAAAAAAAAAAAAA$"
      "KnhXnukRsw23LAsv+vqyCdieTOzfeu2p0KgsEYfvv+A",
  };
  for (const auto& encoded : bad) {
    EXPECT_FALSE(verify_pin(encoded, "1234")) << encoded;
  }
}

TEST(Argon2Pin, AuditOfAPinUnlockNeverHoldsThePin) {
  const std::string pin = "80317";
  const auto hash = *hash_pin(pin, k_fast);
  std::vector<std::string> lines;
  StaffLock lock({}, [&](const StaffAuditEvent& e) { lines.push_back(e.describe()); });
  const SteadyTime t0{};
  for (const char* tried : {"80316", "80318", "083170", "80317"}) {
    lock.on_pin_result(verify_pin(hash, tried), 2, t0);
  }
  // Waits are running after three wrong PINs; the right PIN succeeds later.
  EXPECT_FALSE(lock.unlocked());
  EXPECT_TRUE(lock.on_pin_result(verify_pin(hash, pin), 2, t0 + std::chrono::seconds(5)));
  ASSERT_EQ(lines.size(), 5u);
  for (const auto& line : lines) {
    EXPECT_EQ(line.find("8031"), std::string::npos) << line;
    EXPECT_EQ(line.find(hash), std::string::npos) << line;
  }
  EXPECT_EQ(lines.back(), "pin-slot 2 pin_accepted");
}

// ---- staff cards ----

std::string base64url(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  while (!out.empty() && out.back() == '=') {
    out.pop_back();
  }
  for (char& c : out) {
    c = c == '+' ? '-' : c == '/' ? '_' : c;
  }
  return out;
}

// The Centre's card key: signs staff cards.
struct CentreKey : test_support::Ed25519Signer {
  // The card's QR text for `payload_json`.
  std::string card(std::string_view payload_json) const {
    const std::string signed_part = std::string(k_staff_card_prefix) + base64url(payload_json);
    return signed_part + "." + base64url(sign(signed_part));
  }
};

constexpr const char* k_payload =
    R"({"id":"staff-017","name_hint":"Lan","expires":"2026-12-31T23:59:59+07:00"})";

WallTime at(const char* iso) { return *parse_iso8601(iso); }

TEST(StaffCardCheck, AValidCardGivesItsIdAndName) {
  const CentreKey centre;
  const auto card =
      verify_staff_card(centre.card(k_payload), centre.raw_public(), at("2026-11-27T14:00:00Z"));
  ASSERT_TRUE(card) << error_code(card.error());
  EXPECT_EQ(card->id, "staff-017");
  EXPECT_EQ(card->name_hint, "Lan");
}

TEST(StaffCardCheck, ACardIsValidUpToItsLastSecond) {
  const CentreKey centre;
  const auto text = centre.card(k_payload);
  EXPECT_TRUE(verify_staff_card(text, centre.raw_public(), at("2026-12-31T23:59:59+07:00")));
  EXPECT_EQ(verify_staff_card(text, centre.raw_public(), at("2027-01-01T00:00:00+07:00")).error(),
            StaffCardError::expired);
}

TEST(StaffCardCheck, ACardSignedByAnotherKeyIsForged) {
  const CentreKey centre;
  const CentreKey forger;
  EXPECT_EQ(verify_staff_card(forger.card(k_payload), centre.raw_public(),
                              at("2026-11-27T14:00:00Z"))
                .error(),
            StaffCardError::bad_signature);
}

TEST(StaffCardCheck, ATamperedPayloadOrSignatureFails) {
  const CentreKey centre;
  const auto now = at("2026-11-27T14:00:00Z");
  const std::string text = centre.card(k_payload);
  const auto dot = text.rfind('.');
  // Someone else's id with the original signature.
  std::string other_payload = k_payload;
  other_payload.replace(other_payload.find("017"), 3, "001");
  const std::string swapped = std::string(k_staff_card_prefix) + base64url(other_payload) +
                              text.substr(dot);
  EXPECT_EQ(verify_staff_card(swapped, centre.raw_public(), now).error(),
            StaffCardError::bad_signature);
  // A longer expiry, signed text otherwise unchanged.
  std::string later = k_payload;
  later.replace(later.find("2026-12"), 4, "2036");
  const std::string extended =
      std::string(k_staff_card_prefix) + base64url(later) + text.substr(dot);
  EXPECT_EQ(verify_staff_card(extended, centre.raw_public(), now).error(),
            StaffCardError::bad_signature);
  // One character of the signature changed.
  std::string bad_sig = text;
  bad_sig[dot + 3] = bad_sig[dot + 3] == 'A' ? 'B' : 'A';
  EXPECT_EQ(verify_staff_card(bad_sig, centre.raw_public(), now).error(),
            StaffCardError::bad_signature);
}

TEST(StaffCardCheck, OtherCodesAndBrokenCardsAreToldApart) {
  const CentreKey centre;
  const auto now = at("2026-11-27T14:00:00Z");
  EXPECT_EQ(verify_staff_card("001095012345|123456789|Nguyễn Văn An|15031995|Nam",
                              centre.raw_public(), now)
                .error(),
            StaffCardError::not_a_staff_card);
  EXPECT_EQ(verify_staff_card("https://vieclamhanoi.net", centre.raw_public(), now).error(),
            StaffCardError::not_a_staff_card);
  EXPECT_EQ(verify_staff_card("KIOSK-STAFF:1:e30.c2ln", centre.raw_public(), now).error(),
            StaffCardError::malformed);  // a 3-byte signature
  // Signed by the Centre but not a card's payload.
  EXPECT_EQ(verify_staff_card(centre.card(R"({"id":"staff-017"})"), centre.raw_public(), now)
                .error(),
            StaffCardError::malformed);
}

}  // namespace
}  // namespace kiosk::crypto
