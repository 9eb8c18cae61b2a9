#pragma once
// The booking outbox in its own SQLite file (rollback journal,
// synchronous=FULL, secure_delete=ON). sqlite3.h stays out of this header.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include <tl/expected.hpp>

#include "core/backoff.hpp"
#include "ports/booking_outbox.hpp"
#include "ports/central_api.hpp"

namespace kiosk {

namespace store_detail {
class SqliteDb;
}  // namespace store_detail

namespace outbox_detail {
struct OutboxRow;
}  // namespace outbox_detail

struct SqliteOutboxSettings {
  /// The outbox file, e.g. /var/lib/kiosk/outbox.db; its parent directory is
  /// created when missing. Never the vacancy cache's file.
  std::filesystem::path path;
  /// How long a statement waits for another process's lock (`kioskctl
  /// outbox --flush` next to the running kiosk).
  std::chrono::milliseconds busy_timeout{10000};
  /// Between attempts of one entry: full jitter doubling from `base` up to
  /// `cap`, never sooner than the API's Retry-After.
  BackoffPolicy backoff{std::chrono::seconds{2}, std::chrono::minutes{10}};
  /// Delivered and rejected entries (no personal data left) are kept this
  /// long, and at most this many, for `kioskctl outbox` and reprints.
  std::chrono::hours keep_for{24 * 30};
  std::size_t keep_last = 1000;
  /// The wall clock; empty = std::chrono::system_clock. Injected by tests.
  std::function<std::chrono::system_clock::time_point()> now{};
  UnitRandom random{};  // empty: default_unit_random()
};

/// A BookingOutbox on SQLite that sends through `api`.
///
/// Any thread but the UI thread may call it, at the same time: submit() from
/// the journey's worker while flush() runs on the "outbox" thread. Database
/// statements are serialised by a mutex and never held across a send; a key
/// is sent by one thread at a time (an in-process in-flight set), and a
/// second caller for the same key waits for the first. Other processes may
/// use the same file (`kioskctl outbox --flush`): writes take BEGIN
/// IMMEDIATE and wait up to `busy_timeout`; an entry is only ever moved out
/// of `pending` once, so a duplicate send from two processes (harmless: the
/// same key replays the same answer) cannot corrupt it.
///
/// What a send's failure does to the entry:
/// - stays pending, retried with backoff: offline, timeout, 429/503 (with
///   Retry-After), other 5xx, 401/403 (a kiosk's credentials are fixed by
///   staff; the booking must not be lost meanwhile), and a 2xx answer that
///   could not be read (the server may hold the booking)
/// - rejected for good: every other refusal (409 slot_full/already_booked,
///   422, 400, 404, an unusable key)
/// Delivered and rejected entries lose their body (personal data) in the
/// same transaction that records the outcome. Failures are logged once on
/// "outbox", with masked citizen ids only.
class SqliteBookingOutbox final : public BookingOutbox {
 public:
  /// Opens or creates the file, sets the journal, synchronous=FULL,
  /// secure_delete and the busy timeout, and migrates the schema. `api` is
  /// used for sends only and must be safe to call from the callers' threads.
  static tl::expected<std::unique_ptr<SqliteBookingOutbox>, StoreFailure> open(
      SqliteOutboxSettings settings, std::shared_ptr<CentralApi> api);

  ~SqliteBookingOutbox() override;
  SqliteBookingOutbox(const SqliteBookingOutbox&) = delete;
  SqliteBookingOutbox& operator=(const SqliteBookingOutbox&) = delete;
  SqliteBookingOutbox(SqliteBookingOutbox&&) = delete;
  SqliteBookingOutbox& operator=(SqliteBookingOutbox&&) = delete;

  /// See BookingOutbox::submit. The entry is committed (fsync'd) before the
  /// send starts. A key already delivered or rejected answers from the file
  /// without sending; a key already pending is sent again now. An empty
  /// key fails with io and stores nothing.
  tl::expected<Delivery, StoreFailure> submit(const BookingRequest& request,
                                              OutboxKind kind) override;

  /// flush_with({}): the due entries only.
  tl::expected<std::size_t, StoreFailure> flush() override;

  /// Sends the due (or, with ignore_backoff, all) pending entries one by
  /// one, skipping a key another thread is sending; then purges old
  /// finished entries. Returns how many are still pending.
  tl::expected<std::size_t, StoreFailure> flush_with(const FlushOptions& options) override;

  tl::expected<std::vector<OutboxSummary>, StoreFailure> list() override;

 private:
  SqliteBookingOutbox(SqliteOutboxSettings settings, std::shared_ptr<CentralApi> api,
                      std::unique_ptr<store_detail::SqliteDb> db);

  /// Marks `key` in flight; waits while another thread has it unless
  /// `wait` is false (then answers false at once). The bool says whether
  /// this call had to wait (or, without `wait`, whether it got the key).
  bool acquire(const std::string& key, bool wait);
  void release(const std::string& key);

  /// Sends the stored entry (the caller holds its key) and records the
  /// outcome; an entry no longer pending answers from the file.
  tl::expected<Delivery, StoreFailure> send_stored(const std::string& key);
  Delivery record_outcome(const outbox_detail::OutboxRow& row,
                          tl::expected<BookingConfirmation, ApiFailure> sent);
  tl::expected<Delivery, StoreFailure> stored_delivery(const std::string& key);
  std::chrono::milliseconds retry_delay(int attempt, const ApiFailure& failure);
  std::chrono::system_clock::time_point now() const;

  SqliteOutboxSettings m_settings;
  std::shared_ptr<CentralApi> m_api;
  std::mutex m_db_mutex;  // guards m_db and m_settings.random
  std::unique_ptr<store_detail::SqliteDb> m_db;
  std::mutex m_flight_mutex;
  std::condition_variable m_flight_cv;
  std::set<std::string> m_in_flight;
};

}  // namespace kiosk
