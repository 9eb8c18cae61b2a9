#include "core/backoff.hpp"

#include <algorithm>
#include <random>

namespace kiosk {

UnitRandom default_unit_random() {
  auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
  return [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
}

std::chrono::milliseconds backoff_delay(const BackoffPolicy& policy, int attempt,
                                        const UnitRandom& random,
                                        std::optional<std::chrono::seconds> retry_after) {
  using std::chrono::milliseconds;
  // base * 2^attempt without overflow: stop doubling once past the cap.
  auto ceiling = std::max(policy.base, milliseconds{1});
  for (int i = 0; i < attempt && ceiling < policy.cap; ++i) {
    ceiling *= 2;
  }
  ceiling = std::min(ceiling, policy.cap);
  const double draw = std::clamp(random ? random() : 0.5, 0.0, 1.0);
  auto delay = milliseconds{static_cast<milliseconds::rep>(draw * static_cast<double>(ceiling.count()))};
  if (retry_after) {
    const auto floor = std::min<milliseconds>(*retry_after, policy.max_retry_after);
    delay = std::max(delay, floor);
  }
  return delay;
}

bool is_retryable(const ApiFailure& failure) {
  switch (failure.kind) {
    case ApiError::offline:
    case ApiError::timeout:
    case ApiError::unavailable:
    case ApiError::server:
      return true;
    case ApiError::unauthorized:
    case ApiError::not_found:
    case ApiError::conflict:
    case ApiError::bad_response:
      return false;
  }
  return false;
}

}  // namespace kiosk
