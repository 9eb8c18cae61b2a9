#pragma once
// Sends the spool's records to an OpenTelemetry collector as OTLP/HTTP JSON
// (`POST {endpoint}/v1/logs`, gzip), oldest first, removing records from the
// spool only after a 2xx: at-least-once and in order (a batch never goes
// ahead of one that failed). The collector de-duplicates by the
// `log.record.uid` attribute.
//
// Answers: 2xx -> the batch is removed (a partialSuccess is logged); 400 or
// 413 for a batch of several -> the batch is halved and sent again at once,
// so one bad record is isolated; another 4xx (not 408 or 429) for a single
// record -> that record is dropped and counted (a collector that refuses it
// for good would otherwise stop all shipping); anything else (no connection,
// timeout, 408, 429, 5xx) -> the same batch again after a full-jitter
// exponential backoff (core/backoff.hpp) that honours Retry-After.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "adapters/logship/log_spool.hpp"
#include "adapters/logship/otlp_json.hpp"
#include "core/backoff.hpp"

namespace kiosk {

/// What the collector answered.
struct ShipAnswer {
  int status = 0;       // HTTP status; 0 = no answer (see error)
  std::string error{};  // libcurl's message when status is 0
  std::optional<std::chrono::seconds> retry_after{};
  std::string body{};  // at most the first 64 KiB
};

/// Posts a gzipped OTLP JSON body to `url`. Must be callable from the
/// shipper's thread.
using LogTransport = std::function<ShipAnswer(const std::string& url, const std::string& gzipped)>;

struct CurlTransportOptions {
  std::chrono::milliseconds connect_timeout{3000};
  std::chrono::milliseconds total_timeout{10000};
  std::size_t max_answer_bytes = 64 * 1024;  // the rest of a huge answer is read and dropped
  std::string ca_file{};                     // empty: the system's CAs
  /// Steady-clock nanoseconds after which a transfer in flight is aborted
  /// (LogShipping sets it when it stops, so a hanging collector cannot hold
  /// the kiosk's exit); null or INT64_MAX: never.
  std::shared_ptr<std::atomic<std::int64_t>> abort_after{};
};

/// The libcurl transport: Content-Type application/json, Content-Encoding
/// gzip, Retry-After read as seconds or an HTTP date.
LogTransport curl_log_transport(CurlTransportOptions options = {});

struct LogShipperOptions {
  std::string endpoint{};  // the collector's base URL; "/v1/logs" is appended unless there
  OtlpResource resource{};
  std::size_t max_batch = 500;
  BackoffPolicy backoff{std::chrono::milliseconds{1000}, std::chrono::minutes{5},
                        std::chrono::minutes{10}};
};

/// The result of one ship_once().
struct ShipStep {
  enum class Outcome {
    idle,     // the spool was empty
    sent,     // a batch was accepted and removed
    split,    // the collector refused a batch of several: it was halved
    dropped,  // the collector refused a single record for good: dropped
    failed,   // nothing accepted: wait and send the same batch again
  };
  Outcome outcome = Outcome::idle;
  std::size_t records = 0;            // in the batch sent
  int status = 0;                     // the collector's answer, 0 = none
  std::chrono::milliseconds wait{0};  // before the next step (failed only)
};

class LogShipper {
 public:
  /// `random` feeds the backoff's jitter (injected for tests).
  LogShipper(std::shared_ptr<LogSpool> spool, LogShipperOptions options, LogTransport transport,
             UnitRandom random);

  /// Sends the oldest batch, if any, and says what happened. One thread at a time.
  ShipStep ship_once();

  std::uint64_t sent_records() const { return m_sent; }
  std::uint64_t dropped_records() const { return m_dropped; }
  /// Consecutive failures so far (0 after a success).
  int failures() const { return m_attempt; }

 private:
  std::shared_ptr<LogSpool> m_spool;
  LogShipperOptions m_options;
  std::string m_url;
  LogTransport m_transport;
  UnitRandom m_random;
  std::size_t m_batch_limit;
  int m_attempt = 0;
  std::uint64_t m_sent = 0;
  std::uint64_t m_dropped = 0;
};

}  // namespace kiosk
