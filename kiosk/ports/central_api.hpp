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
};

}  // namespace kiosk
