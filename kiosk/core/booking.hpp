#pragma once
// A booking of an interview slot: what the kiosk sends and what it gets back.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <tl/expected.hpp>

#include "core/citizen_id.hpp"
#include "core/vacancy.hpp"

namespace kiosk {

/// Carries personal data: wipe() once the request is no longer needed.
struct BookingRequest {
  std::string idempotency_key;  // UUID, one per booking attempt chain
  std::string kiosk_id;
  std::string vacancy_id;
  std::string slot_id;
  std::string citizen_id;
  std::string full_name;
  Date birth_date;
  Sex sex = Sex::male;
  std::string phone;  // optional
  /// The person's card gave only its number: no name, and only the birth
  /// year (confirmed by the person); staff check the card at the interview.
  bool birth_year_only = false;

  ~BookingRequest() { wipe(); }
  BookingRequest() = default;
  BookingRequest(std::string key, std::string kiosk, std::string vacancy, std::string slot,
                 std::string id, std::string name, Date birth, Sex s, std::string phone_number)
      : idempotency_key(std::move(key)), kiosk_id(std::move(kiosk)),
        vacancy_id(std::move(vacancy)), slot_id(std::move(slot)), citizen_id(std::move(id)),
        full_name(std::move(name)), birth_date(birth), sex(s), phone(std::move(phone_number)) {}
  BookingRequest(const BookingRequest&) = default;
  BookingRequest(BookingRequest&&) noexcept = default;
  BookingRequest& operator=(const BookingRequest&) = default;
  BookingRequest& operator=(BookingRequest&&) noexcept = default;

  void wipe() noexcept;
};

/// The JSON body of POST /api/v1/bookings.
nlohmann::json booking_body(const BookingRequest& r);

/// The JSON body of POST /api/v1/interests: booking_body without slot_id.
nlohmann::json interest_body(const BookingRequest& r);

/// The request a booking_body or interest_body was made from, with
/// `idempotency_key` (so the outbox can resend what it stored: the body
/// made again from the result compares equal as JSON). A reason (never the
/// content) when a field is missing or malformed.
tl::expected<BookingRequest, std::string> booking_request_from_body(const nlohmann::json& body,
                                                                    std::string idempotency_key);

struct BookingConfirmation {
  std::string booking_id;
  std::string reference;  // short human code, printed large
  Slot slot;
  std::string vacancy_id;
  std::string vacancy_title;
  std::string employer_name;
  std::vector<std::string> instructions;
};

/// Reads the 201 answer of a booking, or of an interest (its `interest_id`
/// becomes booking_id; no slot); a reason when a required field is missing.
tl::expected<BookingConfirmation, std::string> confirmation_from_json(const nlohmann::json& j);

/// The shape confirmation_from_json reads (the slot only when it has an id).
/// Holds no personal data: the outbox keeps it for reprints.
nlohmann::json to_json(const BookingConfirmation& c);

/// A random RFC 4122 version-4 UUID as text.
std::string new_uuid_v4();

}  // namespace kiosk
