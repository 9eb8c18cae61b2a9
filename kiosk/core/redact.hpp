#pragma once
// The redaction layer of the logs: masks personal data and secrets in a log
// message before any sink (console, journald, file, ring buffer, OTLP spool)
// sees it. Pure text processing; core/log.hpp applies it to every record.
//
// What is masked, in this order:
// 1. Held values: the exact strings registered with Redactor::hold() (the
//    job seeker's name, address, ID, birth date, phone) and their folded form
//    (lower case, no diacritics: "nguyen van an" also matches "NGUYEN VAN AN",
//    compared ASCII-case-insensitively), its all-upper and all-lower case
//    forms ("NGUYỄN VĂN AN"), plus each comma-separated part of a held value
//    that holds a digit (the street part of an address) -> "[held]". Values
//    shorter than 4 bytes are ignored (they would mask ordinary words).
// 2. A citizen-ID QR payload: a line with 4 or more '|' is masked from the
//    start of the field before the first '|' to the end of the field after
//    the last one (fields end at white space, quotes and brackets) ->
//    "[cccd 001******345]" (or "[cccd]" when the first field is not 12 digits).
// 3. Secrets: "Authorization: …" to the end of the line, "Bearer X", and the
//    value of token=, access_token=, refresh_token=, id_token=, api_key=,
//    apikey=, x-api-key:, password=, passwd=, secret=, client_secret=, pin=,
//    signature= (also as JSON "key": "value"; keys case-insensitive) ->
//    "[redacted]"; runs of 32+ [A-Za-z0-9+/_=-] that are hex with a digit, or
//    mix upper case, lower case and digits (base64), except UUIDs -> "[secret]".
// 4. Addresses by pattern: from a house-level marker to the end of the line
//    (or a quote, '|' or ')'): "Số 12", "số nhà", "Ngõ 34", "Ngách 5",
//    "Hẻm 7", "Kiệt 3", "Tổ 9" (with a number after), "Thôn X", "Xóm X",
//    "Ấp X", "Tổ dân phố", "Khu phố" -> "[address]". A ward, district or city
//    alone ("Phường Yên Hòa, Thành phố Hà Nội", the centre's own name) is not
//    masked: it is no more than where the kiosk stands.
// 5. Numbers, scanning digit runs (a run is bounded by non-digits):
//    - dates dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, yyyy/mm/dd and a
//      bare ddmmyyyy run, only when a valid calendar date at least 14 years
//      before today (a possible birth date) -> digits become '*'. Recent
//      dates and timestamps ("sync at 2026-11-27T08:30") stay readable;
//    - phone numbers: 0 plus 9 or 10 digits, "+84"/"84" plus 9 or 10 digits,
//      with single spaces, dots or hyphens between groups -> all digits but
//      the last 3 become '*' ("0912 345 678" -> "**** *** 678");
//    - a run of exactly 12 digits (citizen ID) or 9 digits (old CMND) ->
//      first 3 and last 3 kept: "001******345". Other numbers stay.
//
// Thread-safe: redact() may run on many threads while hold() handles come
// and go on others.
//
// The app holds the person's values for the length of a session:
//
//   m_redaction = Redactor::global().hold({person.full_name, person.address,
//                                          person.id, person.birth_date_text, phone});
//   …                                 // session ends, is cancelled or times out:
//   m_redaction.release();            // (or let the Hold be destroyed)

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

class Redactor {
 public:
  /// Today's date in the kiosk's calendar, for the birth-date rule.
  using Today = std::function<std::chrono::year_month_day()>;

  /// `today` empty: the system clock's UTC date.
  explicit Redactor(Today today = {});
  ~Redactor();
  Redactor(const Redactor&) = delete;
  Redactor& operator=(const Redactor&) = delete;

  /// The process's redactor, used by the log root sink (core/log.hpp).
  static Redactor& global();

  /// While alive, masks the held values in every message; wipes its copies
  /// of them when destroyed or released. Movable, not copyable.
  class Hold {
   public:
    Hold() = default;
    Hold(Hold&& other) noexcept;
    Hold& operator=(Hold&& other) noexcept;
    Hold(const Hold&) = delete;
    Hold& operator=(const Hold&) = delete;
    ~Hold();
    /// Stops masking these values now (idempotent).
    void release() noexcept;

   private:
    friend class Redactor;
    Hold(Redactor* owner, std::uint64_t id) : m_owner(owner), m_id(id) {}
    Redactor* m_owner = nullptr;
    std::uint64_t m_id = 0;
  };

  /// Registers a session's personal values (name, address, ID, birth date,
  /// phone…); the app keeps one Hold per job-seeker session. The vector's
  /// strings are wiped after copying. Any thread.
  [[nodiscard]] Hold hold(std::vector<std::string> values);

  /// The message with personal data and secrets masked (rules above). Any thread.
  std::string redact(std::string_view text) const;

  /// How many Hold handles are alive (tests).
  std::size_t held_sessions() const;

 private:
  struct Held {
    std::uint64_t id = 0;
    std::vector<std::string> needles;  // original and folded forms
  };
  void drop(std::uint64_t id) noexcept;

  Today m_today;
  mutable std::shared_mutex m_mutex;
  std::vector<Held> m_held;
  std::uint64_t m_next_id = 1;
};

/// Rules 2-5 alone (no held values), for a given today. Pure.
std::string redact_patterns(std::string_view text, std::chrono::year_month_day today);

}  // namespace kiosk
