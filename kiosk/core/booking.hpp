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

struct BookingConfirmation {
  std::string booking_id;
  std::string reference;  // short human code, printed large
  Slot slot;
  std::string vacancy_id;
  std::string vacancy_title;
  std::string employer_name;
  std::vector<std::string> instructions;
};

/// Reads the 201 answer; a reason when a required field is missing.
tl::expected<BookingConfirmation, std::string> confirmation_from_json(const nlohmann::json& j);

/// A random RFC 4122 version-4 UUID as text.
std::string new_uuid_v4();

}  // namespace kiosk
