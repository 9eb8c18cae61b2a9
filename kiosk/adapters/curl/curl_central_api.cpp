#include "adapters/curl/curl_central_api.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "adapters/curl/api_responses.hpp"
#include "adapters/curl/curl_transfer.hpp"
#include "core/log.hpp"
#include "core/text.hpp"

namespace kiosk {
namespace {

using curl_detail::HttpRequest;
using nlohmann::json;

constexpr std::size_t k_max_idempotency_key = 255;

std::string without_trailing_slashes(std::string url) {
  while (!url.empty() && url.back() == '/') {
    url.pop_back();
  }
  return url;
}

// Header values go into the request verbatim: refuse line breaks and other
// control characters rather than let a value inject headers.
bool is_header_safe(std::string_view value) {
  return std::ranges::none_of(value, [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
  });
}

// A 2xx answer whose body parsed as JSON, or a 304 (body null) when the
// request was conditional.
struct JsonAnswer {
  long status = 0;
  json body;
  std::string etag;
};

bool is_conditional(const HttpRequest& request) {
  return std::ranges::any_of(request.headers, [](const std::string& line) {
    return line.starts_with("If-None-Match:");
  });
}

// The If-None-Match header for a cached ETag; none when the value is empty
// or could inject headers.
std::vector<std::string> conditional_headers(const std::string& etag) {
  if (etag.empty() || !is_header_safe(etag)) {
    return {};
  }
  return {"If-None-Match: " + etag};
}

// Overwrites every string in a request body (personal data) before it is
// freed.
void wipe_json_strings(json& j) {
  if (j.is_string()) {
    secure_wipe(j.get_ref<std::string&>());
  } else if (j.is_structured()) {
    for (auto& item : j) {
      wipe_json_strings(item);
    }
  }
}

}  // namespace

class CurlCentralApi::Impl {
 public:
  explicit Impl(const CurlApiSettings& settings)
      : m_transfer(settings),
        m_base(without_trailing_slashes(settings.base_url)),
        m_log(logger("api")) {
    if (!is_header_safe(curl_detail::trimmed(settings.token))) {
      m_config_error = "the API token contains control characters";
      m_log->error("central API client unusable: {}", m_config_error);
    }
  }

  std::string url(std::string_view path) const { return m_base + std::string(path); }

  /// Performs the request and returns a 2xx answer as it came, or a 304
  /// when the request was conditional; every failure is logged here, once.
  tl::expected<curl_detail::HttpResponse, ApiFailure> call_raw(const HttpRequest& request) {
    if (!m_config_error.empty()) {
      ApiFailure f;
      f.kind = ApiError::unauthorized;
      f.message = m_config_error;
      return fail(request, std::move(f));
    }
    auto response = m_transfer.perform(request);
    if (!response) {
      return fail(request, std::move(response.error()));
    }
    if (response->status == 304 && is_conditional(request)) {
      return response;
    }
    if (response->status < 200 || response->status > 299) {
      const auto retry_after = curl_detail::parse_retry_after(
          response->retry_after,
          std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
      return fail(request,
                  curl_detail::failure_from_status(response->status, response->body, retry_after));
    }
    return response;
  }

  /// Performs the request and reads a 2xx JSON body; every failure is
  /// logged here or by fail(), once.
  tl::expected<JsonAnswer, ApiFailure> call(const HttpRequest& request) {
    auto response = call_raw(request);
    if (!response) {
      return tl::unexpected(std::move(response.error()));
    }
    if (response->status == 304) {
      return JsonAnswer{304, json(), curl_detail::trimmed(response->etag)};
    }
    json body = json::parse(response->body, nullptr, false);
    if (body.is_discarded()) {
      return fail(request, bad_response(response->status, "the body is not JSON"));
    }
    return JsonAnswer{response->status, std::move(body), curl_detail::trimmed(response->etag)};
  }

  static ApiFailure bad_response(long status, std::string message) {
    ApiFailure f;
    f.kind = ApiError::bad_response;
    f.http_status = static_cast<int>(status);
    f.message = std::move(message);
    return f;
  }

  tl::unexpected<ApiFailure> fail(const HttpRequest& request, ApiFailure failure) const {
    m_log->warn("{} {} failed: {}", request.post ? "POST" : "GET",
                curl_detail::redact_url(request.url), failure.message);
    return tl::unexpected(std::move(failure));
  }

  /// A conditional GET of a list: nullopt value on 304, else the list read
  /// by `reader` (malformed items skipped and logged).
  template <typename T, typename Reader>
  tl::expected<Conditional<std::vector<T>>, ApiFailure> conditional_list(
      std::string_view path, const std::string& etag, const char* what, Reader reader) {
    HttpRequest request;
    request.url = url(path);
    request.headers = conditional_headers(etag);
    auto body = call(request);
    if (!body) {
      return tl::unexpected(std::move(body.error()));
    }
    if (body->status == 304) {
      return Conditional<std::vector<T>>{std::nullopt, body->etag.empty() ? etag : body->etag};
    }
    auto read = reader(body->body);
    if (!read) {
      return fail(request, bad_response(body->status, std::string(what) + ": " + read.error()));
    }
    note_skipped(request, read->skipped, what, read->first_reason);
    return Conditional<std::vector<T>>{std::move(read->items), std::move(body->etag)};
  }

  void note_skipped(const HttpRequest& request, std::size_t skipped, const std::string& what,
                    const std::string& first_reason) const {
    if (skipped > 0) {
      m_log->warn("GET {}: skipped {} malformed {} (first: {})",
                  curl_detail::redact_url(request.url), skipped, what, first_reason);
    }
  }

 private:
  curl_detail::CurlTransfer m_transfer;
  std::string m_base;
  std::string m_config_error;
  std::shared_ptr<spdlog::logger> m_log;
};

CurlCentralApi::CurlCentralApi(CurlApiSettings settings)
    : m_impl(std::make_unique<Impl>(settings)) {
  secure_wipe(settings.token);
}

CurlCentralApi::~CurlCentralApi() = default;

tl::expected<SnapshotPage, ApiFailure> CurlCentralApi::snapshot_page(const std::string& cursor,
                                                                     int limit) {
  HttpRequest request;
  request.url = m_impl->url(fmt::format("/api/v1/vacancies/snapshot?cursor={}&limit={}",
                                        curl_detail::url_escape(cursor), limit));
  auto body = m_impl->call(request);
  if (!body) {
    return tl::unexpected(std::move(body.error()));
  }
  auto read = curl_detail::read_snapshot_page(body->body);
  if (!read) {
    return m_impl->fail(request,
                        Impl::bad_response(body->status, "snapshot page: " + read.error()));
  }
  m_impl->note_skipped(request, read->page.skipped, "vacancies", read->first_reason);
  return std::move(read->page);
}

tl::expected<ChangesPage, ApiFailure> CurlCentralApi::changes(const std::string& sync_token,
                                                              int limit) {
  HttpRequest request;
  request.url = m_impl->url(fmt::format("/api/v1/vacancies/changes?since={}&limit={}",
                                        curl_detail::url_escape(sync_token), limit));
  auto body = m_impl->call(request);
  if (!body) {
    return tl::unexpected(std::move(body.error()));
  }
  auto read = curl_detail::read_changes_page(body->body);
  if (!read) {
    return m_impl->fail(request,
                        Impl::bad_response(body->status, "changes page: " + read.error()));
  }
  m_impl->note_skipped(request, read->page.skipped, "changes", read->first_reason);
  return std::move(read->page);
}

tl::expected<Conditional<std::vector<JobFairSession>>, ApiFailure>
CurlCentralApi::sessions_if_changed(const std::string& etag) {
  return m_impl->conditional_list<JobFairSession>(
      "/api/v1/sessions", etag, "sessions",
      [](const json& j) { return curl_detail::read_sessions(j); });
}

tl::expected<Conditional<std::vector<Occupation>>, ApiFailure>
CurlCentralApi::occupations_if_changed(const std::string& etag) {
  return m_impl->conditional_list<Occupation>(
      "/api/v1/taxonomy/occupations", etag, "occupations",
      [](const json& j) { return curl_detail::read_occupations(j); });
}

tl::expected<Conditional<SignedProfile>, ApiFailure> CurlCentralApi::kiosk_profile_if_changed(
    const std::string& kiosk_id, const std::string& etag) {
  HttpRequest request;
  request.url =
      m_impl->url(fmt::format("/api/v1/kiosks/{}/profile", curl_detail::url_escape(kiosk_id)));
  request.headers = conditional_headers(etag);
  request.accept = "application/toml";
  auto response = m_impl->call_raw(request);
  if (!response) {
    return tl::unexpected(std::move(response.error()));
  }
  std::string server_etag = curl_detail::trimmed(response->etag);
  if (response->status == 304) {
    return Conditional<SignedProfile>{std::nullopt, server_etag.empty() ? etag : server_etag};
  }
  // The body is TOML text checked byte for byte against its signature later:
  // refuse here what no TOML reader would take rather than cache it.
  if (!is_valid_utf8(response->body) || response->body.find('\0') != std::string::npos) {
    return m_impl->fail(
        request, Impl::bad_response(response->status, "profile: the body is not UTF-8 text"));
  }
  SignedProfile profile{std::move(response->body), curl_detail::trimmed(response->signature)};
  return Conditional<SignedProfile>{std::move(profile), std::move(server_etag)};
}

tl::expected<std::vector<Slot>, ApiFailure> CurlCentralApi::slots(const std::string& vacancy_id) {
  HttpRequest request;
  request.url =
      m_impl->url(fmt::format("/api/v1/vacancies/{}/slots", curl_detail::url_escape(vacancy_id)));
  auto body = m_impl->call(request);
  if (!body) {
    return tl::unexpected(std::move(body.error()));
  }
  auto read = curl_detail::read_slots(body->body);
  if (!read) {
    return m_impl->fail(request, Impl::bad_response(body->status, "slots: " + read.error()));
  }
  m_impl->note_skipped(request, read->skipped, "slots", read->first_reason);
  return std::move(read->items);
}

tl::expected<BookingConfirmation, ApiFailure> CurlCentralApi::book(const BookingRequest& request) {
  return post_request("/api/v1/bookings", request, booking_body(request));
}

tl::expected<BookingConfirmation, ApiFailure> CurlCentralApi::register_interest(
    const BookingRequest& request) {
  return post_request("/api/v1/interests", request, interest_body(request));
}

tl::expected<BookingConfirmation, ApiFailure> CurlCentralApi::post_request(
    std::string_view path, const BookingRequest& request, nlohmann::json body_json) {
  HttpRequest http;
  http.post = true;
  http.url = m_impl->url(path);
  const std::string& key = request.idempotency_key;
  if (key.empty() || key.size() > k_max_idempotency_key || !is_header_safe(key)) {
    ApiFailure f;
    f.kind = ApiError::conflict;
    f.code = "idempotency_key_invalid";
    f.message = "not sent: the Idempotency-Key is empty, too long or has control characters";
    return m_impl->fail(http, std::move(f));
  }
  http.headers = {"Idempotency-Key: " + key, "Content-Type: application/json",
                  "Expect:"};  // no 100-continue round trip
  // Invalid UTF-8 in a name is replaced rather than thrown on.
  std::string payload = body_json.dump(-1, ' ', false, json::error_handler_t::replace);
  wipe_json_strings(body_json);
  http.body = &payload;
  auto body = m_impl->call(http);
  secure_wipe(payload);
  if (!body) {
    return tl::unexpected(std::move(body.error()));
  }
  tl::expected<BookingConfirmation, std::string> confirmation =
      tl::unexpected(std::string("unreadable"));
  try {
    confirmation = confirmation_from_json(body->body);
  } catch (const json::exception&) {
    confirmation = tl::unexpected(std::string("a field has an unexpected type"));
  }
  if (!confirmation) {
    return m_impl->fail(http,
                        Impl::bad_response(body->status, "confirmation: " + confirmation.error()));
  }
  return std::move(*confirmation);
}

tl::expected<std::vector<JobFairSession>, ApiFailure> CurlCentralApi::sessions() {
  HttpRequest request;
  request.url = m_impl->url("/api/v1/sessions");
  auto body = m_impl->call(request);
  if (!body) {
    return tl::unexpected(std::move(body.error()));
  }
  auto read = curl_detail::read_sessions(body->body);
  if (!read) {
    return m_impl->fail(request, Impl::bad_response(body->status, "sessions: " + read.error()));
  }
  m_impl->note_skipped(request, read->skipped, "sessions", read->first_reason);
  return std::move(read->items);
}

}  // namespace kiosk
