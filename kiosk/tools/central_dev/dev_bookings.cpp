// The write side of the store: bookings and interests with idempotency keys,
// capacity checks and the development listing.

#include <algorithm>

#include <fmt/format.h>

#include "tools/central_dev/dev_json.hpp"
#include "tools/central_dev/dev_store.hpp"

namespace kiosk::dev {
namespace {

struct ParsedRequest {
  nlohmann::json body;
  std::string kiosk_id;
  std::string vacancy_id;
  std::string slot_id;
  std::string citizen_id;
};

bool is_text(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_string() && !j[key].get_ref<const std::string&>().empty();
}

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A full card reading carries the name and birth date; a card whose QR gave
// only its number (`id_number_only`) carries the birth year its digits say.
std::optional<std::string> check_identity(const nlohmann::json& c) {
  const auto flag = c.find("id_number_only");
  if (flag != c.end() && !flag->is_boolean()) {
    return std::string("citizen.id_number_only must be true or false");
  }
  if (flag != c.end() && flag->get<bool>()) {
    const auto year = c.find("birth_year");
    if (year == c.end() || !year->is_number_integer() || *year < 1900 || *year > 2100) {
      return std::string("citizen.birth_year must be a year when id_number_only is set");
    }
    return std::nullopt;
  }
  if (!is_text(c, "full_name")) {
    return std::string("citizen.full_name must be a non-empty string");
  }
  if (!is_text(c, "birth_date") || !parse_day(c["birth_date"].get_ref<const std::string&>())) {
    return std::string("citizen.birth_date must be a YYYY-MM-DD date");
  }
  return std::nullopt;
}

// Checks the body of a booking (with_slot) or an interest; the reason names
// the first offending field.
tl::expected<ParsedRequest, std::string> parse_request(const std::string& text, bool with_slot) {
  ParsedRequest r;
  r.body = nlohmann::json::parse(text, nullptr, false);
  const auto& j = r.body;
  if (j.is_discarded() || !j.is_object()) {
    return tl::unexpected(std::string("body is not a JSON object"));
  }
  for (const char* key : {"kiosk_id", "vacancy_id", "slot_id"}) {
    if ((with_slot || std::string_view(key) != "slot_id") && !is_text(j, key)) {
      return tl::unexpected(fmt::format("{} must be a non-empty string", key));
    }
  }
  if (!j.contains("citizen") || !j["citizen"].is_object()) {
    return tl::unexpected(std::string("citizen must be an object"));
  }
  const auto& c = j["citizen"];
  if (!is_text(c, "id") || c["id"].get_ref<const std::string&>().size() != 12 ||
      !all_digits(c["id"].get_ref<const std::string&>())) {
    return tl::unexpected(std::string("citizen.id must be 12 digits"));
  }
  if (auto bad = check_identity(c)) {
    return tl::unexpected(std::move(*bad));
  }
  if (!is_text(c, "sex") || (c["sex"] != "Nam" && c["sex"] != "Nữ")) {
    return tl::unexpected(std::string("citizen.sex must be \"Nam\" or \"Nữ\""));
  }
  if (j.contains("phone") && !j["phone"].is_null()) {
    const bool ok = j["phone"].is_string() && [&] {
      std::string_view p = j["phone"].get_ref<const std::string&>();
      if (!p.empty() && p[0] == '+') {
        p.remove_prefix(1);
      }
      return p.size() >= 9 && p.size() <= 15 && all_digits(p);
    }();
    if (!ok) {
      return tl::unexpected(std::string("phone must be 9 to 15 digits, optionally after +"));
    }
  }
  r.kiosk_id = j["kiosk_id"].get<std::string>();
  r.vacancy_id = j["vacancy_id"].get<std::string>();
  r.slot_id = with_slot ? j["slot_id"].get<std::string>() : std::string();
  r.citizen_id = c["id"].get<std::string>();
  return r;
}

std::optional<Reply> check_key(const std::string& key) {
  if (key.empty()) {
    return error_reply(400, "idempotency_key_missing", "the Idempotency-Key header is required");
  }
  if (key.size() > 255) {
    return error_reply(400, "bad_request", "Idempotency-Key is longer than 255 characters");
  }
  return std::nullopt;
}

}  // namespace

std::string DevStore::next_reference() {
  // A bijection on 0..30^6-1 (the multiplier is coprime with 30), so the
  // first 729 million references never repeat; letters that read alike
  // (0/O, 1/I/L, U/V) are left out.
  static constexpr std::string_view k_alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
  constexpr std::uint64_t space = 729'000'000;  // 30^6
  std::uint64_t x = (m_references++ * 282'475'249ULL + m_epoch) % space;
  std::string code(6, '2');
  for (std::size_t i = 0; i < 6; ++i) {
    code[5 - i] = k_alphabet[x % 30];
    x /= 30;
  }
  return "HN-" + code;
}

std::optional<Reply> DevStore::replay(const std::unordered_map<std::string, StoredReply>& keys,
                                      const std::string& key, const nlohmann::json& body) {
  const auto stored = keys.find(key);
  if (stored == keys.end()) {
    return std::nullopt;
  }
  if (stored->second.request != body) {
    return error_reply(422, "idempotency_key_reused",
                       "this Idempotency-Key was used with a different request");
  }
  return Reply{201, stored->second.body, {}};
}

Reply DevStore::book(const std::string& key, const std::string& text) {
  if (auto bad = check_key(key)) {
    return *bad;
  }
  auto request = parse_request(text, true);
  if (!request) {
    return error_reply(400, "bad_request", request.error());
  }
  std::lock_guard lock(m_mutex);
  if (auto replayed = replay(m_booking_keys, key, request->body)) {
    return *replayed;
  }
  const auto index = open_vacancy(request->vacancy_id);
  if (!index) {
    return error_reply(404, "not_found", "no such vacancy");
  }
  DevVacancy& v = m_data.vacancies[*index];
  std::size_t s = 0;
  while (s < v.slots.size() && slot_id(v.number, s) != request->slot_id) {
    ++s;
  }
  if (s == v.slots.size()) {
    return error_reply(404, "not_found", "no such slot for this vacancy");
  }
  if (v.expires_at < now()) {
    return error_reply(409, "vacancy_expired", "the vacancy has expired");
  }
  if (m_booked.contains({request->citizen_id, request->slot_id})) {
    return error_reply(409, "already_booked", "this citizen already holds this slot");
  }
  if (remaining(v.slots[s]) == 0) {
    return error_reply(409, "slot_full", "no places left in this slot");
  }
  v.slots[s].taken += 1;
  record_change(*index);
  const std::uint64_t number = m_bookings.size() + 1;
  BookingRecord record{fmt::format("bk-{:08x}-{:06}", m_epoch, number),
                       next_reference(),
                       key,
                       request->vacancy_id,
                       request->slot_id,
                       mask_citizen_id(request->citizen_id),
                       format_timestamp(now())};
  const Json slot = slot_json(m_data, v, s);
  const Json body{
      {"booking_id", record.booking_id},
      {"reference", record.reference},
      {"status", "confirmed"},
      {"slot", slot},
      {"vacancy", vacancy_summary_json(m_data, v)},
      {"instructions",
       {"Mang theo thẻ căn cước",
        "Mang theo hồ sơ xin việc (sơ yếu lý lịch, bản sao văn bằng, chứng chỉ)",
        "Có mặt trước giờ phỏng vấn 15 phút",
        fmt::format("Đến {}, {}; đọc mã {} cho cán bộ tiếp đón", slot["venue"].get<std::string>(),
                    slot["booth"].get<std::string>(), record.reference)}},
      {"created_at", record.created_at}};
  m_booked.insert({request->citizen_id, request->slot_id});
  m_booking_keys[key] = StoredReply{std::move(request->body), body.dump()};
  m_bookings.push_back(std::move(record));
  return Reply{201, m_booking_keys[key].body, {}};
}

Reply DevStore::register_interest(const std::string& key, const std::string& text) {
  if (auto bad = check_key(key)) {
    return *bad;
  }
  auto request = parse_request(text, false);
  if (!request) {
    return error_reply(400, "bad_request", request.error());
  }
  std::lock_guard lock(m_mutex);
  if (auto replayed = replay(m_interest_keys, key, request->body)) {
    return *replayed;
  }
  const auto index = open_vacancy(request->vacancy_id);
  if (!index) {
    return error_reply(404, "not_found", "no such vacancy");
  }
  const DevVacancy& v = m_data.vacancies[*index];
  if (v.expires_at < now()) {
    return error_reply(409, "vacancy_expired", "the vacancy has expired");
  }
  if (m_interested.contains({request->citizen_id, request->vacancy_id})) {
    return error_reply(409, "already_registered",
                       "this citizen already registered interest in this vacancy");
  }
  const std::uint64_t number = m_interests.size() + 1;
  BookingRecord record{fmt::format("in-{:08x}-{:06}", m_epoch, number),
                       next_reference(),
                       key,
                       request->vacancy_id,
                       "",
                       mask_citizen_id(request->citizen_id),
                       format_timestamp(now())};
  const Json body{{"interest_id", record.booking_id},
                  {"reference", record.reference},
                  {"status", "registered"},
                  {"vacancy", vacancy_summary_json(m_data, v)},
                  {"created_at", record.created_at}};
  m_interested.insert({request->citizen_id, request->vacancy_id});
  m_interest_keys[key] = StoredReply{std::move(request->body), body.dump()};
  m_interests.push_back(std::move(record));
  return Reply{201, m_interest_keys[key].body, {}};
}

Reply DevStore::dev_bookings() const {
  std::lock_guard lock(m_mutex);
  Json bookings = Json::array();
  for (const BookingRecord& b : m_bookings) {
    bookings.push_back(Json{{"booking_id", b.booking_id},
                            {"reference", b.reference},
                            {"idempotency_key", b.idempotency_key},
                            {"vacancy_id", b.vacancy_id},
                            {"slot_id", b.slot_id},
                            {"citizen_id_masked", b.citizen_id_masked},
                            {"created_at", b.created_at}});
  }
  Json interests = Json::array();
  for (const BookingRecord& i : m_interests) {
    interests.push_back(Json{{"interest_id", i.booking_id},
                             {"reference", i.reference},
                             {"idempotency_key", i.idempotency_key},
                             {"vacancy_id", i.vacancy_id},
                             {"citizen_id_masked", i.citizen_id_masked},
                             {"created_at", i.created_at}});
  }
  return Reply{
      200, Json{{"bookings", std::move(bookings)}, {"interests", std::move(interests)}}.dump(), {}};
}

}  // namespace kiosk::dev
