#pragma once
// `kioskctl book` and `kioskctl outbox`: one booking (or registration of
// interest) put into the profile's outbox and sent, and the outbox listed
// (and flushed). Output never holds the ID number, name, birth date or
// phone: keys, vacancy and slot ids, states, references and error codes.

#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace kiosk {

struct BookCommandOptions {
  std::string profile_path;
  /// The citizen-ID QR text, or "-" to read it from standard input (keeps
  /// personal data off the command line). A number-only payload books with
  /// the birth year and sex the digits encode (birth_year_only).
  std::string citizen;
  std::string vacancy_id;
  std::string slot_id;  // required unless `interest`
  std::string phone;    // optional
  bool interest = false;  // POST /interests instead of /bookings
  std::string key;        // the Idempotency-Key; empty = a new UUID
};

/// Parses `--profile FILE --citizen PAYLOAD|- --vacancy ID --slot ID
/// [--phone N] [--interest] [--key UUID]`; an error text on an unknown flag
/// or a missing value.
tl::expected<BookCommandOptions, std::string> parse_book_args(
    const std::vector<std::string>& args);

/// Stores the request in the outbox (committed before it is sent), sends it
/// once and writes {"key","kind","vacancy_id","slot_id","state",
/// "reference"?,"error"?} to `out`. Returns 0 when delivered, 3 when left
/// pending (it will be resent), 4 when rejected, 1 when it could not be
/// stored, 2 on a bad profile or payload (the payload's error code only).
int book_command(const BookCommandOptions& options, std::istream& in, std::ostream& out,
                 std::ostream& err);

struct OutboxCommandOptions {
  std::string profile_path;
  bool flush = false;  // send every pending entry first, backoff or not
  bool json = false;
};

/// Parses `--profile FILE [--flush] [--json]`.
tl::expected<OutboxCommandOptions, std::string> parse_outbox_args(
    const std::vector<std::string>& args);

/// Lists the outbox (oldest first) as a JSON object {"pending",
/// "entries":[…]} or one text line per entry, after a flush when asked.
/// Returns 0, 3 when entries are still pending after --flush, 1 when the
/// outbox cannot be read, 2 on a bad profile.
int outbox_command(const OutboxCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace kiosk
