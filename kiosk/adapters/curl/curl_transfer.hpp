#pragma once
// One reusable libcurl easy handle: the transport under CurlCentralApi.
// Knows HTTP, not the central API's JSON.

#include <array>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <curl/curl.h>
#include <tl/expected.hpp>

#include "adapters/curl/curl_central_api.hpp"

namespace kiosk::curl_detail {

struct HttpRequest {
  bool post = false;
  std::string url;
  std::vector<std::string> headers;   // extra "Name: value" lines
  const std::string* body = nullptr;  // POST body, not copied (may hold personal data)
  std::string accept = "application/json";  // the Accept header's value
};

/// A complete HTTP answer of any status.
struct HttpResponse {
  long status = 0;
  std::string body;
  std::string retry_after;  // raw Retry-After value, empty when absent
  std::string etag;         // raw ETag value, empty when absent
  std::string signature;    // raw X-Signature value, empty when absent
};

/// "%XX"-escapes everything but RFC 3986 unreserved characters, for a query
/// value or a single path segment.
std::string url_escape(std::string_view text);

/// `text` without surrounding white space (a token file's final newline).
std::string trimmed(std::string_view text);

/// The URL with any "user:password@" removed, for logs.
std::string redact_url(std::string_view url);

class CurlTransfer {
 public:
  /// Sets the options every request shares. Never throws; when libcurl
  /// cannot make a handle, perform() fails with `offline`.
  explicit CurlTransfer(const CurlApiSettings& settings);
  ~CurlTransfer();
  CurlTransfer(const CurlTransfer&) = delete;
  CurlTransfer& operator=(const CurlTransfer&) = delete;
  CurlTransfer(CurlTransfer&&) = delete;
  CurlTransfer& operator=(CurlTransfer&&) = delete;

  /// Runs one request; any thread, serialised. Fails (http_status 0 unless
  /// an answer began) when no complete answer arrived: offline, timeout, or
  /// bad_response for a body over the cap (logged by the caller with the
  /// cap in the message) or a broken content encoding. Sends
  /// "Accept-Encoding" for every encoding libcurl decodes (gzip, deflate…).
  tl::expected<HttpResponse, ApiFailure> perform(const HttpRequest& request);

 private:
  struct Sink {
    std::string* body = nullptr;
    std::size_t cap = 0;
    bool overflow = false;
  };

  static std::size_t on_write(char* data, std::size_t size, std::size_t count, void* user);
  void set_shared_options(const CurlApiSettings& settings);
  ApiFailure transport_failure(CURLcode code, const Sink& sink) const;

  std::mutex m_mutex;
  CURL* m_curl = nullptr;
  std::size_t m_max_bytes = 0;
  std::string m_auth_header;  // "Authorization: Bearer …"; never logged
  std::string m_user_agent;
  std::string m_ca_file;
  std::array<char, CURL_ERROR_SIZE> m_error{};
};

}  // namespace kiosk::curl_detail
