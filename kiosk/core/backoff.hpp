#pragma once
// Retry timing for calls to the central API: full-jitter exponential
// backoff (AWS Architecture Blog, "Exponential Backoff And Jitter") with the
// server's Retry-After as a floor.

#include <chrono>
#include <functional>
#include <optional>

#include "ports/central_api.hpp"

namespace kiosk {

struct BackoffPolicy {
  std::chrono::milliseconds base{500};  // the ceiling of the first retry's delay
  std::chrono::milliseconds cap{60000};  // the ceiling never grows past this
  /// A Retry-After longer than this is cut to it (a broken header must not
  /// silence the kiosk for a day).
  std::chrono::milliseconds max_retry_after{std::chrono::minutes{10}};
};

/// A uniform random number in [0, 1); injected so tests are deterministic.
using UnitRandom = std::function<double()>;

/// A UnitRandom backed by a std::mt19937_64 seeded from std::random_device.
/// The returned function is not thread-safe: one per thread.
UnitRandom default_unit_random();

/// The delay before retry number `attempt` (0 = the first retry): uniform in
/// [0, min(cap, base * 2^attempt)], and never less than `retry_after`
/// (itself capped by max_retry_after). Pure apart from `random`.
std::chrono::milliseconds backoff_delay(const BackoffPolicy& policy, int attempt,
                                        const UnitRandom& random,
                                        std::optional<std::chrono::seconds> retry_after);

/// Whether trying the same request again may help: no connection, a
/// timeout, 429/503 or another 5xx. Refusals (4xx), a 410 and unreadable
/// answers are final.
bool is_retryable(const ApiFailure& failure);

}  // namespace kiosk
