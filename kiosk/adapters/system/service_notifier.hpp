#pragma once
// systemd's service protocol (Type=notify): READY, STATUS, WATCHDOG and
// STOPPING. Does nothing when not started by systemd.

#include <chrono>
#include <optional>
#include <string>

namespace kiosk {

class ServiceNotifier {
 public:
  ServiceNotifier();
  void ready();
  void status(const std::string& text);
  void stopping();
  /// Pets the watchdog when due; call from the frame loop, so a hung loop
  /// lets systemd restart the kiosk.
  void keep_alive(std::chrono::steady_clock::time_point now);
  /// How often keep_alive() must run; nullopt when no watchdog is set.
  std::optional<std::chrono::microseconds> watchdog_interval() const { return m_interval; }

 private:
  std::optional<std::chrono::microseconds> m_interval;
  std::chrono::steady_clock::time_point m_last{};
};

}  // namespace kiosk
