#pragma once
// The booking outbox's file: its schema and the statements on its one
// table. Each function runs inside a transaction its caller holds, except
// where it says otherwise; none logs.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "adapters/sqlite/sqlite_db.hpp"
#include "ports/booking_outbox.hpp"

namespace kiosk::outbox_detail {

using store_detail::SqliteDb;
using Result = tl::expected<void, StoreFailure>;

/// Brings a new or older outbox file to this build's schema (PRAGMA
/// user_version; a file from a newer build is `unavailable`). Begins and
/// commits its own transaction.
Result migrate_outbox(SqliteDb& db);

/// One stored entry. `body` is the request's JSON (personal data) while
/// pending, empty afterwards; the destructor overwrites it.
struct OutboxRow {
  std::string key;
  OutboxKind kind = OutboxKind::booking;
  std::string vacancy_id;
  std::string slot_id;
  std::string body;
  DeliveryState state = DeliveryState::pending;
  int attempts = 0;
  std::int64_t next_attempt_ms = 0;  // milliseconds since the epoch
  std::int64_t created_at = 0;       // seconds since the epoch
  std::string reference;
  std::string confirmation;  // to_json(BookingConfirmation) text once delivered
  std::optional<ApiFailure> failure;  // the last one

  OutboxRow() = default;
  OutboxRow(const OutboxRow&) = default;
  OutboxRow(OutboxRow&&) noexcept = default;
  OutboxRow& operator=(const OutboxRow&) = default;
  OutboxRow& operator=(OutboxRow&&) noexcept = default;
  ~OutboxRow();
};

/// Inserts a pending entry unless its key is stored already; true when it
/// was inserted.
tl::expected<bool, StoreFailure> insert_pending(SqliteDb& db, const OutboxRow& row,
                                                std::int64_t now_s);

/// The entry stored under `key`, if any.
tl::expected<std::optional<OutboxRow>, StoreFailure> read_row(SqliteDb& db,
                                                              const std::string& key);

/// Ends a pending entry as delivered (with its reference and confirmation
/// JSON) or rejected (with `failure`): the body is overwritten with zeros,
/// then set to NULL, in the caller's transaction. False when the entry was
/// no longer pending (another process ended it first): nothing changed.
tl::expected<bool, StoreFailure> finish_row(SqliteDb& db, const std::string& key,
                                            DeliveryState state, const std::string& reference,
                                            const std::string& confirmation,
                                            const ApiFailure* failure, std::int64_t now_s);

/// Counts a failed attempt of a pending entry and sets its next retry time.
/// False when the entry was no longer pending.
tl::expected<bool, StoreFailure> schedule_retry(SqliteDb& db, const std::string& key,
                                                const ApiFailure& failure,
                                                std::int64_t next_attempt_ms, std::int64_t now_s);

/// Keys of the pending entries due at `now_ms` (all of them when
/// `ignore_backoff`), oldest first.
tl::expected<std::vector<std::string>, StoreFailure> due_keys(SqliteDb& db, std::int64_t now_ms,
                                                              bool ignore_backoff);

/// How many entries are pending.
tl::expected<std::size_t, StoreFailure> count_pending(SqliteDb& db);

/// Every entry, oldest first, without bodies.
tl::expected<std::vector<OutboxSummary>, StoreFailure> list_rows(SqliteDb& db);

/// Deletes delivered and rejected entries last changed before `before_s`,
/// and all but the newest `keep_last` of them; returns how many went.
tl::expected<std::size_t, StoreFailure> purge_finished(SqliteDb& db, std::int64_t before_s,
                                                       std::size_t keep_last);

}  // namespace kiosk::outbox_detail
