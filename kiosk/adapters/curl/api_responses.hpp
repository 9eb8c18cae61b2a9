#pragma once
// Reading the central API's answers: HTTP status to ApiFailure, and the JSON
// bodies of each endpoint. Pure functions; no I/O, no logging.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "core/time.hpp"
#include "ports/central_api.hpp"

namespace kiosk::curl_detail {

/// "Retry-After" as delta-seconds or an HTTP-date (relative to `now`, never
/// negative); nullopt when empty or unreadable.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, WallTime now);

/// The failure for a non-2xx status, with code and message from an
/// `{"error":{"code","message"}}` body when there is one.
ApiFailure failure_from_status(long status, std::string_view body,
                               std::optional<std::chrono::seconds> retry_after);

/// A list endpoint's items, read one by one; malformed items are counted in
/// `skipped` with the first reason kept (never the item's content).
template <typename T>
struct ReadList {
  std::vector<T> items;
  std::size_t skipped = 0;
  std::string first_reason;
};

struct SnapshotRead {
  SnapshotPage page;  // page.skipped counts the malformed vacancies
  std::string first_reason;
};

/// The snapshot page, or why its top level is not what the API promises
/// (not an object, no "vacancies" array, a cursor or token not a string).
tl::expected<SnapshotRead, std::string> read_snapshot_page(const nlohmann::json& body);

struct ChangesRead {
  ChangesPage page;  // page.skipped counts malformed vacancies and tombstones
  std::string first_reason;
};

/// A changes page: {"upserted":[…],"removed":[{"id","removed_at"}…],
/// "sync_token":"…","has_more":bool}. Fails when the top level is not that
/// (no arrays, no sync_token string, has_more not a boolean); malformed
/// items are skipped and counted.
tl::expected<ChangesRead, std::string> read_changes_page(const nlohmann::json& body);

/// {"occupations":[{"isco08","label_vi","label_en"}…]}.
tl::expected<ReadList<Occupation>, std::string> read_occupations(const nlohmann::json& body);

/// {"vacancy_id":…,"slots":[…]}.
tl::expected<ReadList<Slot>, std::string> read_slots(const nlohmann::json& body);

/// {"sessions":[…]}.
tl::expected<ReadList<JobFairSession>, std::string> read_sessions(const nlohmann::json& body);

}  // namespace kiosk::curl_detail
