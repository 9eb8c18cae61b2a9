#pragma once
// The state of the development central server behind the HTTP layer: the
// generated data, bookings, interests, idempotency records and the change log.
// Every public member locks one mutex, so any thread may call them; slot
// capacity checks and updates happen under that lock and never overbook.

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "tools/central_dev/dev_data.hpp"

namespace kiosk::dev {

/// An HTTP answer: status, JSON body (empty for 304) and extra headers.
struct Reply {
  int status = 200;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

/// {"error":{"code":…,"message":…}} with the given status.
Reply error_reply(int status, std::string_view code, std::string_view message);

/// "001******345": first and last three characters of an ID number.
std::string mask_citizen_id(std::string_view id);

class DevStore {
 public:
  /// `epoch` tells this instance's cursors and sync tokens from any other's.
  DevStore(DevData data, std::uint64_t epoch);

  // The API operations (DESIGN §3.2); `limit` is already clamped to 1..1000.
  Reply snapshot(const std::string& cursor, std::size_t limit) const;
  Reply changes(const std::string& since, std::size_t limit) const;
  Reply slots(const std::string& vacancy_id) const;
  /// The sessions with an ETag; 304 when `if_none_match` names it.
  Reply sessions(const std::string& if_none_match) const;
  Reply occupations(const std::string& if_none_match) const;
  /// `key` is the Idempotency-Key header (empty when absent).
  Reply book(const std::string& key, const std::string& body);
  Reply register_interest(const std::string& key, const std::string& body);
  /// Every booking and interest, with masked citizen ids.
  Reply dev_bookings() const;

  /// Tombstones a vacancy (it leaves the snapshot, appears in `removed`).
  /// False when unknown or already removed.
  bool remove_vacancy(const std::string& vacancy_id);
  /// Bumps a vacancy's version so it appears in the changes feed.
  bool touch_vacancy(const std::string& vacancy_id);

  std::size_t booking_count() const;
  std::size_t interest_count() const;
  std::size_t vacancy_count() const;  // including removed ones
  std::int64_t today() const { return m_today; }
  std::string general_session_id() const;
  /// The first slot of an open (not expired, not removed) vacancy with exactly
  /// `remaining` places left: {vacancy id, slot id}.
  std::optional<std::pair<std::string, std::string>> find_slot_with_remaining(int remaining) const;

 private:
  struct BookingRecord {
    std::string booking_id;
    std::string reference;
    std::string idempotency_key;
    std::string vacancy_id;
    std::string slot_id;  // empty for interests
    std::string citizen_id_masked;
    std::string created_at;
  };
  struct StoredReply {
    nlohmann::json request;  // parsed body, compared on replay
    std::string body;        // the 201 answer, returned again on replay
  };

  /// The stored answer when `key` was seen before: the same 201 for the same
  /// request, 422 for another; nullopt for a new key. Caller holds m_mutex.
  static std::optional<Reply> replay(const std::unordered_map<std::string, StoredReply>& keys,
                                     const std::string& key, const nlohmann::json& body);
  LocalSeconds now() const;
  std::string cursor_text(std::size_t index, std::uint64_t seq) const;
  std::string sync_token(std::uint64_t seq) const;
  std::optional<std::size_t> open_vacancy(const std::string& id) const;
  void record_change(std::size_t index);
  std::string next_reference();

  const std::int64_t m_today;
  const std::uint64_t m_epoch;
  std::string m_occupations_body;
  std::string m_occupations_etag;
  std::string m_sessions_body;  // sessions never change after start-up
  std::string m_sessions_etag;

  mutable std::mutex m_mutex;
  DevData m_data;
  std::uint64_t m_seq = 0;                         // last change sequence number
  std::map<std::uint64_t, std::size_t> m_changes;  // latest change seq -> vacancy index
  std::vector<BookingRecord> m_bookings;
  std::vector<BookingRecord> m_interests;
  std::unordered_map<std::string, StoredReply> m_booking_keys;
  std::unordered_map<std::string, StoredReply> m_interest_keys;
  std::set<std::pair<std::string, std::string>> m_booked;      // (citizen id, slot id)
  std::set<std::pair<std::string, std::string>> m_interested;  // (citizen id, vacancy id)
  std::uint64_t m_references = 0;
};

}  // namespace kiosk::dev
