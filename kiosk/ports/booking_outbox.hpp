#pragma once
// The durable outbox of bookings and "register interest" requests: a request
// is written to disk (fsync'd) with its Idempotency-Key before it is sent,
// so a crash, a power cut or a dead network never loses it, and the key
// makes every resend harmless. The personal data an entry carries is erased
// from disk once the central API has the request (or refused it for good).
// Blocking: call from worker threads only.

#include <cstddef>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/booking.hpp"
#include "core/time.hpp"
#include "ports/central_api.hpp"
#include "ports/vacancy_store.hpp"  // StoreFailure

namespace kiosk {

enum class OutboxKind {
  booking,   // POST /api/v1/bookings, a slot
  interest,  // POST /api/v1/interests, no slot: the centre calls the person
};

enum class DeliveryState {
  pending,    // stored; not delivered yet (transient failure): it will be resent
  delivered,  // the central API accepted it (201)
  rejected,   // refused for good (409 slot_full / already_booked, 422, 404…)
};

/// "pending", "delivered", "rejected": the stored and printed names.
inline const char* state_name(DeliveryState state) {
  switch (state) {
    case DeliveryState::pending:
      return "pending";
    case DeliveryState::delivered:
      return "delivered";
    case DeliveryState::rejected:
      return "rejected";
  }
  return "pending";
}

/// "booking" or "interest".
inline const char* kind_name(OutboxKind kind) {
  return kind == OutboxKind::interest ? "interest" : "booking";
}

/// Whether a failed send is worth repeating with the same key: no answer,
/// a busy or failing server, or an answer we could not read (the request
/// may have been taken; the key makes a resend harmless). 4xx refusals are
/// final.
inline bool is_transient(const ApiFailure& failure) {
  switch (failure.kind) {
    case ApiError::offline:
    case ApiError::timeout:
    case ApiError::unavailable:
    case ApiError::server:
    case ApiError::bad_response:
      return true;
    case ApiError::unauthorized:
    case ApiError::not_found:
    case ApiError::conflict:
      return false;
  }
  return true;
}

/// What became of one request handed to the outbox.
struct Delivery {
  DeliveryState state = DeliveryState::pending;
  /// Set when delivered: the API's answer (for an interest: reference and
  /// vacancy; slot fields empty).
  std::optional<BookingConfirmation> confirmation;
  /// Set when pending or rejected: the last failure (kind, HTTP status, code).
  std::optional<ApiFailure> failure;
};

/// One entry as `kioskctl outbox` lists it: no personal data.
struct OutboxSummary {
  std::string idempotency_key;
  OutboxKind kind = OutboxKind::booking;
  std::string vacancy_id;
  std::string slot_id;
  DeliveryState state = DeliveryState::pending;
  int attempts = 0;
  WallTime created_at{};
  std::string reference;   // once delivered
  std::string last_error;  // code or message of the last failure
};

/// How flush_with() goes about it.
struct FlushOptions {
  /// Send every pending entry now, even those whose retry time has not come
  /// (`kioskctl outbox --flush`, a staff "send now").
  bool ignore_backoff = false;
  /// Checked before each send: once stop is requested, the rest waits for
  /// the next flush (a send already under way finishes first).
  std::stop_token stop{};
};

class BookingOutbox {
 public:
  virtual ~BookingOutbox() = default;

  /// Stores `request` durably under its idempotency key (a key already
  /// stored is not stored twice), then sends it once, unless another thread
  /// is sending it right now (then waits for that send). Returns the
  /// delivery; a StoreFailure only when the request could not be stored
  /// (nothing was sent then).
  virtual tl::expected<Delivery, StoreFailure> submit(const BookingRequest& request,
                                                      OutboxKind kind) = 0;

  /// Sends every pending entry whose retry time has come, oldest first, once
  /// each. Returns how many are still pending afterwards.
  virtual tl::expected<std::size_t, StoreFailure> flush() = 0;

  /// flush() with options (see FlushOptions). The default ignores them.
  virtual tl::expected<std::size_t, StoreFailure> flush_with(const FlushOptions& options) {
    static_cast<void>(options);
    return flush();
  }

  /// Every entry still held (pending, and the recent delivered/rejected
  /// ones kept for the record without personal data), oldest first.
  virtual tl::expected<std::vector<OutboxSummary>, StoreFailure> list() = 0;
};

}  // namespace kiosk
