#include "adapters/sqlite/outbox_rows.hpp"

#include <array>
#include <string_view>

#include "adapters/sqlite/store_schema.hpp"
#include "core/text.hpp"

namespace kiosk::outbox_detail {
namespace {

using store_detail::Migration;
using store_detail::SqliteStatement;

// The body (personal data) may only be there while the entry is pending:
// the CHECK makes any other row impossible to write.
constexpr std::array k_outbox_migrations{
    Migration{1, R"sql(
CREATE TABLE outbox(
  key TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('booking', 'interest')),
  vacancy_id TEXT NOT NULL,
  slot_id TEXT NOT NULL DEFAULT '',
  body TEXT,
  state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'rejected')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_ms INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  reference TEXT NOT NULL DEFAULT '',
  confirmation TEXT,
  error_kind TEXT NOT NULL DEFAULT '',
  error_status INTEGER NOT NULL DEFAULT 0,
  error_code TEXT NOT NULL DEFAULT '',
  error_message TEXT NOT NULL DEFAULT '',
  CHECK (state = 'pending' OR body IS NULL)
);
CREATE INDEX outbox_due ON outbox(state, next_attempt_ms);
)sql"},
};

constexpr std::array<std::string_view, 8> k_error_names = {
    "offline", "timeout", "unauthorized", "not_found",
    "conflict", "unavailable", "server", "bad_response"};

std::string_view error_name(ApiError e) {
  return k_error_names[static_cast<std::size_t>(e)];
}

ApiError error_from_name(std::string_view name) {
  for (std::size_t i = 0; i < k_error_names.size(); ++i) {
    if (k_error_names[i] == name) {
      return static_cast<ApiError>(i);
    }
  }
  return ApiError::bad_response;
}

DeliveryState state_from_name(std::string_view name) {
  if (name == "delivered") {
    return DeliveryState::delivered;
  }
  return name == "rejected" ? DeliveryState::rejected : DeliveryState::pending;
}

template <typename T>
tl::expected<T, StoreFailure> fail(StoreFailure f) {
  return tl::unexpected(std::move(f));
}

// Runs a prepared UPDATE and answers whether it changed a row.
tl::expected<bool, StoreFailure> changed_a_row(SqliteDb& db, SqliteStatement& stmt) {
  if (auto done = stmt.run(); !done) {
    return tl::unexpected(std::move(done.error()));
  }
  return sqlite3_changes(db.handle()) > 0;
}

constexpr const char* k_row_columns =
    "key, kind, vacancy_id, slot_id, body, state, attempts, next_attempt_ms, created_at, "
    "reference, confirmation, error_kind, error_status, error_code, error_message";

OutboxRow row_from(const SqliteStatement& s) {
  OutboxRow r;
  r.key = s.text(0);
  r.kind = s.text(1) == "interest" ? OutboxKind::interest : OutboxKind::booking;
  r.vacancy_id = s.text(2);
  r.slot_id = s.text(3);
  r.body = s.text(4);
  r.state = state_from_name(s.text(5));
  r.attempts = static_cast<int>(s.integer(6));
  r.next_attempt_ms = s.integer(7);
  r.created_at = s.integer(8);
  r.reference = s.text(9);
  r.confirmation = s.text(10);
  if (!s.text(11).empty()) {
    r.failure = ApiFailure{error_from_name(s.text(11)), static_cast<int>(s.integer(12)),
                           std::string(s.text(13)), std::string(s.text(14)), std::nullopt};
  }
  return r;
}

}  // namespace

OutboxRow::~OutboxRow() {
  secure_wipe(body);
}

Result migrate_outbox(SqliteDb& db) {
  return store_detail::migrate(db, k_outbox_migrations);
}

tl::expected<bool, StoreFailure> insert_pending(SqliteDb& db, const OutboxRow& row,
                                                std::int64_t now_s) {
  auto stmt = db.prepare(
      "INSERT OR IGNORE INTO outbox(key, kind, vacancy_id, slot_id, body, state, attempts, "
      "next_attempt_ms, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'pending', 0, ?6, "
      "?7, ?7)");
  if (!stmt) {
    return fail<bool>(std::move(stmt.error()));
  }
  auto bound = stmt->bind(1, row.key)
                   .and_then([&] { return stmt->bind(2, kind_name(row.kind)); })
                   .and_then([&] { return stmt->bind(3, row.vacancy_id); })
                   .and_then([&] { return stmt->bind(4, row.slot_id); })
                   .and_then([&] { return stmt->bind(5, row.body); })
                   .and_then([&] { return stmt->bind(6, row.next_attempt_ms); })
                   .and_then([&] { return stmt->bind(7, now_s); });
  if (!bound) {
    return fail<bool>(std::move(bound.error()));
  }
  return changed_a_row(db, *stmt);
}

tl::expected<std::optional<OutboxRow>, StoreFailure> read_row(SqliteDb& db,
                                                              const std::string& key) {
  auto stmt = db.prepare(std::string("SELECT ") + k_row_columns + " FROM outbox WHERE key = ?1");
  if (!stmt) {
    return fail<std::optional<OutboxRow>>(std::move(stmt.error()));
  }
  if (auto bound = stmt->bind(1, key); !bound) {
    return fail<std::optional<OutboxRow>>(std::move(bound.error()));
  }
  auto row = stmt->step();
  if (!row) {
    return fail<std::optional<OutboxRow>>(std::move(row.error()));
  }
  if (!*row) {
    return std::optional<OutboxRow>();
  }
  return std::optional<OutboxRow>(row_from(*stmt));
}

tl::expected<bool, StoreFailure> finish_row(SqliteDb& db, const std::string& key,
                                            DeliveryState state, const std::string& reference,
                                            const std::string& confirmation,
                                            const ApiFailure* failure, std::int64_t now_s) {
  // Overwrite the personal data in place first, so no page written from
  // here on holds it; secure_delete zeroes the cell space the NULL frees.
  auto zero = db.prepare(
      "UPDATE outbox SET body = zeroblob(length(CAST(body AS BLOB))) "
      "WHERE key = ?1 AND state = 'pending'");
  if (!zero) {
    return fail<bool>(std::move(zero.error()));
  }
  if (auto done = zero->bind(1, key).and_then([&] { return zero->run(); }); !done) {
    return fail<bool>(std::move(done.error()));
  }
  auto stmt = db.prepare(
      "UPDATE outbox SET body = NULL, state = ?2, attempts = attempts + 1, reference = ?3, "
      "confirmation = ?4, error_kind = ?5, error_status = ?6, error_code = ?7, "
      "error_message = ?8, updated_at = ?9 WHERE key = ?1 AND state = 'pending'");
  if (!stmt) {
    return fail<bool>(std::move(stmt.error()));
  }
  const ApiFailure none{};
  const ApiFailure& f = failure != nullptr ? *failure : none;
  auto bound = stmt->bind(1, key)
                   .and_then([&] { return stmt->bind(2, state_name(state)); })
                   .and_then([&] { return stmt->bind(3, reference); })
                   .and_then([&] { return stmt->bind(4, confirmation); })
                   .and_then([&] {
                     return stmt->bind(5, failure != nullptr ? error_name(f.kind) : "");
                   })
                   .and_then([&] { return stmt->bind(6, std::int64_t{f.http_status}); })
                   .and_then([&] { return stmt->bind(7, f.code); })
                   .and_then([&] { return stmt->bind(8, f.message); })
                   .and_then([&] { return stmt->bind(9, now_s); });
  if (!bound) {
    return fail<bool>(std::move(bound.error()));
  }
  return changed_a_row(db, *stmt);
}

tl::expected<bool, StoreFailure> schedule_retry(SqliteDb& db, const std::string& key,
                                                const ApiFailure& failure,
                                                std::int64_t next_attempt_ms, std::int64_t now_s) {
  auto stmt = db.prepare(
      "UPDATE outbox SET attempts = attempts + 1, next_attempt_ms = ?2, error_kind = ?3, "
      "error_status = ?4, error_code = ?5, error_message = ?6, updated_at = ?7 "
      "WHERE key = ?1 AND state = 'pending'");
  if (!stmt) {
    return fail<bool>(std::move(stmt.error()));
  }
  auto bound = stmt->bind(1, key)
                   .and_then([&] { return stmt->bind(2, next_attempt_ms); })
                   .and_then([&] { return stmt->bind(3, error_name(failure.kind)); })
                   .and_then([&] { return stmt->bind(4, std::int64_t{failure.http_status}); })
                   .and_then([&] { return stmt->bind(5, failure.code); })
                   .and_then([&] { return stmt->bind(6, failure.message); })
                   .and_then([&] { return stmt->bind(7, now_s); });
  if (!bound) {
    return fail<bool>(std::move(bound.error()));
  }
  return changed_a_row(db, *stmt);
}

tl::expected<std::vector<std::string>, StoreFailure> due_keys(SqliteDb& db, std::int64_t now_ms,
                                                              bool ignore_backoff) {
  auto stmt = db.prepare(
      "SELECT key FROM outbox WHERE state = 'pending' AND (?2 OR next_attempt_ms <= ?1) "
      "ORDER BY rowid");
  if (!stmt) {
    return fail<std::vector<std::string>>(std::move(stmt.error()));
  }
  auto bound = stmt->bind(1, now_ms).and_then(
      [&] { return stmt->bind(2, std::int64_t{ignore_backoff ? 1 : 0}); });
  if (!bound) {
    return fail<std::vector<std::string>>(std::move(bound.error()));
  }
  std::vector<std::string> keys;
  while (true) {
    auto row = stmt->step();
    if (!row) {
      return fail<std::vector<std::string>>(std::move(row.error()));
    }
    if (!*row) {
      return keys;
    }
    keys.emplace_back(stmt->text(0));
  }
}

tl::expected<std::size_t, StoreFailure> count_pending(SqliteDb& db) {
  auto text = db.query_text("SELECT count(*) FROM outbox WHERE state = 'pending'");
  if (!text) {
    return fail<std::size_t>(std::move(text.error()));
  }
  return static_cast<std::size_t>(std::stoull(text->empty() ? "0" : *text));
}

tl::expected<std::vector<OutboxSummary>, StoreFailure> list_rows(SqliteDb& db) {
  auto stmt = db.prepare(
      "SELECT key, kind, vacancy_id, slot_id, state, attempts, created_at, reference, "
      "error_code, error_message FROM outbox ORDER BY rowid");
  if (!stmt) {
    return fail<std::vector<OutboxSummary>>(std::move(stmt.error()));
  }
  std::vector<OutboxSummary> out;
  while (true) {
    auto row = stmt->step();
    if (!row) {
      return fail<std::vector<OutboxSummary>>(std::move(row.error()));
    }
    if (!*row) {
      return out;
    }
    OutboxSummary s;
    s.idempotency_key = stmt->text(0);
    s.kind = stmt->text(1) == "interest" ? OutboxKind::interest : OutboxKind::booking;
    s.vacancy_id = stmt->text(2);
    s.slot_id = stmt->text(3);
    s.state = state_from_name(stmt->text(4));
    s.attempts = static_cast<int>(stmt->integer(5));
    s.created_at = WallTime{std::chrono::seconds{stmt->integer(6)}};
    s.reference = stmt->text(7);
    s.last_error = stmt->text(8).empty() ? stmt->text(9) : stmt->text(8);
    out.push_back(std::move(s));
  }
}

tl::expected<std::size_t, StoreFailure> purge_finished(SqliteDb& db, std::int64_t before_s,
                                                       std::size_t keep_last) {
  auto stmt = db.prepare(
      "DELETE FROM outbox WHERE state != 'pending' AND (updated_at < ?1 OR rowid NOT IN "
      "(SELECT rowid FROM outbox WHERE state != 'pending' ORDER BY rowid DESC LIMIT ?2))");
  if (!stmt) {
    return fail<std::size_t>(std::move(stmt.error()));
  }
  auto done = stmt->bind(1, before_s)
                  .and_then([&] { return stmt->bind(2, static_cast<std::int64_t>(keep_last)); })
                  .and_then([&] { return stmt->run(); });
  if (!done) {
    return fail<std::size_t>(std::move(done.error()));
  }
  return static_cast<std::size_t>(sqlite3_changes(db.handle()));
}

}  // namespace kiosk::outbox_detail
