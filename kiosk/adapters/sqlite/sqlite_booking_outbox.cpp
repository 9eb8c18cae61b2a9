#include "adapters/sqlite/sqlite_booking_outbox.hpp"

#include <utility>

#include <nlohmann/json.hpp>

#include "adapters/sqlite/outbox_rows.hpp"
#include "adapters/sqlite/sqlite_db.hpp"
#include "adapters/sqlite/store_rows.hpp"
#include "core/citizen_id.hpp"
#include "core/log.hpp"
#include "core/text.hpp"

namespace kiosk {
namespace {

using nlohmann::json;
using outbox_detail::OutboxRow;
using store_detail::in_transaction;
using store_detail::SqliteDb;

// Runs `f` when the scope ends, however it ends.
template <typename F>
struct OnExit {
  F f;
  ~OnExit() { f(); }
};
template <typename F>
OnExit(F) -> OnExit<F>;

std::int64_t seconds_of(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::int64_t millis_of(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

// Overwrites every string in a JSON value (a request body) before it is freed.
void wipe_strings(json& j) {
  if (j.is_string()) {
    secure_wipe(j.get_ref<std::string&>());
  } else if (j.is_structured()) {
    for (auto& item : j) {
      wipe_strings(item);
    }
  }
}

// Worth sending again later: the request may still go through unchanged.
bool stays_pending(const ApiFailure& f) {
  const bool unreadable_success =
      f.kind == ApiError::bad_response && f.http_status >= 200 && f.http_status < 300;
  return is_retryable(f) || f.kind == ApiError::unauthorized || unreadable_success;
}

// What a stored entry says about its request.
Delivery delivery_of(const OutboxRow& row) {
  Delivery d;
  d.state = row.state;
  d.failure = row.failure;
  if (row.state == DeliveryState::delivered) {
    const json j = json::parse(row.confirmation, nullptr, false);
    auto c = confirmation_from_json(j);
    BookingConfirmation fallback;
    fallback.reference = row.reference;
    fallback.vacancy_id = row.vacancy_id;
    d.confirmation = c ? std::move(*c) : std::move(fallback);
    d.failure.reset();
  }
  return d;
}

tl::expected<SqliteDb, StoreFailure> open_outbox_file(const SqliteOutboxSettings& settings) {
  auto db = SqliteDb::open(settings.path);
  if (!db) {
    return db;
  }
  sqlite3_busy_timeout(db->handle(), static_cast<int>(settings.busy_timeout.count()));
  // A rollback journal, not WAL: once an entry's personal data is erased no
  // copy of the old page lives on in a -wal file until a checkpoint. The
  // first statement that reads the file: a non-database fails here.
  auto mode = db->query_text("PRAGMA journal_mode=DELETE");
  if (!mode) {
    return tl::unexpected(std::move(mode.error()));
  }
  auto done = db->exec("PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;");
  if (!done) {
    return tl::unexpected(std::move(done.error()));
  }
  if (auto secure = db->query_text("PRAGMA secure_delete"); !secure || *secure != "1") {
    return tl::unexpected(
        StoreFailure{StoreError::unavailable, "this SQLite cannot overwrite deleted content"});
  }
  if (auto migrated = outbox_detail::migrate_outbox(*db); !migrated) {
    return tl::unexpected(std::move(migrated.error()));
  }
  return db;
}

}  // namespace

tl::expected<std::unique_ptr<SqliteBookingOutbox>, StoreFailure> SqliteBookingOutbox::open(
    SqliteOutboxSettings settings, std::shared_ptr<CentralApi> api) {
  // Never moved aside when damaged, unlike the cache: it may hold bookings
  // that exist nowhere else.
  auto db = open_outbox_file(settings);
  if (!db) {
    logger("outbox")->error("cannot use {}: {}", settings.path.string(), db.error().message);
    return tl::unexpected(std::move(db.error()));
  }
  if (!settings.random) {
    settings.random = default_unit_random();
  }
  return std::unique_ptr<SqliteBookingOutbox>(new SqliteBookingOutbox(
      std::move(settings), std::move(api), std::make_unique<SqliteDb>(std::move(*db))));
}

SqliteBookingOutbox::SqliteBookingOutbox(SqliteOutboxSettings settings,
                                         std::shared_ptr<CentralApi> api,
                                         std::unique_ptr<store_detail::SqliteDb> db)
    : m_settings(std::move(settings)), m_api(std::move(api)), m_db(std::move(db)) {}

SqliteBookingOutbox::~SqliteBookingOutbox() = default;

std::chrono::system_clock::time_point SqliteBookingOutbox::now() const {
  return m_settings.now ? m_settings.now() : std::chrono::system_clock::now();
}

bool SqliteBookingOutbox::acquire(const std::string& key, bool wait) {
  std::unique_lock lock(m_flight_mutex);
  if (!wait) {
    return m_in_flight.insert(key).second;
  }
  bool waited = false;
  while (m_in_flight.contains(key)) {
    waited = true;
    m_flight_cv.wait(lock);
  }
  m_in_flight.insert(key);
  return waited;
}

void SqliteBookingOutbox::release(const std::string& key) {
  {
    const std::lock_guard lock(m_flight_mutex);
    m_in_flight.erase(key);
  }
  m_flight_cv.notify_all();
}

tl::expected<Delivery, StoreFailure> SqliteBookingOutbox::submit(const BookingRequest& request,
                                                                 OutboxKind kind) {
  const std::string& key = request.idempotency_key;
  if (key.empty()) {
    logger("outbox")->error("not stored: a request without an Idempotency-Key");
    return tl::unexpected(StoreFailure{StoreError::io, "the request has no Idempotency-Key"});
  }
  const bool waited = acquire(key, true);
  const OnExit hold{[&] { release(key); }};
  OutboxRow row;
  row.key = key;
  row.kind = kind;
  row.vacancy_id = request.vacancy_id;
  row.slot_id = kind == OutboxKind::booking ? request.slot_id : std::string();
  json body = kind == OutboxKind::booking ? booking_body(request) : interest_body(request);
  row.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  wipe_strings(body);
  row.next_attempt_ms = millis_of(now());
  bool inserted = false;
  {
    const std::lock_guard lock(m_db_mutex);
    auto stored = in_transaction(*m_db, "BEGIN IMMEDIATE", [&]() -> store_detail::Result {
      auto done = outbox_detail::insert_pending(*m_db, row, seconds_of(now()));
      inserted = done.value_or(false);
      return done ? store_detail::Result{} : tl::unexpected(std::move(done.error()));
    });
    if (!stored) {
      logger("outbox")->error("{} {} not stored, not sent: {}", kind_name(kind),
                              key, stored.error().message);
      return tl::unexpected(std::move(stored.error()));
    }
  }
  if (inserted) {
    logger("outbox")->info("{} {} stored: vacancy {} slot {} citizen {}", kind_name(kind), key,
                           row.vacancy_id, row.slot_id.empty() ? "-" : row.slot_id,
                           mask_id(request.citizen_id));
  }
  // Another thread just sent this key: its outcome is ours.
  return waited ? stored_delivery(key) : send_stored(key);
}

tl::expected<Delivery, StoreFailure> SqliteBookingOutbox::stored_delivery(const std::string& key) {
  const std::lock_guard lock(m_db_mutex);
  auto row = outbox_detail::read_row(*m_db, key);
  if (!row) {
    return tl::unexpected(std::move(row.error()));
  }
  if (!*row) {
    return tl::unexpected(StoreFailure{StoreError::io, "entry " + key + " is gone"});
  }
  return delivery_of(**row);
}

tl::expected<Delivery, StoreFailure> SqliteBookingOutbox::send_stored(const std::string& key) {
  tl::expected<std::optional<OutboxRow>, StoreFailure> row;
  {
    const std::lock_guard lock(m_db_mutex);
    row = outbox_detail::read_row(*m_db, key);
  }
  if (!row || !*row) {
    return row ? tl::unexpected(StoreFailure{StoreError::io, "entry " + key + " is gone"})
               : tl::unexpected(std::move(row.error()));
  }
  if ((*row)->state != DeliveryState::pending) {
    return delivery_of(**row);  // another process ended it meanwhile
  }
  json body = json::parse((*row)->body, nullptr, false);
  auto request = booking_request_from_body(body, key);
  wipe_strings(body);
  tl::expected<BookingConfirmation, ApiFailure> sent = tl::unexpected(
      ApiFailure{ApiError::conflict, 0, "unreadable_entry", "the stored request is unreadable", {}});
  if (request) {
    sent = (*row)->kind == OutboxKind::booking ? m_api->book(*request)
                                               : m_api->register_interest(*request);
  }
  return record_outcome(**row, std::move(sent));
}

std::chrono::milliseconds SqliteBookingOutbox::retry_delay(int attempt, const ApiFailure& failure) {
  return backoff_delay(m_settings.backoff, attempt, m_settings.random, failure.retry_after);
}

Delivery SqliteBookingOutbox::record_outcome(const OutboxRow& row,
                                             tl::expected<BookingConfirmation, ApiFailure> sent) {
  Delivery d;
  const auto at = now();
  const std::lock_guard lock(m_db_mutex);
  bool changed = true;
  auto done = in_transaction(*m_db, "BEGIN IMMEDIATE", [&]() -> store_detail::Result {
    tl::expected<bool, StoreFailure> step;
    if (sent) {
      d = Delivery{DeliveryState::delivered, *sent, std::nullopt};
      step = outbox_detail::finish_row(*m_db, row.key, d.state, sent->reference,
                                       to_json(*sent).dump(), nullptr, seconds_of(at));
    } else if (stays_pending(sent.error())) {
      d = Delivery{DeliveryState::pending, std::nullopt, sent.error()};
      const auto next = at + retry_delay(row.attempts, sent.error());
      step = outbox_detail::schedule_retry(*m_db, row.key, sent.error(), millis_of(next),
                                           seconds_of(at));
    } else {
      d = Delivery{DeliveryState::rejected, std::nullopt, sent.error()};
      step = outbox_detail::finish_row(*m_db, row.key, d.state, "", "", &sent.error(),
                                       seconds_of(at));
    }
    changed = step.value_or(true);
    return step ? store_detail::Result{} : tl::unexpected(std::move(step.error()));
  });
  const auto log = logger("outbox");
  if (!done) {
    // Sent but not recorded: the entry stays pending and is sent again
    // later, which the key makes harmless.
    log->error("{} {}: outcome not recorded ({}), it will be resent", kind_name(row.kind),
               row.key, done.error().message);
  } else if (!changed) {
    log->info("{} {} was ended by another process meanwhile", kind_name(row.kind), row.key);
    if (auto stored = outbox_detail::read_row(*m_db, row.key); stored && *stored) {
      return delivery_of(**stored);
    }
  }
  if (d.state == DeliveryState::delivered) {
    log->info("{} {} delivered: reference {}", kind_name(row.kind), row.key,
              d.confirmation->reference);
  } else {
    log->warn("{} {} {} after attempt {}: {} {} {}", kind_name(row.kind), row.key,
              state_name(d.state), row.attempts + 1, d.failure->http_status, d.failure->code,
              d.failure->message);
  }
  return d;
}

tl::expected<std::size_t, StoreFailure> SqliteBookingOutbox::flush() {
  return flush_with(FlushOptions{});
}

tl::expected<std::size_t, StoreFailure> SqliteBookingOutbox::flush_with(
    const FlushOptions& options) {
  tl::expected<std::vector<std::string>, StoreFailure> keys;
  {
    const std::lock_guard lock(m_db_mutex);
    keys = outbox_detail::due_keys(*m_db, millis_of(now()), options.ignore_backoff);
  }
  if (!keys) {
    logger("outbox")->error("flush: cannot read the outbox: {}", keys.error().message);
    return tl::unexpected(std::move(keys.error()));
  }
  for (const std::string& key : *keys) {
    if (options.stop.stop_requested()) {
      break;
    }
    if (!acquire(key, false)) {
      continue;  // another thread is sending it right now
    }
    const OnExit hold{[&] { release(key); }};
    static_cast<void>(send_stored(key));  // failures are recorded and logged
  }
  const std::lock_guard lock(m_db_mutex);
  const auto before = now() - m_settings.keep_for;
  auto purged = in_transaction(*m_db, "BEGIN IMMEDIATE", [&]() -> store_detail::Result {
    auto n = outbox_detail::purge_finished(*m_db, seconds_of(before), m_settings.keep_last);
    return n ? store_detail::Result{} : tl::unexpected(std::move(n.error()));
  });
  if (!purged) {
    logger("outbox")->warn("old finished entries not purged: {}", purged.error().message);
  }
  return outbox_detail::count_pending(*m_db);
}

tl::expected<std::vector<OutboxSummary>, StoreFailure> SqliteBookingOutbox::list() {
  const std::lock_guard lock(m_db_mutex);
  auto rows = outbox_detail::list_rows(*m_db);
  if (!rows) {
    logger("outbox")->error("cannot list the outbox: {}", rows.error().message);
  }
  return rows;
}

}  // namespace kiosk
