// CurlCentralApi::kiosk_profile_if_changed against the development central
// API on loopback (issue 7): no profile, the exact body with its signature
// and ETag, 304 Not Modified, a changed profile, a signed profile checked
// after the fetch and a tampered one refused, no signature, limits, faults
// and an id that needs escaping.

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "../support/ed25519_signer.hpp"
#include "adapters/crypto/central_profile_check.hpp"
#include "curl_api_support.hpp"
#include "tools/central_dev/dev_central.hpp"

namespace kiosk::test {
namespace {

using dev::DevCentral;
using dev::DevRequestRecord;
using test_support::Ed25519Signer;

const std::string k_body =
    "[session]\nsession_ids = [\"pgd-20261228-bdxn\"]\n[ui]\nlarge_text = true\n";
const std::string k_path = std::string("/api/v1/kiosks/") + k_kiosk_id + "/profile";

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

class KioskProfile : public CurlApi {
 protected:
  void SetUp() override {
    dev::DevCentralOptions options;
    options.vacancies = 60;
    options.token = k_token;
    m_central = std::make_unique<DevCentral>(options);
    const auto port = m_central->start();
    ASSERT_TRUE(port.has_value()) << port.error();
  }

  void TearDown() override {
    CurlApi::TearDown();
    m_central->stop();
  }

  CurlApiSettings central_settings() const {
    CurlApiSettings s = settings();
    s.base_url = m_central->base_url();
    return s;
  }

  /// The profile requests the server answered, oldest first.
  std::vector<DevRequestRecord> profile_requests() const {
    auto all = m_central->requests();
    std::erase_if(all, [](const DevRequestRecord& r) { return !r.path.ends_with("/profile"); });
    return all;
  }

  std::unique_ptr<DevCentral> m_central;
};

TEST_F(KioskProfile, NoProfileIsNotFoundAndLoggedOnce) {
  CurlCentralApi api(central_settings());
  const std::size_t logged_before = count(logged(), k_path + " failed");
  const auto got = api.kiosk_profile_if_changed(k_kiosk_id, "");
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(got.error().kind, ApiError::not_found);
  EXPECT_EQ(got.error().http_status, 404);
  EXPECT_EQ(got.error().code, "not_found");
  EXPECT_EQ(count(logged(), k_path + " failed"), logged_before + 1);
  EXPECT_EQ(logged().find(k_token), std::string::npos);
}

TEST_F(KioskProfile, ServesTheExactBytesThenNotModifiedWithTheETag) {
  // CRLF, trailing blanks, Vietnamese and no final newline must all survive.
  const std::string body =
      "[kiosk]\r\nname = \"Ki-ốt Cầu Giấy\"  \r\n# ghi chú\t\n[ui]\nlarge_text = true";
  m_central->set_kiosk_profile(k_kiosk_id, body, "c2lnbmF0dXJl");
  CurlCentralApi api(central_settings());

  const auto first = api.kiosk_profile_if_changed(k_kiosk_id, "");
  ASSERT_TRUE(first.has_value()) << first.error().message;
  ASSERT_TRUE(first->value.has_value());
  EXPECT_EQ(first->value->body, body);
  EXPECT_EQ(first->value->signature, "c2lnbmF0dXJl");
  ASSERT_FALSE(first->etag.empty());
  EXPECT_EQ(first->etag.front(), '"');

  const auto again = api.kiosk_profile_if_changed(k_kiosk_id, first->etag);
  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_FALSE(again->value.has_value());
  EXPECT_EQ(again->etag, first->etag);

  const auto seen = profile_requests();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].method, "GET");
  EXPECT_EQ(seen[0].path, k_path);
  EXPECT_EQ(seen[0].if_none_match, "");
  EXPECT_EQ(seen[0].status, 200);
  EXPECT_EQ(seen[1].if_none_match, first->etag);
  EXPECT_EQ(seen[1].status, 304);
}

TEST_F(KioskProfile, ANewProfileComesWithANewETagAndClearingItIsNotFound) {
  m_central->set_kiosk_profile(k_kiosk_id, k_body, "c2ln");
  CurlCentralApi api(central_settings());
  const auto first = api.kiosk_profile_if_changed(k_kiosk_id, "");
  ASSERT_TRUE(first.has_value()) << first.error().message;

  const std::string changed = k_body + "[session]\nidle_timeout_s = 90\n";
  m_central->set_kiosk_profile(k_kiosk_id, changed, "c2ln");
  const auto second = api.kiosk_profile_if_changed(k_kiosk_id, first->etag);
  ASSERT_TRUE(second.has_value()) << second.error().message;
  ASSERT_TRUE(second->value.has_value());
  EXPECT_EQ(second->value->body, changed);
  EXPECT_FALSE(second->etag.empty());
  EXPECT_NE(second->etag, first->etag);

  // The same body with another signature is another version too.
  m_central->set_kiosk_profile(k_kiosk_id, changed, "b3RoZXI=");
  const auto third = api.kiosk_profile_if_changed(k_kiosk_id, second->etag);
  ASSERT_TRUE(third.has_value()) << third.error().message;
  ASSERT_TRUE(third->value.has_value());
  EXPECT_EQ(third->value->signature, "b3RoZXI=");
  EXPECT_NE(third->etag, second->etag);

  EXPECT_TRUE(m_central->clear_kiosk_profile(k_kiosk_id));
  EXPECT_FALSE(m_central->clear_kiosk_profile(k_kiosk_id));
  const auto gone = api.kiosk_profile_if_changed(k_kiosk_id, third->etag);
  ASSERT_FALSE(gone.has_value());
  EXPECT_EQ(gone.error().kind, ApiError::not_found);
}

TEST_F(KioskProfile, ASignedProfileIsAcceptedAfterTheFetchAndATamperedOneRefused) {
  const Ed25519Signer centre;
  const std::string signature = centre.sign_b64(k_body);
  m_central->set_kiosk_profile(k_kiosk_id, k_body, signature);
  CurlCentralApi api(central_settings());

  const auto good = api.kiosk_profile_if_changed(k_kiosk_id, "");
  ASSERT_TRUE(good.has_value()) << good.error().message;
  ASSERT_TRUE(good->value.has_value());
  const auto layer = check_central_profile(good->value->body, good->value->signature,
                                           centre.public_b64(), "central", good->etag);
  ASSERT_TRUE(layer.has_value()) << layer.error().to_string();
  EXPECT_EQ(layer->text, k_body);
  EXPECT_EQ(layer->etag, good->etag);

  // Someone changes the body on the way but cannot sign it: the old
  // signature travels with the new body.
  std::string tampered = k_body;
  tampered.replace(tampered.find("true"), 4, "false");
  m_central->set_kiosk_profile(k_kiosk_id, tampered, signature);
  const auto bad = api.kiosk_profile_if_changed(k_kiosk_id, good->etag);
  ASSERT_TRUE(bad.has_value()) << bad.error().message;
  ASSERT_TRUE(bad->value.has_value());
  EXPECT_EQ(bad->value->body, tampered);
  EXPECT_EQ(bad->value->signature, signature);
  const auto refused = check_central_profile(bad->value->body, bad->value->signature,
                                             centre.public_b64(), "central", bad->etag);
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message.find("bad signature"), std::string::npos);
}

TEST_F(KioskProfile, NoSignatureHeaderGivesAnEmptySignatureThatIsRefused) {
  const Ed25519Signer centre;
  m_central->set_kiosk_profile(k_kiosk_id, k_body, "");
  CurlCentralApi api(central_settings());
  const auto got = api.kiosk_profile_if_changed(k_kiosk_id, "");
  ASSERT_TRUE(got.has_value()) << got.error().message;
  ASSERT_TRUE(got->value.has_value());
  EXPECT_EQ(got->value->body, k_body);
  EXPECT_EQ(got->value->signature, "");
  const auto refused =
      check_central_profile(got->value->body, got->value->signature, centre.public_b64(), "c");
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message.find("not signed"), std::string::npos);
}

TEST_F(KioskProfile, ABodyOverTheCapIsBadResponse) {
  CurlApiSettings s = central_settings();
  s.max_response_bytes = 4096;
  const std::string line = "# một dòng chú thích để làm hồ sơ dài hơn giới hạn\n";
  std::string fitting = k_body;
  while (fitting.size() + line.size() <= s.max_response_bytes) {
    fitting += line;
  }
  const std::string big = fitting + line;
  m_central->set_kiosk_profile(k_kiosk_id, big, "c2ln");
  CurlCentralApi api(s);
  const auto got = api.kiosk_profile_if_changed(k_kiosk_id, "");
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(got.error().kind, ApiError::bad_response);
  EXPECT_NE(got.error().message.find("4096 byte limit"), std::string::npos);

  // At most the cap is fine.
  m_central->set_kiosk_profile(k_kiosk_id, fitting, "c2ln");
  const auto fits = api.kiosk_profile_if_changed(k_kiosk_id, "");
  ASSERT_TRUE(fits.has_value()) << fits.error().message;
  ASSERT_TRUE(fits->value.has_value());
  EXPECT_EQ(fits->value->body, fitting);
}

TEST_F(KioskProfile, ABodyThatIsNotUtf8TextIsBadResponse) {
  CurlCentralApi api(central_settings());
  std::string with_nul = "[ui]\nlarge_text = true\n";
  with_nul += '\0';
  with_nul += "\n";
  for (const std::string& body : {std::string("[ui]\nname = \"\xff\xfe\"\n"), with_nul}) {
    m_central->set_kiosk_profile(k_kiosk_id, body, "c2ln");
    const auto got = api.kiosk_profile_if_changed(k_kiosk_id, "");
    ASSERT_FALSE(got.has_value());
    EXPECT_EQ(got.error().kind, ApiError::bad_response);
    EXPECT_EQ(got.error().http_status, 200);
  }
}

TEST_F(KioskProfile, AnOutageIsUnavailableWithRetryAfter) {
  m_central->set_kiosk_profile(k_kiosk_id, k_body, "c2ln");
  dev::DevFault fault;
  fault.kind = dev::DevFault::Kind::status;
  fault.path = "/api/v1/kiosks/";
  fault.status = 503;
  fault.retry_after = "7";
  m_central->add_fault(fault);
  CurlCentralApi api(central_settings());
  const auto got = api.kiosk_profile_if_changed(k_kiosk_id, "");
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(got.error().kind, ApiError::unavailable);
  EXPECT_EQ(got.error().http_status, 503);
  ASSERT_TRUE(got.error().retry_after.has_value());
  EXPECT_EQ(*got.error().retry_after, std::chrono::seconds{7});

  // The fault hit once; the next call gets the profile.
  const auto next = api.kiosk_profile_if_changed(k_kiosk_id, "");
  ASSERT_TRUE(next.has_value()) << next.error().message;
  EXPECT_TRUE(next->value.has_value());
}

TEST_F(KioskProfile, TheKioskIdIsEscapedInThePath) {
  // Unescaped, "?" would start a query, "#" a fragment and the space would
  // not be a valid URL at all.
  const std::string id = "ki ốt#2?x=1&y";
  m_central->set_kiosk_profile(id, k_body, "c2ln");
  m_central->set_kiosk_profile(k_kiosk_id, "[ui]\nlarge_text = false\n", "c2ln");
  CurlCentralApi api(central_settings());
  const auto got = api.kiosk_profile_if_changed(id, "");
  ASSERT_TRUE(got.has_value()) << got.error().message;
  ASSERT_TRUE(got->value.has_value());
  EXPECT_EQ(got->value->body, k_body);
  const auto seen = profile_requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].path, "/api/v1/kiosks/" + id + "/profile");  // as the server decoded it
  EXPECT_EQ(seen[0].query, "");
}

TEST_F(KioskProfile, AWrongTokenIsUnauthorized) {
  m_central->set_kiosk_profile(k_kiosk_id, k_body, "c2ln");
  CurlApiSettings s = central_settings();
  s.token = "not-the-token";
  CurlCentralApi api(s);
  const auto got = api.kiosk_profile_if_changed(k_kiosk_id, "");
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(got.error().kind, ApiError::unauthorized);
}

}  // namespace
}  // namespace kiosk::test
