// Ed25519 checks against signatures made here with the openssl tool's
// library: a valid one holds, a changed message or signature or another key
// does not, and PEM and raw keys both load.

#include <gtest/gtest.h>

#include "adapters/crypto/ed25519.hpp"
#include "../support/ed25519_signer.hpp"

namespace kiosk::crypto {
namespace {

using Signer = test_support::Ed25519Signer;

TEST(Ed25519, AValidSignatureHoldsWithARawOrPemKey) {
  const Signer s;
  const std::string msg = "[session]\nsession_ids = [\"pgd-20261228-bdxn\"]\n";
  const std::string sig = s.sign(msg);
  EXPECT_TRUE(ed25519_verify(s.raw_public(), msg, sig));
  EXPECT_TRUE(ed25519_verify(s.pem_public(), msg, sig));
}

TEST(Ed25519, ATamperedMessageOrSignatureOrAnotherKeyFails) {
  const Signer s;
  const Signer other;
  const std::string msg = "staff:slot-3:2026-12-31";
  std::string sig = s.sign(msg);
  EXPECT_FALSE(ed25519_verify(s.raw_public(), "staff:slot-3:2027-12-31", sig));
  EXPECT_FALSE(ed25519_verify(other.raw_public(), msg, sig));
  sig[10] = static_cast<char>(sig[10] ^ 0x01);
  EXPECT_FALSE(ed25519_verify(s.raw_public(), msg, sig));
  EXPECT_FALSE(ed25519_verify(s.raw_public(), msg, sig.substr(0, 63)));
  EXPECT_FALSE(ed25519_verify("not a key", msg, s.sign(msg)));
}

TEST(Base64, DecodesStandardAndUrlAlphabetsAndRejectsOthers) {
  EXPECT_EQ(*base64_decode("aGVsbG8="), "hello");
  EXPECT_EQ(*base64_decode("aGVsbG8"), "hello");
  EXPECT_EQ(*base64_decode("-_8"), std::string("\xfb\xff", 2));
  EXPECT_FALSE(base64_decode("aGVs*G8="));
}

}  // namespace
}  // namespace kiosk::crypto
