// The redaction layer (core/redact.hpp): each kind of personal data and
// secret is masked; ordinary log text stays readable.

#include <gtest/gtest.h>

#include "core/redact.hpp"

namespace kiosk {
namespace {

using namespace std::chrono;

constexpr year_month_day k_today{year{2026}, month{11}, day{27}};

std::string masked(std::string_view text) {
  return redact_patterns(text, k_today);
}

TEST(Redact, CitizenIdNumbers) {
  EXPECT_EQ(masked("id 001095012345 ok"), "id 001******345 ok");
  EXPECT_EQ(masked("cmnd=123456789;"), "cmnd=123***789;");
  EXPECT_EQ(masked("CCCD001095012345"), "CCCD001******345");
  // Other lengths stay: counts, ports, sequence numbers.
  EXPECT_EQ(masked("seq 1234567890123 port 8080 n=42"), "seq 1234567890123 port 8080 n=42");
}

}  // namespace
}  // namespace kiosk
