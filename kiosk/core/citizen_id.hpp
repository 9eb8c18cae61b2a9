#pragma once
// The citizen-ID (CCCD) QR payload, DESIGN §3.1:
// ID|old ID|full name|DDMMYYYY birth|Nam/Nữ|address|DDMMYYYY issue[|extras…]

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "core/time.hpp"

namespace kiosk {

enum class Sex { male, female };

/// Why a scanned payload is not a usable citizen ID. Each maps to a plain
/// on-screen message (message_for).
enum class CitizenIdError {
  empty,           // nothing was read
  bad_encoding,    // not UTF-8
  garbled,         // mis-decoded by the scanner beyond exact repair
  not_citizen_id,  // some other QR code
  id_only,         // only the 12-digit number was read (see id_facts())
  incomplete,      // the right shape but fields are missing
  bad_id,          // the 12-digit number is wrong
  bad_old_id,      // the old 9/12-digit number is wrong
  bad_name,        // no name, or characters no name has (markup, controls)
  bad_address,     // control characters in the address
  bad_date,        // a date that does not exist
  bad_sex,         // neither Nam nor Nữ
};

/// Personal data read from one card. Lives in memory for one session only:
/// call wipe() when the session ends.
struct CitizenId {
  std::string id;      // 12 digits
  std::string old_id;  // empty, 9 or 12 digits
  std::string full_name;
  Date birth_date;
  Sex sex = Sex::male;
  std::string address;
  Date issue_date;
  std::vector<std::string> extras;  // fields after the seventh, kept opaque
  /// Only the 12-digit number was read (a keyboard scanner lost the text):
  /// no name or address, and only birth_date.year (from the ID's digits),
  /// which the person has confirmed on screen.
  bool birth_year_only = false;

  CitizenId() = default;
  CitizenId(const CitizenId&) = default;
  CitizenId(CitizenId&&) noexcept = default;
  CitizenId& operator=(const CitizenId&) = default;
  CitizenId& operator=(CitizenId&&) noexcept = default;
  ~CitizenId() { wipe(); }

  /// Overwrites every personal field in place.
  void wipe() noexcept;
};

/// Parses raw scanned bytes. Bytes must be UTF-8 (normalised to NFC);
/// trailing CR/LF are trimmed; text a scanner mis-decoded as Latin-1 or
/// Shift-JIS is repaired when the repair is exact, else `garbled`. A bare
/// 12-digit number is `id_only`. Never throws.
tl::expected<CitizenId, CitizenIdError> parse_citizen_id(std::string_view bytes);

/// What the 12-digit number itself says: the birth-registration province
/// (3 digits), the sex and the birth year (the 4th digit gives century and
/// sex, the 5th and 6th the year's last two digits).
struct IdFacts {
  std::string province_code;
  Sex sex = Sex::male;
  int birth_year = 0;
};

/// The facts encoded in a 12-digit ID; nullopt for anything else.
std::optional<IdFacts> id_facts(std::string_view id);

/// The soft cross-check: whether the ID's sex and birth-year digits agree
/// with the card's printed fields. A mismatch is logged, never rejected.
bool id_agrees_with_fields(const CitizenId& id);

/// The person behind an `id_only` payload: the 12-digit number with the
/// sex and birth year its digits encode (birth_date is 1 January of that
/// year, birth_year_only set). Nullopt unless the trimmed payload is exactly
/// 12 digits whose birth year lies between 1900 and `this_year`.
std::optional<CitizenId> citizen_from_id_only(std::string_view bytes, int this_year);

/// Stable machine code for logs and tests ("not_citizen_id", …).
std::string_view error_code(CitizenIdError e);

/// Plain Vietnamese sentence for the person at the screen.
std::string_view message_for(CitizenIdError e);

/// "001095012345" -> "001******345"; anything else is fully starred.
std::string mask_id(std::string_view id);

/// "Nam" / "Nữ".
std::string_view sex_label(Sex s);

}  // namespace kiosk
