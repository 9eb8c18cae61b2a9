#pragma once
// Turns a camera's stream of sightings into scans: a card held under the
// camera for several seconds is one scan, not thirty a second. Pure; the
// caller supplies the time.

#include <chrono>
#include <cstdint>
#include <string_view>

namespace kiosk::camera {

class ScanDebouncer {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds k_default_hold{3000};

  /// `hold`: how long after the last sighting the same payload stays
  /// suppressed.
  explicit ScanDebouncer(std::chrono::milliseconds hold = k_default_hold) : m_hold(hold) {}

  /// Records a sighting of `payload` at `now`; true when it is a new scan to
  /// deliver: a payload other than the last delivered one, or the same one
  /// not seen for `hold` or longer. A suppressed sighting extends the hold,
  /// so a card held for a minute is one scan. Keeps a 64-bit hash of the
  /// payload only (it is personal data). One thread at a time.
  bool accept(std::string_view payload, Clock::time_point now);

  /// Forgets the last payload: its next sighting is a new scan.
  void reset() { m_has_last = false; }

 private:
  std::chrono::milliseconds m_hold;
  bool m_has_last = false;
  std::uint64_t m_last_hash = 0;
  Clock::time_point m_last_seen;
};

}  // namespace kiosk::camera
