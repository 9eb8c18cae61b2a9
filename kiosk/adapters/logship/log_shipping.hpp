#pragma once
// Log shipping for the app (issue 8): every log record, already redacted by
// the root sink (core/log.hpp), is committed to a durable spool (log_spool.hpp)
// and a background thread ships the spool to the OpenTelemetry collector in
// the profile (log_shipper.hpp). A heartbeat record joins the same way every
// [logging] heartbeat_interval.
//
// How the app uses it, once, at start-up, after setup_logging():
//
//   (void)kiosk::setup_logging(LoggingOptions{profile.logging.level, profile.logging.directory});
//   auto shipping = kiosk::start_log_shipping(profile, [&] {
//     return kiosk::HeartbeatStatus{…};  // called on the shipper's thread
//   }, {.version = KIOSK_VERSION_STRING});
//   if (!shipping) { logger("ops")->error("{}", shipping.error()); }
//   … run …
//   shipping->reset();  // or let it go out of scope before exit: stops, ships
//                       // what it can for a few seconds, keeps the rest spooled
//
// With `[logging] otlp_endpoint` empty nothing is spooled or shipped (an
// inactive LogShipping is returned). What is in the spool when the kiosk
// stops or crashes is shipped after the next start.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include <tl/expected.hpp>

#include "adapters/logship/log_shipper.hpp"
#include "core/profile.hpp"

namespace kiosk {

/// The kiosk's state for a heartbeat record; every field is optional text.
struct HeartbeatStatus {
  std::string version{};
  std::chrono::seconds uptime{0};
  std::string last_sync{};       // ISO 8601 time of the last good sync; empty = never
  std::size_t outbox_depth = 0;  // bookings and interests not yet delivered
  std::string printer{};         // "ok", "paper_out", "offline", …
  std::string camera{};          // "ok", "missing", …
};

/// Returns the current status; called on the shipper's thread, so it must be
/// thread-safe (read atomics or a snapshot under a lock), and what it reads
/// must outlive the LogShipping. Exceptions are caught and the heartbeat is
/// skipped.
using HeartbeatSource = std::function<HeartbeatStatus()>;

struct LogShippingOptions {
  std::string version = "unknown";         // service.version of every record
  std::size_t max_spool_records = 100000;  // the spool's cap (see log_spool.hpp)
  std::size_t max_batch = 500;
  std::chrono::milliseconds poll_interval{1000};  // an idle shipper looks this often
  std::chrono::milliseconds stop_budget{5000};    // shipping on stop gives up after this
  LogTransport transport{};                       // empty: libcurl (curl_log_transport())
  UnitRandom random{};                            // empty: default_unit_random()
};

/// The running spool and shipper; stops when destroyed.
class LogShipping {
 public:
  /// Inactive: nothing spooled or shipped.
  LogShipping();
  ~LogShipping();
  LogShipping(const LogShipping&) = delete;
  LogShipping& operator=(const LogShipping&) = delete;

  bool active() const;
  /// Records waiting in the spool. Any thread.
  std::size_t spool_depth() const;
  /// Stops the thread, then ships what the spool holds until it is empty, a
  /// send fails or stop_budget has passed (a libcurl send still in flight
  /// then is aborted and its batch stays spooled), and only then removes the
  /// spool's sink. Idempotent.
  void stop();

  struct Impl;

 private:
  friend tl::expected<std::unique_ptr<LogShipping>, std::string> start_log_shipping(
      const Profile&, HeartbeatSource, LogShippingOptions);
  explicit LogShipping(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

/// Opens the spool in `[logging] spool_dir`, adds its sink behind the
/// redaction layer and starts the shipper thread posting to
/// `[logging] otlp_endpoint`/v1/logs with service.instance.id = `[kiosk] id`,
/// and a heartbeat every `[logging] heartbeat_interval` (none when
/// `heartbeat` is empty or the interval is 0). Error text when the spool
/// cannot be opened. Call after setup_logging(), from one thread.
tl::expected<std::unique_ptr<LogShipping>, std::string> start_log_shipping(
    const Profile& profile, HeartbeatSource heartbeat, LogShippingOptions options = {});

/// When the shipper's thread does what: a heartbeat every interval (none when
/// the interval is 0), the next batch at once after a sent, split or dropped
/// one, after poll_interval when the spool was empty, after the backoff when
/// it failed (a heartbeat falling due meanwhile does not bring the retry
/// forward). Pure: the thread passes steady-clock times, tests their own.
class ShipSchedule {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  ShipSchedule(std::chrono::milliseconds poll_interval, std::chrono::seconds heartbeat_interval,
               TimePoint start);
  bool heartbeat_due(TimePoint now) const;
  void heartbeat_written(TimePoint now);
  bool ship_due(TimePoint now) const;
  void shipped(const ShipStep& step, TimePoint now);
  /// The earliest of the next ship and the next heartbeat.
  TimePoint wake_at() const;

 private:
  std::chrono::milliseconds m_poll;
  std::chrono::seconds m_heartbeat;
  TimePoint m_next_beat;
  TimePoint m_next_ship;
};

/// The heartbeat as a spool record (logger "heartbeat", attributes
/// event.name=kiosk.heartbeat, kiosk.version, kiosk.uptime_s, kiosk.last_sync,
/// kiosk.outbox_depth, kiosk.printer, kiosk.camera). Pure.
LogRecord heartbeat_record(const HeartbeatStatus& status,
                           std::chrono::system_clock::time_point now);

}  // namespace kiosk
