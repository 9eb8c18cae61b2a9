#pragma once
// The central API (DESIGN §3.2) over HTTPS with libcurl. curl.h stays out of
// this header so the app and tools that build the adapter need not see it.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "ports/central_api.hpp"

namespace kiosk {

struct CurlApiSettings {
  /// "https://host[:port][/prefix]", with or without a trailing slash.
  std::string base_url;
  /// Sent as "Authorization: Bearer <token>"; surrounding white space (the
  /// newline a token file ends with) is trimmed. Never logged.
  std::string token;
  /// PEM bundle that replaces the system CA store (CURLOPT_CAINFO); empty
  /// means the system store.
  std::string ca_file;
  /// Goes into the User-Agent: "kiosk/0.1 (<kiosk_id>)".
  std::string kiosk_id;
  std::chrono::milliseconds connect_timeout{3000};
  /// The whole request, connect included.
  std::chrono::milliseconds total_timeout{10000};
  /// Largest accepted response body (after decompression).
  std::size_t max_response_bytes = std::size_t{64} * 1024 * 1024;
};

/// A CentralApi client. One libcurl easy handle per instance, reused so the
/// connection stays alive between calls.
///
/// Every call blocks for at most about `total_timeout` of its own transfer
/// and may be made from any worker thread (never the UI thread); calls on one
/// instance are serialised by a mutex, so a second caller also waits for the
/// first. Failures are returned, never thrown, and each one is logged once on
/// the "api" logger with the URL (never the token or a request body):
/// - offline: DNS, refused, reset, TLS or certificate failure (http_status 0)
/// - timeout: connect or total timeout (or HTTP 408)
/// - unauthorized 401/403, not_found 404, server: other 5xx
/// - conflict: 409/422 and any other 4xx, with `code` from the error body
/// - unavailable: 429/503 with `retry_after` from Retry-After
/// - bad_response: over `max_response_bytes`, not the expected JSON (or, for
///   the profile, not UTF-8 text), a redirect, or a broken content encoding
/// There is no retry loop: the caller decides when to try again.
class CurlCentralApi final : public CentralApi {
 public:
  /// Never throws for a bad configuration: an unusable URL or an
  /// un-initialisable handle makes every call fail with `offline`.
  explicit CurlCentralApi(CurlApiSettings settings);
  ~CurlCentralApi() override;
  CurlCentralApi(const CurlCentralApi&) = delete;
  CurlCentralApi& operator=(const CurlCentralApi&) = delete;
  CurlCentralApi(CurlCentralApi&&) = delete;
  CurlCentralApi& operator=(CurlCentralApi&&) = delete;

  /// GET /api/v1/vacancies/snapshot. Malformed vacancies are skipped and
  /// counted in `skipped`; a malformed page fails with bad_response. An
  /// empty or null next_cursor means this was the last page.
  tl::expected<SnapshotPage, ApiFailure> snapshot_page(const std::string& cursor,
                                                       int limit) override;

  /// GET /api/v1/vacancies/{id}/slots; malformed slots are skipped.
  tl::expected<std::vector<Slot>, ApiFailure> slots(const std::string& vacancy_id) override;

  /// POST /api/v1/bookings with the request's Idempotency-Key; any 2xx with
  /// a readable confirmation succeeds (201 first time, a replay may be 200).
  /// The serialised body (personal data) is wiped after the transfer.
  tl::expected<BookingConfirmation, ApiFailure> book(const BookingRequest& request) override;

  /// POST /api/v1/interests with the request's Idempotency-Key, like book();
  /// the confirmation has the reference and vacancy, no slot.
  tl::expected<BookingConfirmation, ApiFailure> register_interest(
      const BookingRequest& request) override;

  /// GET /api/v1/sessions; malformed sessions are skipped.
  tl::expected<std::vector<JobFairSession>, ApiFailure> sessions() override;

  /// GET /api/v1/vacancies/changes?since=…; a 410 fails with conflict and
  /// http_status 410 (is_gone). A malformed page fails with bad_response;
  /// malformed upserts and tombstones are skipped and counted.
  tl::expected<ChangesPage, ApiFailure> changes(const std::string& sync_token,
                                                int limit) override;

  /// GET /api/v1/sessions with If-None-Match: `etag` (none when empty); a
  /// 304 gives an empty value and keeps `etag`.
  tl::expected<Conditional<std::vector<JobFairSession>>, ApiFailure> sessions_if_changed(
      const std::string& etag) override;

  /// GET /api/v1/kiosks/{kiosk_id}/profile (the id %-escaped), conditional
  /// like sessions_if_changed: the TOML body as it came (not parsed) and the
  /// trimmed X-Signature (empty when absent), neither checked here. A body
  /// that is not UTF-8 or holds a NUL fails with bad_response; a kiosk with
  /// no central profile with not_found.
  tl::expected<Conditional<SignedProfile>, ApiFailure> kiosk_profile_if_changed(
      const std::string& kiosk_id, const std::string& etag) override;

  /// GET /api/v1/taxonomy/occupations, conditional like sessions_if_changed.
  tl::expected<Conditional<std::vector<Occupation>>, ApiFailure> occupations_if_changed(
      const std::string& etag) override;

 private:
  /// POSTs `body` (personal data, wiped after the transfer) to `path` with
  /// the request's Idempotency-Key and reads the confirmation.
  tl::expected<BookingConfirmation, ApiFailure> post_request(std::string_view path,
                                                             const BookingRequest& request,
                                                             nlohmann::json body);

  class Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace kiosk
