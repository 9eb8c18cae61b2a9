// The pure parts of the curl adapter: Retry-After, status mapping, URL
// escaping and redaction.

#include <gtest/gtest.h>

#include "adapters/curl/api_responses.hpp"
#include "adapters/curl/curl_transfer.hpp"
#include "curl_api_support.hpp"

namespace kiosk::test {
namespace {

using std::chrono::seconds;

TEST_F(CurlApi, RetryAfterReadsSecondsAndHttpDates) {
  // 2015-10-21T07:28:00Z
  const WallTime now{seconds{1445412480}};
  using curl_detail::parse_retry_after;
  EXPECT_EQ(parse_retry_after("7", now), seconds{7});
  EXPECT_EQ(parse_retry_after(" 120 ", now), seconds{120});
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:29:00 GMT", now), seconds{60});
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now), seconds{0});
  EXPECT_EQ(parse_retry_after("", now), std::nullopt);
  EXPECT_EQ(parse_retry_after("-5", now), std::nullopt);
  EXPECT_EQ(parse_retry_after("soon", now), std::nullopt);
}

TEST_F(CurlApi, StatusMappingWithoutAnErrorBody) {
  using curl_detail::failure_from_status;
  const auto redirect = failure_from_status(308, "", std::nullopt);
  EXPECT_EQ(redirect.kind, ApiError::bad_response);
  EXPECT_EQ(redirect.http_status, 308);
  const auto gateway = failure_from_status(504, "<html>gateway</html>", seconds{3});
  EXPECT_EQ(gateway.kind, ApiError::server);
  EXPECT_TRUE(gateway.code.empty());
  EXPECT_FALSE(gateway.retry_after.has_value());
  const auto too_many = failure_from_status(429, "", seconds{3});
  EXPECT_EQ(too_many.retry_after, seconds{3});
}

TEST_F(CurlApi, UrlEscapingAndRedaction) {
  EXPECT_EQ(curl_detail::url_escape("c1.a/b+c=d&e f~_-"), "c1.a%2Fb%2Bc%3Dd%26e%20f~_-");
  EXPECT_EQ(curl_detail::url_escape("Hà"), "H%C3%A0");
  EXPECT_EQ(curl_detail::redact_url("https://user:secret@api.example.vn/x?y=1"),
            "https://***@api.example.vn/x?y=1");
  EXPECT_EQ(curl_detail::redact_url("https://api.example.vn/a@b"), "https://api.example.vn/a@b");
}

}  // namespace
}  // namespace kiosk::test
