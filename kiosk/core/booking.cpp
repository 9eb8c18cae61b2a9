#include "core/booking.hpp"

#include <array>
#include <optional>
#include <random>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace kiosk {

void BookingRequest::wipe() noexcept {
  secure_wipe(citizen_id);
  secure_wipe(full_name);
  secure_wipe(phone);
  birth_date = {};
  birth_year_only = false;
}

nlohmann::json booking_body(const BookingRequest& r) {
  nlohmann::json citizen = {{"id", r.citizen_id}, {"sex", std::string(sex_label(r.sex))}};
  if (r.birth_year_only) {
    // Only the card's number was read: what its digits say, confirmed by
    // the person; the centre checks the card itself at the interview.
    citizen["birth_year"] = r.birth_date.year;
    citizen["id_number_only"] = true;
  } else {
    citizen["full_name"] = r.full_name;
    citizen["birth_date"] = format_iso_date(r.birth_date);
  }
  nlohmann::json body = {{"kiosk_id", r.kiosk_id},
                         {"vacancy_id", r.vacancy_id},
                         {"slot_id", r.slot_id},
                         {"citizen", std::move(citizen)}};
  if (!r.phone.empty()) {
    body["phone"] = r.phone;
  }
  return body;
}

nlohmann::json interest_body(const BookingRequest& r) {
  nlohmann::json body = booking_body(r);
  body.erase("slot_id");
  return body;
}

namespace {

// A string field, or "" when missing or not a string (never throws).
std::string str(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

// The citizen part of a stored body into `r`; a reason when malformed.
std::optional<std::string> read_citizen(const nlohmann::json& c, BookingRequest& r) {
  if (!c.is_object()) {
    return std::string("citizen is not an object");
  }
  r.citizen_id = str(c, "id");
  const std::string sex = str(c, "sex");
  if (r.citizen_id.empty() || (sex != sex_label(Sex::male) && sex != sex_label(Sex::female))) {
    return std::string("citizen id or sex missing");
  }
  r.sex = sex == sex_label(Sex::male) ? Sex::male : Sex::female;
  const auto only = c.find("id_number_only");
  r.birth_year_only = only != c.end() && only->is_boolean() && only->get<bool>();
  if (r.birth_year_only) {
    const auto year = c.find("birth_year");
    if (year == c.end() || !year->is_number_integer()) {
      return std::string("citizen birth_year missing");
    }
    r.birth_date = Date{year->get<int>(), 1, 1};
    return std::nullopt;
  }
  r.full_name = str(c, "full_name");
  const auto birth = parse_iso_date(str(c, "birth_date"));
  if (r.full_name.empty() || !birth) {
    return std::string("citizen full_name or birth_date missing");
  }
  r.birth_date = *birth;
  return std::nullopt;
}

}  // namespace

tl::expected<BookingRequest, std::string> booking_request_from_body(const nlohmann::json& body,
                                                                    std::string idempotency_key) {
  if (!body.is_object() || !body.contains("citizen")) {
    return tl::unexpected(std::string("not a booking body"));
  }
  BookingRequest r;
  r.idempotency_key = std::move(idempotency_key);
  r.kiosk_id = str(body, "kiosk_id");
  r.vacancy_id = str(body, "vacancy_id");
  r.slot_id = str(body, "slot_id");
  r.phone = str(body, "phone");
  if (r.vacancy_id.empty()) {
    return tl::unexpected(std::string("vacancy_id missing"));
  }
  if (auto bad = read_citizen(body["citizen"], r)) {
    return tl::unexpected(std::move(*bad));
  }
  return r;
}

nlohmann::json to_json(const BookingConfirmation& c) {
  nlohmann::json j = {{"booking_id", c.booking_id},
                      {"reference", c.reference},
                      {"vacancy",
                       {{"id", c.vacancy_id},
                        {"title", c.vacancy_title},
                        {"employer", {{"name", c.employer_name}}}}},
                      {"instructions", c.instructions}};
  if (!c.slot.id.empty()) {
    j["slot"] = {{"id", c.slot.id},
                 {"starts_at", format_iso8601_vn(c.slot.starts_at)},
                 {"ends_at", format_iso8601_vn(c.slot.ends_at)},
                 {"venue", c.slot.venue},
                 {"booth", c.slot.booth},
                 {"capacity", c.slot.capacity},
                 {"remaining", c.slot.remaining}};
  }
  return j;
}

tl::expected<BookingConfirmation, std::string> confirmation_from_json(const nlohmann::json& j) {
  if (!j.is_object()) {
    return tl::unexpected(std::string("not an object"));
  }
  BookingConfirmation c;
  c.booking_id = str(j, "booking_id");
  if (c.booking_id.empty()) {
    c.booking_id = str(j, "interest_id");  // an answer of POST /interests
  }
  c.reference = str(j, "reference");
  if (c.booking_id.empty() || c.reference.empty()) {
    return tl::unexpected(std::string("missing booking_id or reference"));
  }
  if (const auto it = j.find("slot"); it != j.end()) {
    if (auto slot = slot_from_json(*it)) {
      c.slot = std::move(*slot);
    }
  }
  if (const auto it = j.find("vacancy"); it != j.end() && it->is_object()) {
    c.vacancy_id = str(*it, "id");
    c.vacancy_title = str(*it, "title");
    if (const auto e = it->find("employer"); e != it->end() && e->is_object()) {
      c.employer_name = str(*e, "name");
    }
  }
  if (const auto it = j.find("instructions"); it != j.end() && it->is_array()) {
    for (const auto& s : *it) {
      if (s.is_string()) {
        c.instructions.push_back(s.get<std::string>());
      }
    }
  }
  return c;
}

std::string new_uuid_v4() {
  std::random_device rd;
  std::array<std::uint32_t, 4> w{};
  for (auto& x : w) {
    x = rd();
  }
  w[1] = (w[1] & 0xFFFF0FFFu) | 0x00004000u;  // version 4
  w[2] = (w[2] & 0x3FFFFFFFu) | 0x80000000u;  // RFC 4122 variant
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:04x}{:08x}", w[0], w[1] >> 16, w[1] & 0xFFFFu,
                     w[2] >> 16, w[2] & 0xFFFFu, w[3]);
}

}  // namespace kiosk
