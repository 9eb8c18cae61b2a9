#include "adapters/curl/api_responses.hpp"

#include <algorithm>
#include <charconv>

#include <curl/curl.h>
#include <fmt/format.h>

namespace kiosk::curl_detail {
namespace {

using nlohmann::json;

constexpr std::size_t k_max_message_bytes = 200;

// Cuts at a byte limit without splitting a UTF-8 sequence.
std::string clip_utf8(std::string text, std::size_t limit) {
  if (text.size() <= limit) {
    return text;
  }
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  text.resize(cut);
  return text + "…";
}

struct ErrorBody {
  std::string code;
  std::string message;
};

ErrorBody read_error_body(std::string_view body) {
  const json j = json::parse(body, nullptr, false);
  if (!j.is_object()) {
    return {};
  }
  const auto error = j.find("error");
  if (error == j.end() || !error->is_object()) {
    return {};
  }
  ErrorBody out;
  if (const auto code = error->find("code"); code != error->end() && code->is_string()) {
    out.code = clip_utf8(code->get<std::string>(), 64);
  }
  if (const auto msg = error->find("message"); msg != error->end() && msg->is_string()) {
    out.message = clip_utf8(msg->get<std::string>(), k_max_message_bytes);
  }
  return out;
}

ApiError kind_for_status(long status) {
  if (status == 401 || status == 403) {
    return ApiError::unauthorized;
  }
  if (status == 404) {
    return ApiError::not_found;
  }
  if (status == 408) {
    return ApiError::timeout;
  }
  if (status == 429 || status == 503) {
    return ApiError::unavailable;
  }
  if (status >= 400 && status < 500) {
    // 409/422 and any other refusal of this particular request (400 bad
    // cursor, 413, 410 …): retrying the same request will not help.
    return ApiError::conflict;
  }
  if (status >= 500 && status < 600) {
    return ApiError::server;
  }
  return ApiError::bad_response;  // 1xx/3xx: we follow no redirects
}

// nullopt when absent or null; an error when present but not a string.
tl::expected<std::optional<std::string>, std::string> optional_string(const json& j,
                                                                      const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    return std::optional<std::string>{};
  }
  if (!it->is_string()) {
    return tl::unexpected(fmt::format("\"{}\" is not a string", key));
  }
  auto value = it->get<std::string>();
  if (value.empty()) {
    return std::optional<std::string>{};
  }
  return std::optional<std::string>{std::move(value)};
}

const json* array_field(const json& body, const char* key) {
  if (!body.is_object()) {
    return nullptr;
  }
  const auto it = body.find(key);
  return (it != body.end() && it->is_array()) ? &*it : nullptr;
}

template <typename T, typename Reader>
ReadList<T> read_items(const json& array, Reader reader) {
  ReadList<T> out;
  out.items.reserve(array.size());
  for (const auto& item : array) {
    tl::expected<T, std::string> read = tl::unexpected(std::string("unreadable"));
    try {
      read = reader(item);
    } catch (const json::exception&) {
      read = tl::unexpected(std::string("field of an unexpected type"));
    }
    if (read) {
      out.items.push_back(std::move(*read));
    } else {
      if (out.skipped == 0) {
        out.first_reason = read.error();
      }
      ++out.skipped;
    }
  }
  return out;
}

}  // namespace

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, WallTime now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) {
    value.remove_prefix(1);
  }
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r')) {
    value.remove_suffix(1);
  }
  if (value.empty()) {
    return std::nullopt;
  }
  long long seconds = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec == std::errc{} && end == value.data() + value.size()) {
    return seconds >= 0 ? std::optional(std::chrono::seconds{seconds}) : std::nullopt;
  }
  const std::string text(value);
  const time_t at = curl_getdate(text.c_str(), nullptr);
  if (at == -1) {
    return std::nullopt;
  }
  const auto delta = std::chrono::seconds{at} - now.time_since_epoch();
  return std::max(delta, std::chrono::seconds{0});
}

ApiFailure failure_from_status(long status, std::string_view body,
                               std::optional<std::chrono::seconds> retry_after) {
  ApiFailure f;
  f.kind = kind_for_status(status);
  f.http_status = static_cast<int>(status);
  const ErrorBody error = read_error_body(body);
  f.code = error.code;
  f.message = fmt::format("HTTP {}", status);
  if (!error.code.empty()) {
    f.message += " " + error.code;
  }
  if (!error.message.empty()) {
    f.message += ": " + error.message;
  }
  if (f.kind == ApiError::bad_response) {
    f.message += " (unexpected status)";
  }
  if (f.kind == ApiError::unavailable) {
    f.retry_after = retry_after;
  }
  return f;
}

tl::expected<SnapshotRead, std::string> read_snapshot_page(const json& body) {
  const json* vacancies = array_field(body, "vacancies");
  if (vacancies == nullptr) {
    return tl::unexpected(std::string("no \"vacancies\" array at the top level"));
  }
  auto next_cursor = optional_string(body, "next_cursor");
  if (!next_cursor) {
    return tl::unexpected(next_cursor.error());
  }
  auto sync_token = optional_string(body, "sync_token");
  if (!sync_token) {
    return tl::unexpected(sync_token.error());
  }
  auto list = read_items<Vacancy>(*vacancies, [](const json& j) { return vacancy_from_json(j); });
  SnapshotRead out;
  out.page.vacancies = std::move(list.items);
  out.page.skipped = list.skipped;
  out.page.next_cursor = std::move(*next_cursor);
  out.page.sync_token = std::move(*sync_token);
  out.first_reason = std::move(list.first_reason);
  return out;
}

tl::expected<ChangesRead, std::string> read_changes_page(const json& body) {
  const json* upserted = array_field(body, "upserted");
  const json* removed = array_field(body, "removed");
  if (upserted == nullptr || removed == nullptr) {
    return tl::unexpected(std::string("no \"upserted\" and \"removed\" arrays at the top level"));
  }
  auto token = optional_string(body, "sync_token");
  if (!token || !*token) {
    return tl::unexpected(std::string("no \"sync_token\" string"));
  }
  const auto more = body.find("has_more");
  if (more != body.end() && !more->is_boolean() && !more->is_null()) {
    return tl::unexpected(std::string("\"has_more\" is not a boolean"));
  }
  auto vacancies = read_items<Vacancy>(*upserted, [](const json& j) { return vacancy_from_json(j); });
  auto tombstones = read_items<std::string>(*removed, [](const json& j) {
    const auto id = j.is_object() ? j.find("id") : j.end();
    if (!j.is_object() || id == j.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
      return tl::expected<std::string, std::string>(tl::unexpect, "tombstone without an id");
    }
    return tl::expected<std::string, std::string>(id->get<std::string>());
  });
  ChangesRead out;
  out.page.upserted = std::move(vacancies.items);
  out.page.removed = std::move(tombstones.items);
  out.page.skipped = vacancies.skipped + tombstones.skipped;
  out.page.sync_token = std::move(**token);
  out.page.has_more = more != body.end() && more->is_boolean() && more->get<bool>();
  out.first_reason =
      !vacancies.first_reason.empty() ? vacancies.first_reason : tombstones.first_reason;
  return out;
}

tl::expected<ReadList<Occupation>, std::string> read_occupations(const json& body) {
  const json* list = array_field(body, "occupations");
  if (list == nullptr) {
    return tl::unexpected(std::string("no \"occupations\" array at the top level"));
  }
  return read_items<Occupation>(*list, [](const json& j) { return occupation_from_json(j); });
}

tl::expected<ReadList<Slot>, std::string> read_slots(const json& body) {
  const json* slots = array_field(body, "slots");
  if (slots == nullptr) {
    return tl::unexpected(std::string("no \"slots\" array at the top level"));
  }
  return read_items<Slot>(*slots, [](const json& j) { return slot_from_json(j); });
}

tl::expected<ReadList<JobFairSession>, std::string> read_sessions(const json& body) {
  const json* sessions = array_field(body, "sessions");
  if (sessions == nullptr) {
    return tl::unexpected(std::string("no \"sessions\" array at the top level"));
  }
  return read_items<JobFairSession>(*sessions, [](const json& j) { return session_from_json(j); });
}

}  // namespace kiosk::curl_detail
