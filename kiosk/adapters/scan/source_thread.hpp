#pragma once
// What every device-reading code source (fifo:, serial:, evdev:) needs
// around its read loop: a named thread with an eventfd that stop() signals,
// an interruptible retry wait, and status changes reported once each.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <thread>

#include "ports/code_source.hpp"

namespace kiosk::scan {

/// strerror-style text for an errno value.
std::string errno_text(int error);

class StatusReporter;

/// Why a device went away (or could not be opened): the state to report.
struct DeviceDown {
  SourceState state = SourceState::failed;
  std::string detail;
};

class SourceThread {
 public:
  /// The read loop; it polls wake_fd() with its device so stop() interrupts it.
  using Body = std::function<void(const std::stop_token& stop)>;

  SourceThread() = default;
  ~SourceThread() { stop(); }
  SourceThread(const SourceThread&) = delete;
  SourceThread& operator=(const SourceThread&) = delete;

  /// Stops any earlier run, then runs `body` on a thread named `name`. When
  /// even that fails (no eventfd), logs it and reports `failed` for `uri`
  /// through `on_status`.
  void start(const char* name, const std::string& uri, const CodeSource::StatusHandler& on_status,
             Body body);
  /// Wakes and joins the thread; idempotent. Any thread but the source's own.
  void stop();
  /// The eventfd stop() signals; valid from start() to stop().
  int wake_fd() const { return m_wake_fd; }
  /// Sleeps for `interval` unless stop() comes first; false when stopping.
  /// The source's thread only.
  bool wait(const std::stop_token& stop, std::chrono::milliseconds interval) const;

  /// One connection to a device: open it, report it ready, read until it
  /// goes away. Nullopt when stopped; otherwise why it ended.
  using Session = std::function<std::optional<DeviceDown>()>;

  /// The reconnect loop of a device source, on the source's thread: runs
  /// `session`, reports why it ended, waits `retry` and runs it again, until
  /// stopped. Anything it throws is reported as `failed` and ends the loop.
  void reconnect(const std::stop_token& stop, StatusReporter& status,
                 std::chrono::milliseconds retry, const Session& session) const;

 private:
  int m_wake_fd = -1;
  std::jthread m_thread;
};

/// Reports each change of state once (a scanner that stays unplugged is
/// `missing` once, not once per retry) and logs it where it happens.
class StatusReporter {
 public:
  StatusReporter(const std::string& uri, const CodeSource::StatusHandler& handler)
      : m_uri(uri), m_handler(handler) {}

  void report(SourceState state, const std::string& detail);

 private:
  const std::string& m_uri;
  const CodeSource::StatusHandler& m_handler;
  std::optional<SourceState> m_last;
};

}  // namespace kiosk::scan
