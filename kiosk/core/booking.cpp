#include "core/booking.hpp"

#include <array>
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

namespace {

// A string field, or "" when missing or not a string (never throws).
std::string str(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

}  // namespace

tl::expected<BookingConfirmation, std::string> confirmation_from_json(const nlohmann::json& j) {
  if (!j.is_object()) {
    return tl::unexpected(std::string("not an object"));
  }
  BookingConfirmation c;
  c.booking_id = str(j, "booking_id");
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
