#pragma once
// The durable spool of log records waiting to be shipped: one SQLite file
// (`spool.db` in the profile's [logging] spool_dir, WAL, synchronous=NORMAL:
// a committed record survives a crash of the kiosk; a power cut may lose the
// last few). Records are kept in sequence order and removed only after the
// collector accepted them.
//
// Bounded: above `max_records` the oldest tenth is deleted and replaced by one
// warning record "log spool full: dropped N oldest records" at the place of
// the newest one dropped (successive drops add up in that one record), so the
// operator sees the gap where it happened.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

struct sqlite3;

namespace kiosk {

/// One log record as spooled and shipped.
struct LogRecord {
  std::int64_t seq = 0;          // spool order; assigned by append()
  std::string uid{};             // unique id (UUIDv4) for de-duplication; assigned if empty
  std::int64_t time_ns = 0;      // when it was logged, Unix ns
  std::int64_t observed_ns = 0;  // when the spool took it, Unix ns
  int severity = 9;              // OTLP SeverityNumber (9 = INFO)
  std::string severity_text = "INFO";
  std::string logger{};  // the subsystem's logger name (the OTLP scope)
  std::string body{};    // already redacted
  /// Extra string attributes (the heartbeat's fields).
  std::vector<std::pair<std::string, std::string>> attributes{};
  std::int64_t dropped = 0;  // > 0: a "records dropped" marker standing for that many
};

/// A random UUIDv4, lower-case hex with dashes.
std::string make_record_uid();

class LogSpool {
 public:
  /// Opens (creating the folder and file if needed) `dir`/spool.db. A file
  /// that is not a readable SQLite database is renamed spool.db.corrupt-<ns>
  /// and a new spool started. Error text when SQLite refuses anyway.
  static tl::expected<std::shared_ptr<LogSpool>, std::string> open(const std::string& dir,
                                                                   std::size_t max_records);
  ~LogSpool();
  LogSpool(const LogSpool&) = delete;
  LogSpool& operator=(const LogSpool&) = delete;

  /// Commits one record (seq and, if empty, uid assigned), then enforces the
  /// cap. False when SQLite failed (the record is lost; counted). Any thread.
  bool append(LogRecord record);
  /// Up to `limit` records, oldest first. Any thread.
  std::vector<LogRecord> oldest(std::size_t limit);
  /// Removes exactly these records (matched by seq and uid: a record the cap
  /// replaced meanwhile stays). Any thread.
  bool remove(const std::vector<LogRecord>& records);
  std::size_t size();
  /// Appends that failed (disk full, …) since open.
  std::uint64_t failed_appends() const;

 private:
  LogSpool(sqlite3* db, std::size_t max_records);
  void enforce_cap_locked();

  std::mutex m_mutex;
  sqlite3* m_db = nullptr;
  std::size_t m_max_records;
  std::size_t m_count = 0;
  std::atomic<std::uint64_t> m_failed{0};
};

}  // namespace kiosk
