#include "adapters/logship/log_shipping.hpp"

#include <pthread.h>

#include <atomic>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <stop_token>
#include <thread>

#include <spdlog/sinks/sink.h>

#include "core/log.hpp"
#include "core/redact.hpp"

namespace kiosk {
namespace {

constexpr std::size_t k_max_body_bytes = 16 * 1024;

std::int64_t unix_ns(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

std::pair<int, const char*> severity_of(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace:
      return {1, "TRACE"};
    case spdlog::level::debug:
      return {5, "DEBUG"};
    case spdlog::level::info:
      return {9, "INFO"};
    case spdlog::level::warn:
      return {13, "WARN"};
    case spdlog::level::err:
      return {17, "ERROR"};
    case spdlog::level::critical:
      return {21, "FATAL"};
    default:
      return {0, "UNSPECIFIED"};
  }
}

// Cuts at a character boundary, so the body stays valid UTF-8.
std::string cut_utf8(std::string_view text, std::size_t max) {
  if (text.size() <= max) {
    return std::string(text);
  }
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return std::string(text.substr(0, end)) + "…[cut]";
}

// Behind the root sink: each (already redacted) record into the spool.
class SpoolSink final : public spdlog::sinks::sink {
 public:
  explicit SpoolSink(std::shared_ptr<LogSpool> spool) : m_spool(std::move(spool)) {}
  void log(const spdlog::details::log_msg& msg) override {
    LogRecord r;
    r.time_ns = unix_ns(msg.time);
    const auto [number, text] = severity_of(msg.level);
    r.severity = number;
    r.severity_text = text;
    r.logger.assign(msg.logger_name.data(), msg.logger_name.size());
    r.body = cut_utf8({msg.payload.data(), msg.payload.size()}, k_max_body_bytes);
    m_spool->append(std::move(r));
  }
  void flush() override {}
  void set_pattern(const std::string&) override {}
  void set_formatter(std::unique_ptr<spdlog::formatter>) override {}

 private:
  std::shared_ptr<LogSpool> m_spool;
};

}  // namespace

struct LogShipping::Impl {
  std::shared_ptr<LogSpool> spool;
  std::shared_ptr<SpoolSink> sink;
  std::unique_ptr<LogShipper> shipper;
  // Set on stop: libcurl transfers give up after it.
  std::shared_ptr<std::atomic<std::int64_t>> abort_after =
      std::make_shared<std::atomic<std::int64_t>>(std::numeric_limits<std::int64_t>::max());
  HeartbeatSource heartbeat;
  std::chrono::seconds heartbeat_interval{0};
  LogShippingOptions options;
  std::mutex mutex;
  std::condition_variable_any wake;
  bool stopped = false;
  std::jthread thread;

  void beat() {
    try {
      spool->append(heartbeat_record(heartbeat(), std::chrono::system_clock::now()));
    } catch (const std::exception& e) {
      logger("logship")->warn("heartbeat skipped: {}", e.what());
    } catch (...) {
      logger("logship")->warn("heartbeat skipped: unknown exception");
    }
  }

  // The shipper's thread: heartbeats on time, ships, waits.
  void run(const std::stop_token& token) {
    using Clock = std::chrono::steady_clock;
    ShipSchedule schedule(options.poll_interval,
                          heartbeat ? heartbeat_interval : std::chrono::seconds{0}, Clock::now());
    // The first round runs even when stop comes at once: a start writes its heartbeat.
    for (;;) {
      if (schedule.heartbeat_due(Clock::now())) {
        beat();
        schedule.heartbeat_written(Clock::now());
      }
      if (schedule.ship_due(Clock::now())) {
        ShipStep step;
        try {
          step = shipper->ship_once();
        } catch (...) {
          // Nothing escapes the thread; try again after a pause.
          step.outcome = ShipStep::Outcome::failed;
          step.wait = options.poll_interval;
        }
        schedule.shipped(step, Clock::now());
      }
      std::unique_lock lock(mutex);
      wake.wait_until(lock, token, schedule.wake_at(), [] { return false; });
      if (token.stop_requested()) {
        return;
      }
    }
  }

  void stop() {
    {
      std::lock_guard lock(mutex);
      if (stopped) {
        return;
      }
      stopped = true;
    }
    // Past the budget even a send in flight is given up (kept in the spool).
    const auto deadline = std::chrono::steady_clock::now() + options.stop_budget;
    abort_after->store(
        std::chrono::duration_cast<std::chrono::nanoseconds>(deadline.time_since_epoch()).count());
    thread.request_stop();  // wakes the wait at once
    if (thread.joinable()) {
      thread.join();
    }
    // Ship what is left while it works; the rest waits in the spool.
    while (std::chrono::steady_clock::now() < deadline) {
      ShipStep step;
      try {
        step = shipper->ship_once();
      } catch (...) {
        break;
      }
      if (step.outcome == ShipStep::Outcome::idle || step.outcome == ShipStep::Outcome::failed) {
        break;
      }
    }
    remove_log_sink(sink);
  }
};

LogShipping::LogShipping() = default;
LogShipping::LogShipping(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
LogShipping::~LogShipping() {
  stop();
}

bool LogShipping::active() const {
  return m_impl != nullptr;
}

std::size_t LogShipping::spool_depth() const {
  return m_impl ? m_impl->spool->size() : 0;
}

void LogShipping::stop() {
  if (m_impl) {
    m_impl->stop();
  }
}

tl::expected<std::unique_ptr<LogShipping>, std::string> start_log_shipping(
    const Profile& profile, HeartbeatSource heartbeat, LogShippingOptions options) {
  if (profile.logging.otlp_endpoint.empty()) {
    return std::make_unique<LogShipping>();
  }
  auto spool = LogSpool::open(profile.logging.spool_dir, options.max_spool_records);
  if (!spool) {
    return tl::unexpected(spool.error());
  }
  auto impl = std::make_unique<LogShipping::Impl>();
  impl->spool = *spool;
  CurlTransportOptions curl_options;
  curl_options.abort_after = impl->abort_after;
  LogShipperOptions shipper_options;
  shipper_options.endpoint = profile.logging.otlp_endpoint;
  shipper_options.resource = OtlpResource{
      .service_name = "kiosk", .instance_id = profile.kiosk.id, .version = options.version};
  shipper_options.max_batch = options.max_batch;
  impl->shipper = std::make_unique<LogShipper>(
      impl->spool, std::move(shipper_options),
      options.transport ? options.transport : curl_log_transport(curl_options),
      options.random ? options.random : default_unit_random());
  impl->heartbeat = std::move(heartbeat);
  impl->heartbeat_interval = profile.logging.heartbeat_interval;
  impl->options = std::move(options);
  impl->sink = std::make_shared<SpoolSink>(impl->spool);
  add_log_sink(impl->sink);
  LogShipping::Impl* raw = impl.get();
  impl->thread = std::jthread([raw](const std::stop_token& token) {
    pthread_setname_np(pthread_self(), "logship");
    raw->run(token);
  });
  return std::unique_ptr<LogShipping>(new LogShipping(std::move(impl)));
}

ShipSchedule::ShipSchedule(std::chrono::milliseconds poll_interval,
                           std::chrono::seconds heartbeat_interval, TimePoint start)
    : m_poll(poll_interval),
      m_heartbeat(heartbeat_interval),
      m_next_beat(start),
      m_next_ship(start) {}

bool ShipSchedule::heartbeat_due(TimePoint now) const {
  return m_heartbeat.count() > 0 && now >= m_next_beat;
}

void ShipSchedule::heartbeat_written(TimePoint now) {
  m_next_beat = now + m_heartbeat;
}

bool ShipSchedule::ship_due(TimePoint now) const {
  return now >= m_next_ship;
}

void ShipSchedule::shipped(const ShipStep& step, TimePoint now) {
  switch (step.outcome) {
    case ShipStep::Outcome::idle:
      m_next_ship = now + m_poll;
      break;
    case ShipStep::Outcome::failed:
      m_next_ship = now + step.wait;
      break;
    default:
      m_next_ship = now;
      break;
  }
}

ShipSchedule::TimePoint ShipSchedule::wake_at() const {
  return m_heartbeat.count() > 0 ? std::min(m_next_ship, m_next_beat) : m_next_ship;
}

LogRecord heartbeat_record(const HeartbeatStatus& status,
                           std::chrono::system_clock::time_point now) {
  LogRecord r;
  r.time_ns = unix_ns(now);
  r.logger = "heartbeat";
  r.severity = 9;
  r.severity_text = "INFO";
  const std::string uptime = std::to_string(status.uptime.count());
  const std::string outbox = std::to_string(status.outbox_depth);
  r.body = Redactor::global().redact(
      "heartbeat version=" + status.version + " uptime_s=" + uptime +
      " last_sync=" + (status.last_sync.empty() ? "never" : status.last_sync) +
      " outbox=" + outbox + " printer=" + status.printer + " camera=" + status.camera);
  r.attributes = {{"event.name", "kiosk.heartbeat"}, {"kiosk.version", status.version},
                  {"kiosk.uptime_s", uptime},        {"kiosk.last_sync", status.last_sync},
                  {"kiosk.outbox_depth", outbox},    {"kiosk.printer", status.printer},
                  {"kiosk.camera", status.camera}};
  return r;
}

}  // namespace kiosk
