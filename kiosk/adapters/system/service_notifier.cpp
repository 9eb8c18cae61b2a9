#include "adapters/system/service_notifier.hpp"

#include <systemd/sd-daemon.h>

namespace kiosk {

ServiceNotifier::ServiceNotifier() {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
    m_interval = std::chrono::microseconds{usec};
  }
}

void ServiceNotifier::ready() { sd_notify(0, "READY=1\nSTATUS=Sẵn sàng"); }

void ServiceNotifier::status(const std::string& text) {
  sd_notify(0, ("STATUS=" + text).c_str());
}

void ServiceNotifier::stopping() { sd_notify(0, "STOPPING=1"); }

void ServiceNotifier::keep_alive(std::chrono::steady_clock::time_point now) {
  if (!m_interval || now - m_last < *m_interval / 2) {
    return;
  }
  m_last = now;
  sd_notify(0, "WATCHDOG=1");
}

}  // namespace kiosk
