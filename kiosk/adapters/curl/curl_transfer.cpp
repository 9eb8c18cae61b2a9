#include "adapters/curl/curl_transfer.hpp"

#include <curl/header.h>
#include <fmt/format.h>

#include <memory>

namespace kiosk::curl_detail {
namespace {

constexpr const char* k_user_agent_product = "kiosk/0.1";

// libcurl's global state is set up once per process, before the first handle.
void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

// Appends to `list`; false when libcurl ran out of memory (list unchanged).
bool append(Slist& list, const std::string& line) {
  curl_slist* grown = curl_slist_append(list.get(), line.c_str());
  if (grown == nullptr) {
    return false;
  }
  static_cast<void>(list.release());
  list.reset(grown);
  return true;
}

ApiFailure failure(ApiError kind, long status, std::string message) {
  ApiFailure f;
  f.kind = kind;
  f.http_status = static_cast<int>(status);
  f.message = std::move(message);
  return f;
}

}  // namespace

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string url_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    const bool unreserved = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
                            (u >= '0' && u <= '9') || u == '-' || u == '.' || u == '_' || u == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

std::string redact_url(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) {
    return std::string(url);
  }
  const auto authority = scheme_end + 3;
  const auto authority_end = url.find_first_of("/?#", authority);
  const auto at = url.substr(0, authority_end).rfind('@');
  if (at == std::string_view::npos || at < authority) {
    return std::string(url);
  }
  return fmt::format("{}***@{}", url.substr(0, authority), url.substr(at + 1));
}

CurlTransfer::CurlTransfer(const CurlApiSettings& settings)
    : m_max_bytes(settings.max_response_bytes),
      m_auth_header("Authorization: Bearer " + trimmed(settings.token)),
      m_user_agent(fmt::format("{} ({})", k_user_agent_product, settings.kiosk_id)),
      m_ca_file(settings.ca_file) {
  init_curl_once();  // before the first handle, so not in the initialiser list
  m_curl = curl_easy_init();
  if (m_curl != nullptr) {
    set_shared_options(settings);
  }
}

CurlTransfer::~CurlTransfer() {
  if (m_curl != nullptr) {
    curl_easy_cleanup(m_curl);
  }
}

void CurlTransfer::set_shared_options(const CurlApiSettings& settings) {
  curl_easy_setopt(m_curl, CURLOPT_NOSIGNAL, 1L);  // worker threads: no SIGALRM
  curl_easy_setopt(m_curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(m_curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(m_curl, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(m_curl, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl decodes
  curl_easy_setopt(m_curl, CURLOPT_USERAGENT, m_user_agent.c_str());
  curl_easy_setopt(m_curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(settings.connect_timeout.count()));
  curl_easy_setopt(m_curl, CURLOPT_TIMEOUT_MS, static_cast<long>(settings.total_timeout.count()));
  // Refuses early when Content-Length is already over the cap; on_write
  // enforces it for chunked and compressed bodies.
  curl_easy_setopt(m_curl, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(settings.max_response_bytes));
  curl_easy_setopt(m_curl, CURLOPT_WRITEFUNCTION, &CurlTransfer::on_write);
  curl_easy_setopt(m_curl, CURLOPT_ERRORBUFFER, m_error.data());
  if (!m_ca_file.empty()) {
    curl_easy_setopt(m_curl, CURLOPT_CAINFO, m_ca_file.c_str());
  }
}

std::size_t CurlTransfer::on_write(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (n > sink->cap - sink->body->size()) {
    sink->overflow = true;
    return 0;  // anything but n aborts the transfer with CURLE_WRITE_ERROR
  }
  sink->body->append(data, n);
  return n;
}

tl::expected<HttpResponse, ApiFailure> CurlTransfer::perform(const HttpRequest& request) {
  if (m_curl == nullptr) {
    return tl::unexpected(failure(ApiError::offline, 0, "libcurl could not create a handle"));
  }
  Slist headers;
  bool ok = append(headers, m_auth_header) && append(headers, "Accept: " + request.accept);
  for (const auto& line : request.headers) {
    ok = ok && append(headers, line);
  }
  if (!ok) {
    return tl::unexpected(failure(ApiError::offline, 0, "out of memory building headers"));
  }

  const std::lock_guard lock(m_mutex);
  HttpResponse response;
  Sink sink{&response.body, m_max_bytes, false};
  m_error.fill('\0');
  curl_easy_setopt(m_curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(m_curl, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(m_curl, CURLOPT_WRITEDATA, &sink);
  if (request.post && request.body != nullptr) {
    curl_easy_setopt(m_curl, CURLOPT_POST, 1L);
    curl_easy_setopt(m_curl, CURLOPT_POSTFIELDS, request.body->data());
    curl_easy_setopt(m_curl, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body->size()));
  } else {
    curl_easy_setopt(m_curl, CURLOPT_HTTPGET, 1L);
  }
  const CURLcode code = curl_easy_perform(m_curl);
  // The handle outlives these buffers: drop the pointers before unlocking.
  curl_easy_setopt(m_curl, CURLOPT_HTTPHEADER, nullptr);
  curl_easy_setopt(m_curl, CURLOPT_POSTFIELDS, nullptr);
  curl_easy_setopt(m_curl, CURLOPT_WRITEDATA, nullptr);
  if (code != CURLE_OK) {
    return tl::unexpected(transport_failure(code, sink));
  }
  curl_easy_getinfo(m_curl, CURLINFO_RESPONSE_CODE, &response.status);
  curl_header* retry_after = nullptr;
  if (curl_easy_header(m_curl, "Retry-After", 0, CURLH_HEADER, -1, &retry_after) == CURLHE_OK &&
      retry_after != nullptr) {
    response.retry_after = retry_after->value;
  }
  curl_header* etag = nullptr;
  if (curl_easy_header(m_curl, "ETag", 0, CURLH_HEADER, -1, &etag) == CURLHE_OK &&
      etag != nullptr) {
    response.etag = etag->value;
  }
  curl_header* signature = nullptr;
  if (curl_easy_header(m_curl, "X-Signature", 0, CURLH_HEADER, -1, &signature) == CURLHE_OK &&
      signature != nullptr) {
    response.signature = signature->value;
  }
  return response;
}

ApiFailure CurlTransfer::transport_failure(CURLcode code, const Sink& sink) const {
  long status = 0;
  curl_easy_getinfo(m_curl, CURLINFO_RESPONSE_CODE, &status);
  const std::string detail =
      m_error[0] != '\0' ? std::string(m_error.data()) : std::string(curl_easy_strerror(code));
  if (sink.overflow || code == CURLE_FILESIZE_EXCEEDED) {
    return failure(ApiError::bad_response, status,
                   fmt::format("response body over the {} byte limit (api.max_response_bytes);"
                               " answer dropped",
                               m_max_bytes));
  }
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return failure(ApiError::timeout, 0, fmt::format("timed out: {}", detail));
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_WEIRD_SERVER_REPLY:
      return failure(
          ApiError::bad_response, status,
          fmt::format("unreadable answer (curl {}): {}", static_cast<int>(code), detail));
    default:
      // DNS, refused, reset, TLS handshake and certificate failures, and a
      // URL curl cannot use: no HTTP answer came back.
      return failure(ApiError::offline, 0,
                     fmt::format("no answer (curl {}): {}", static_cast<int>(code), detail));
  }
}

}  // namespace kiosk::curl_detail
