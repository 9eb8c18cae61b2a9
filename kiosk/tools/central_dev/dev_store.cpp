// The read side of the store: snapshot paging, the changes feed, slots,
// sessions, the occupation taxonomy and the development hooks.

#include "tools/central_dev/dev_store.hpp"

#include <charconv>

#include <fmt/format.h>

#include "tools/central_dev/dev_json.hpp"

namespace kiosk::dev {
namespace {

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  }
  return h;
}

// Splits "a.b.c" and parses each part after the first as hex; nullopt unless
// the prefix matches and every part is a number.
std::optional<std::vector<std::uint64_t>> parse_dotted(std::string_view text,
                                                       std::string_view prefix, std::size_t parts) {
  if (text.substr(0, prefix.size()) != prefix) {
    return std::nullopt;
  }
  text.remove_prefix(prefix.size());
  std::vector<std::uint64_t> out;
  while (out.size() < parts) {
    if (text.empty() || text[0] != '.') {
      return std::nullopt;
    }
    text.remove_prefix(1);
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
    if (ec != std::errc() || end == text.data()) {
      return std::nullopt;
    }
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    out.push_back(value);
  }
  if (!text.empty()) {
    return std::nullopt;
  }
  return out;
}

Reply json_reply(int status, const Json& body) {
  return Reply{status, body.dump(), {}};
}

// True when If-None-Match (a list of tags, weak ones or "*") names `etag`.
bool matches_etag(std::string_view if_none_match, std::string_view etag) {
  std::string_view rest = if_none_match;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view tag = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    while (!tag.empty() && tag.front() == ' ') {
      tag.remove_prefix(1);
    }
    while (!tag.empty() && tag.back() == ' ') {
      tag.remove_suffix(1);
    }
    if (tag.substr(0, 2) == "W/") {
      tag.remove_prefix(2);
    }
    if (tag == "*" || tag == etag) {
      return true;
    }
  }
  return false;
}

// 304 with the ETag when the client has this version, else the body.
Reply conditional_reply(const std::string& body, const std::string& etag,
                        std::string_view if_none_match) {
  if (matches_etag(if_none_match, etag)) {
    return Reply{304, "", {{"ETag", etag}}};
  }
  return Reply{200, body, {{"ETag", etag}}};
}

}  // namespace

Reply error_reply(int status, std::string_view code, std::string_view message) {
  return json_reply(status, Json{{"error", {{"code", code}, {"message", message}}}});
}

std::string mask_citizen_id(std::string_view id) {
  if (id.size() < 7) {
    return std::string(id.size(), '*');
  }
  return fmt::format("{}******{}", id.substr(0, 3), id.substr(id.size() - 3));
}

DevStore::DevStore(DevData data, std::uint64_t epoch)
    : m_today(data.today), m_epoch(epoch & 0xffffffffULL), m_data(std::move(data)) {
  m_occupations_body = occupations_json().dump();
  m_occupations_etag = fmt::format("\"occ-{:016x}\"", fnv1a(m_occupations_body));
  Json sessions = Json::array();
  for (const DevSession& s : m_data.sessions) {
    sessions.push_back(session_json(s, m_today));
  }
  m_sessions_body = Json{{"sessions", std::move(sessions)}}.dump();
  m_sessions_etag = fmt::format("\"ses-{:016x}\"", fnv1a(m_sessions_body));
}

LocalSeconds DevStore::now() const {
  return m_today * k_seconds_per_day + vietnam_time_of_day();
}

std::string DevStore::cursor_text(std::size_t index, std::uint64_t seq) const {
  return fmt::format("c1.{:x}.{:x}.{:x}", m_epoch, index, seq);
}

std::string DevStore::sync_token(std::uint64_t seq) const {
  return fmt::format("st1.{:x}.{:x}", m_epoch, seq);
}

std::optional<std::size_t> DevStore::open_vacancy(const std::string& id) const {
  const auto index = vacancy_index(id, m_data.vacancies.size());
  if (!index || m_data.vacancies[*index].removed) {
    return std::nullopt;
  }
  return index;
}

void DevStore::record_change(std::size_t index) {
  DevVacancy& v = m_data.vacancies[index];
  if (v.change_seq != 0) {
    m_changes.erase(v.change_seq);
  }
  v.version += 1;
  v.updated_at = now();
  v.change_seq = ++m_seq;
  m_changes[v.change_seq] = index;
}

Reply DevStore::snapshot(const std::string& cursor, std::size_t limit) const {
  std::lock_guard lock(m_mutex);
  const auto& all = m_data.vacancies;
  std::size_t index = 0;
  std::uint64_t start_seq = m_seq;  // changes after this reach the client via the feed
  if (!cursor.empty()) {
    const auto parts = parse_dotted(cursor, "c1", 3);
    if (!parts || (*parts)[0] != m_epoch || (*parts)[1] > all.size() || (*parts)[2] > m_seq) {
      return error_reply(400, "bad_request",
                         "cursor was not issued by this server; start the snapshot again");
    }
    index = static_cast<std::size_t>((*parts)[1]);
    start_seq = (*parts)[2];
  }
  Json page = Json::array();
  for (; index < all.size() && page.size() < limit; ++index) {
    if (!all[index].removed) {
      page.push_back(vacancy_json(m_data, all[index]));
    }
  }
  // A cursor only when something is left, so the last page is never empty.
  std::size_t rest = index;
  while (rest < all.size() && all[rest].removed) {
    ++rest;
  }
  Json body{{"vacancies", std::move(page)}};
  if (rest < all.size()) {
    body["next_cursor"] = cursor_text(rest, start_seq);
  } else {
    body["next_cursor"] = nullptr;
    body["sync_token"] = sync_token(start_seq);
  }
  return json_reply(200, body);
}

Reply DevStore::changes(const std::string& since, std::size_t limit) const {
  std::lock_guard lock(m_mutex);
  const auto parts = parse_dotted(since, "st1", 2);
  if (!parts || (*parts)[0] != m_epoch || (*parts)[1] > m_seq) {
    return error_reply(410, "sync_token_expired",
                       "sync token unknown to this server; take a new snapshot");
  }
  Json upserted = Json::array();
  Json removed = Json::array();
  auto it = m_changes.upper_bound((*parts)[1]);
  std::uint64_t last = (*parts)[1];
  for (std::size_t n = 0; it != m_changes.end() && n < limit; ++it, ++n) {
    const DevVacancy& v = m_data.vacancies[it->second];
    if (v.removed) {
      removed.push_back(
          Json{{"id", vacancy_id(v.number)}, {"removed_at", format_timestamp(v.removed_at)}});
    } else {
      upserted.push_back(vacancy_json(m_data, v));
    }
    last = it->first;
  }
  const bool has_more = it != m_changes.end();
  return json_reply(200, Json{{"upserted", std::move(upserted)},
                              {"removed", std::move(removed)},
                              {"sync_token", sync_token(has_more ? last : m_seq)},
                              {"has_more", has_more}});
}

Reply DevStore::slots(const std::string& vacancy_id_text) const {
  std::lock_guard lock(m_mutex);
  const auto index = open_vacancy(vacancy_id_text);
  if (!index) {
    return error_reply(404, "not_found", "no such vacancy");
  }
  const DevVacancy& v = m_data.vacancies[*index];
  Json list = Json::array();
  for (std::size_t s = 0; s < v.slots.size(); ++s) {
    list.push_back(slot_json(m_data, v, s));
  }
  return json_reply(200, Json{{"vacancy_id", vacancy_id(v.number)}, {"slots", std::move(list)}});
}

Reply DevStore::sessions(const std::string& if_none_match) const {
  return conditional_reply(m_sessions_body, m_sessions_etag, if_none_match);
}

Reply DevStore::occupations(const std::string& if_none_match) const {
  return conditional_reply(m_occupations_body, m_occupations_etag, if_none_match);
}

bool DevStore::remove_vacancy(const std::string& id) {
  std::lock_guard lock(m_mutex);
  const auto index = open_vacancy(id);
  if (!index) {
    return false;
  }
  record_change(*index);
  m_data.vacancies[*index].removed = true;
  m_data.vacancies[*index].removed_at = m_data.vacancies[*index].updated_at;
  return true;
}

bool DevStore::touch_vacancy(const std::string& id) {
  std::lock_guard lock(m_mutex);
  const auto index = open_vacancy(id);
  if (!index) {
    return false;
  }
  record_change(*index);
  return true;
}

std::size_t DevStore::booking_count() const {
  std::lock_guard lock(m_mutex);
  return m_bookings.size();
}

std::size_t DevStore::interest_count() const {
  std::lock_guard lock(m_mutex);
  return m_interests.size();
}

std::size_t DevStore::vacancy_count() const {
  std::lock_guard lock(m_mutex);
  return m_data.vacancies.size();
}

std::string DevStore::general_session_id() const {
  return m_data.sessions[k_session_general].id;
}

std::optional<std::pair<std::string, std::string>> DevStore::find_slot_with_remaining(
    int wanted) const {
  std::lock_guard lock(m_mutex);
  const LocalSeconds t = now();
  for (const DevVacancy& v : m_data.vacancies) {
    if (v.removed || v.expires_at < t) {
      continue;
    }
    for (std::size_t s = 0; s < v.slots.size(); ++s) {
      if (remaining(v.slots[s]) == wanted) {
        return std::pair{vacancy_id(v.number), slot_id(v.number, s)};
      }
    }
  }
  return std::nullopt;
}

}  // namespace kiosk::dev
