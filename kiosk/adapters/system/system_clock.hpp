#pragma once

#include "ports/clock.hpp"

namespace kiosk {

/// The machine's clocks. Safe from any thread.
class SystemClock final : public Clock {
 public:
  WallTime wall() const override {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
  std::chrono::steady_clock::time_point steady() const override {
    return std::chrono::steady_clock::now();
  }
};

}  // namespace kiosk
