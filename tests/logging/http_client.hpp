#pragma once
// A minimal libcurl client for the tests: GET or POST, status and body.

#include <curl/curl.h>

#include <string>

#include <nlohmann/json.hpp>

namespace kiosk::test {

struct HttpResult {
  int status = 0;
  std::string body;
};

inline HttpResult http(const std::string& method, const std::string& url,
                       const std::string& body = {}, const std::string& content_encoding = {}) {
  HttpResult result;
  CURL* curl = curl_easy_init();
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  if (!content_encoding.empty()) {
    headers = curl_slist_append(headers, ("Content-Encoding: " + content_encoding).c_str());
  }
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 20L);
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  if (method == "POST") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(
      curl, CURLOPT_WRITEFUNCTION, +[](char* data, std::size_t size, std::size_t n, void* user) {
        static_cast<std::string*>(user)->append(data, size * n);
        return size * n;
      });
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &result.body);
  if (curl_easy_perform(curl) == CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    result.status = static_cast<int>(status);
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return result;
}

/// GET /api/v1/_dev/logs of the development server at `base`.
inline nlohmann::json dev_logs(const std::string& base) {
  const auto got = http("GET", base + "/api/v1/_dev/logs");
  return nlohmann::json::parse(got.body, nullptr, false);
}

}  // namespace kiosk::test
