// kioskctl pin-hash: a PIN on stdin in, an Argon2id hash that verifies out;
// anything but 4-12 digits refused without echoing it.

#include <sstream>

#include <gtest/gtest.h>

#include "adapters/crypto/argon2_pin.hpp"
#include "tools/kioskctl/pin_hash_command.hpp"

namespace kiosk {
namespace {

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

Run pin_hash(const std::string& stdin_text) {
  std::istringstream in(stdin_text);
  std::ostringstream out;
  std::ostringstream err;
  Run run;
  run.status = pin_hash_command(in, out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

TEST(KioskctlPinHash, PrintsAnArgon2idHashThatVerifies) {
  const auto run = pin_hash("482915\n");
  ASSERT_EQ(run.status, 0) << run.err;
  ASSERT_FALSE(run.out.empty());
  EXPECT_EQ(run.out.back(), '\n');
  const std::string hash = run.out.substr(0, run.out.size() - 1);
  EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=65536,t=3,p=1$")) << hash;
  EXPECT_EQ(hash.find("482915"), std::string::npos);
  EXPECT_TRUE(crypto::verify_pin(hash, "482915"));
  EXPECT_FALSE(crypto::verify_pin(hash, "482916"));
}

TEST(KioskctlPinHash, AcceptsWindowsLineEndsAndNoLineEnd) {
  EXPECT_TRUE(valid_staff_pin("1234"));
  EXPECT_TRUE(valid_staff_pin("123456789012"));
  const auto run = pin_hash("1234\r\n");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(crypto::verify_pin(run.out.substr(0, run.out.size() - 1), "1234"));
  const auto unterminated = pin_hash("5678");
  ASSERT_EQ(unterminated.status, 0) << unterminated.err;
  EXPECT_TRUE(crypto::verify_pin(unterminated.out.substr(0, unterminated.out.size() - 1), "5678"));
}

TEST(KioskctlPinHash, RefusesAnythingButFourToTwelveDigits) {
  for (const char* bad : {"", "\n", "123\n", "1234567890123\n", "12a4\n", " 1234\n", "1234 \n",
                          "١٢٣٤\n", "12-34\n"}) {
    const auto run = pin_hash(bad);
    EXPECT_EQ(run.status, 65) << bad;
    EXPECT_TRUE(run.out.empty()) << bad;
    EXPECT_NE(run.err.find("4 to 12 digits"), std::string::npos) << run.err;
  }
  // The refused text is not echoed back.
  EXPECT_EQ(pin_hash("98765x\n").err.find("98765"), std::string::npos);
}

}  // namespace
}  // namespace kiosk
