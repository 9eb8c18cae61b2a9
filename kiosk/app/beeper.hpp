#pragma once
// A short rising tone through SDL audio, the audible "card read". Main
// thread only. Does nothing (and says so once in the log) without a sound
// device.

#include <cstdint>

namespace kiosk {

class Beeper {
 public:
  Beeper() = default;
  ~Beeper();
  Beeper(const Beeper&) = delete;
  Beeper& operator=(const Beeper&) = delete;

  /// Queues the tone; returns at once.
  void beep();

 private:
  bool open();
  std::uint32_t m_device = 0;
  bool m_tried = false;
};

}  // namespace kiosk
