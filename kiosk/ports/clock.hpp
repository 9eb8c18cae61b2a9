#pragma once

#include <chrono>

#include "core/time.hpp"

namespace kiosk {

/// Time as the core sees it; tests inject a fake.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual WallTime wall() const = 0;
  virtual std::chrono::steady_clock::time_point steady() const = 0;
};

}  // namespace kiosk
