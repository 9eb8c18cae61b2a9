#pragma once
// The central API (DESIGN §3.2) as the core sees it. Calls block: make them
// from worker threads only, never from the UI thread.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/booking.hpp"
#include "core/vacancy.hpp"

namespace kiosk {

enum class ApiError {
  offline,       // no connection (DNS, refused, TLS, reset)
  timeout,       // connect or total timeout
  unauthorized,  // 401/403
  not_found,     // 404
  conflict,      // 409/422: see ApiFailure::code (slot_full, already_booked, …)
  unavailable,   // 429/503, may carry retry_after
  server,        // other 5xx
  bad_response,  // not the JSON we expect, or too large
};

/// Transport failure and protocol status kept apart: `http_status` is 0
/// when no HTTP answer came back.
struct ApiFailure {
  ApiError kind = ApiError::offline;
  int http_status = 0;
  std::string code;     // the API's error.code, if any
  std::string message;  // for logs; never shown raw to the job seeker
  std::optional<std::chrono::seconds> retry_after;
};

struct SnapshotPage {
  std::vector<Vacancy> vacancies;
  std::size_t skipped = 0;  // malformed vacancies left out
  std::optional<std::string> next_cursor;
  std::optional<std::string> sync_token;  // on the last page
};

/// True for the answer `changes` gives when the sync token is too old
/// (410 Gone): the caller takes a new snapshot.
inline bool is_gone(const ApiFailure& failure) {
  return failure.http_status == 410;
}

/// One page of GET /vacancies/changes.
struct ChangesPage {
  std::vector<Vacancy> upserted;
  std::vector<std::string> removed;  // ids of tombstoned vacancies
  std::size_t skipped = 0;           // malformed vacancies and tombstones left out
  std::string sync_token;            // the token to ask with next
  bool has_more = false;             // ask again at once with sync_token
};

/// A kiosk's central profile as served (DESIGN §3.3): the TOML body and
/// its detached Ed25519 signature (the X-Signature header, base64), both
/// unchecked; adapters/crypto/central_profile_check.hpp checks them.
struct SignedProfile {
  std::string body;
  std::string signature;  // empty when the answer carried none
};

/// The answer to a conditional GET (If-None-Match): `value` is empty when
/// the server said 304 Not Modified, i.e. the cached copy is still current.
template <typename T>
struct Conditional {
  std::optional<T> value;
  std::string etag;  // the ETag of the current version; empty when none came
};

class CentralApi {
 public:
  virtual ~CentralApi() = default;

  /// One page of the active vacancies; empty cursor = first page.
  virtual tl::expected<SnapshotPage, ApiFailure> snapshot_page(const std::string& cursor,
                                                               int limit) = 0;
  virtual tl::expected<std::vector<Slot>, ApiFailure> slots(const std::string& vacancy_id) = 0;
  /// Books a slot with the request's Idempotency-Key; replaying the same
  /// request returns the same confirmation.
  virtual tl::expected<BookingConfirmation, ApiFailure> book(const BookingRequest& request) = 0;
  virtual tl::expected<std::vector<JobFairSession>, ApiFailure> sessions() = 0;

  /// Registers interest in `request.vacancy_id` (POST /api/v1/interests; its
  /// slot_id is ignored) with the request's Idempotency-Key, under the same
  /// rules as book(): a replay returns the same confirmation (reference and
  /// vacancy; slot fields empty). The default, for clients without the
  /// endpoint, fails with not_found.
  virtual tl::expected<BookingConfirmation, ApiFailure> register_interest(
      const BookingRequest& request) {
    static_cast<void>(request);
    return tl::unexpected(
        ApiFailure{ApiError::not_found, 404, "not_found", "interests not supported", {}});
  }

  /// The changes since `sync_token`: upserts, tombstones, the next token.
  /// Fails with http_status 410 (see is_gone) when the token is too old.
  /// The default, for clients without the endpoint, always answers 410 so
  /// the caller falls back to a snapshot.
  virtual tl::expected<ChangesPage, ApiFailure> changes(const std::string& sync_token,
                                                        int limit) {
    static_cast<void>(sync_token);
    static_cast<void>(limit);
    return tl::unexpected(ApiFailure{ApiError::conflict, 410, "sync_token_expired",
                                     "changes not supported by this client", {}});
  }

  /// The job-fair sessions unless they still carry `etag` (If-None-Match;
  /// empty = unconditional). The default calls sessions().
  virtual tl::expected<Conditional<std::vector<JobFairSession>>, ApiFailure> sessions_if_changed(
      const std::string& etag) {
    static_cast<void>(etag);
    auto list = sessions();
    if (!list) {
      return tl::unexpected(std::move(list.error()));
    }
    return Conditional<std::vector<JobFairSession>>{std::move(*list), {}};
  }

  /// GET /api/v1/kiosks/{kiosk_id}/profile unless it still carries `etag`
  /// (If-None-Match; empty = unconditional): nullopt value on 304. A kiosk
  /// the Centre keeps no profile for fails with not_found, as does the
  /// default (a client without the endpoint).
  virtual tl::expected<Conditional<SignedProfile>, ApiFailure> kiosk_profile_if_changed(
      const std::string& kiosk_id, const std::string& etag) {
    static_cast<void>(kiosk_id);
    static_cast<void>(etag);
    return tl::unexpected(
        ApiFailure{ApiError::not_found, 404, "not_found", "kiosk profiles not supported", {}});
  }

  /// The occupation taxonomy unless it still carries `etag`. The default
  /// fails with not_found (a client without the endpoint).
  virtual tl::expected<Conditional<std::vector<Occupation>>, ApiFailure> occupations_if_changed(
      const std::string& etag) {
    static_cast<void>(etag);
    return tl::unexpected(
        ApiFailure{ApiError::not_found, 404, "not_found", "taxonomy not supported", {}});
  }
};

}  // namespace kiosk
