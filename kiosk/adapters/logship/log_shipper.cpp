#include "adapters/logship/log_shipper.hpp"

#include <algorithm>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include "core/log.hpp"

namespace kiosk {
namespace {

struct Exchange {
  std::size_t max_body = 0;
  std::atomic<std::int64_t>* abort_after = nullptr;
  ShipAnswer answer;
};

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto& exchange = *static_cast<Exchange*>(user);
  if (exchange.abort_after == nullptr) {
    return 0;
  }
  const auto now = std::chrono::steady_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::nanoseconds>(now).count() >
                 exchange.abort_after->load()
             ? 1
             : 0;
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& exchange = *static_cast<Exchange*>(user);
  const std::size_t bytes = size * count;
  const std::size_t room =
      exchange.max_body - std::min(exchange.max_body, exchange.answer.body.size());
  exchange.answer.body.append(data, std::min(room, bytes));
  return bytes;  // the rest is read and dropped, so the status still counts
}

std::optional<std::chrono::seconds> parse_retry_after(std::string value) {
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.pop_back();
  }
  value.erase(0, value.find_first_not_of(' '));
  if (value.empty()) {
    return std::nullopt;
  }
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return value.size() > 9 ? std::chrono::seconds{999999999}
                            : std::chrono::seconds{std::stoll(value)};
  }
  const time_t at = curl_getdate(value.c_str(), nullptr);
  if (at < 0) {
    return std::nullopt;
  }
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return std::chrono::seconds{std::max<long long>(0, static_cast<long long>(at - now))};
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto& exchange = *static_cast<Exchange*>(user);
  const std::string_view line(data, size * count);
  constexpr std::string_view name = "retry-after:";
  if (line.size() > name.size()) {
    bool match = true;
    for (std::size_t i = 0; i < name.size(); ++i) {
      match = match && std::tolower(static_cast<unsigned char>(line[i])) == name[i];
    }
    if (match) {
      exchange.answer.retry_after = parse_retry_after(std::string(line.substr(name.size())));
    }
  }
  return size * count;
}

// An OTLP ExportLogsServiceResponse may say some records were rejected; the
// collector has decided, so they are only reported. Any other body is ignored.
void log_partial_success(const std::string& body, std::size_t sent) {
  try {
    const auto reply = nlohmann::json::parse(body, nullptr, false);
    if (!reply.is_object() || !reply.contains("partialSuccess")) {
      return;
    }
    const auto& partial = reply.at("partialSuccess");
    const auto rejected = partial.value("rejectedLogRecords", nlohmann::json("0"));
    const std::string count = rejected.is_string() ? rejected.get<std::string>() : rejected.dump();
    if (count != "0" && count != "null") {
      logger("logship")->warn("collector rejected {} of {} records: {}", count, sent,
                              partial.value("errorMessage", std::string()));
    }
  } catch (const nlohmann::json::exception&) {
    // A partialSuccess of the wrong shape: nothing to report.
  }
}

bool refused_for_good(int status) {
  return status >= 400 && status < 500 && status != 408 && status != 429;
}

}  // namespace

LogTransport curl_log_transport(CurlTransportOptions options) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  return [options](const std::string& url, const std::string& gzipped) {
    Exchange exchange;
    exchange.max_body = options.max_answer_bytes;
    exchange.abort_after = options.abort_after.get();
    CURL* curl = curl_easy_init();
    if (curl == nullptr) {
      exchange.answer.error = "curl_easy_init failed";
      return exchange.answer;
    }
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "Content-Encoding: gzip");
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, gzipped.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(gzipped.size()));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &exchange);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &exchange);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "kiosk-logship/1");
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &exchange);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    if (!options.ca_file.empty()) {
      curl_easy_setopt(curl, CURLOPT_CAINFO, options.ca_file.c_str());
    }
    const CURLcode rc = curl_easy_perform(curl);
    if (rc == CURLE_OK) {
      long status = 0;
      curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
      exchange.answer.status = static_cast<int>(status);
    } else {
      exchange.answer.error = curl_easy_strerror(rc);
    }
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return exchange.answer;
  };
}

LogShipper::LogShipper(std::shared_ptr<LogSpool> spool, LogShipperOptions options,
                       LogTransport transport, UnitRandom random)
    : m_spool(std::move(spool)),
      m_options(std::move(options)),
      m_url(m_options.endpoint),
      m_transport(std::move(transport)),
      m_random(std::move(random)),
      m_batch_limit(std::max<std::size_t>(m_options.max_batch, 1)) {
  while (!m_url.empty() && m_url.back() == '/') {
    m_url.pop_back();
  }
  // A base URL as OTEL_EXPORTER_OTLP_ENDPOINT has it; a full logs URL is kept.
  if (!m_url.ends_with("/v1/logs")) {
    m_url += "/v1/logs";
  }
}

ShipStep LogShipper::ship_once() {
  ShipStep step;
  const std::vector<LogRecord> batch = m_spool->oldest(m_batch_limit);
  if (batch.empty()) {
    return step;
  }
  step.records = batch.size();
  ShipAnswer answer;
  if (const auto body = gzip_compress(encode_otlp_logs(m_options.resource, batch))) {
    answer = m_transport(m_url, *body);
  } else {
    answer.error = "gzip failed";
  }
  step.status = answer.status;
  if (answer.status >= 200 && answer.status < 300) {
    m_spool->remove(batch);
    m_sent += batch.size();
    m_attempt = 0;
    m_batch_limit = std::min(m_batch_limit * 2, std::max<std::size_t>(m_options.max_batch, 1));
    log_partial_success(answer.body, batch.size());
    step.outcome = ShipStep::Outcome::sent;
    return step;
  }
  if ((answer.status == 400 || answer.status == 413) && batch.size() > 1) {
    m_batch_limit = std::max<std::size_t>(batch.size() / 2, 1);
    step.outcome = ShipStep::Outcome::split;
    return step;
  }
  if (refused_for_good(answer.status) && batch.size() == 1) {
    m_spool->remove(batch);
    ++m_dropped;
    m_attempt = 0;
    logger("logship")->warn("collector refused log record {} for good (HTTP {}): dropped",
                            batch.front().uid, answer.status);
    step.outcome = ShipStep::Outcome::dropped;
    return step;
  }
  if (m_attempt == 0) {
    // Once per outage: each retry would add a record of its own.
    logger("logship")->warn(
        "log shipping to {} failed ({}); retrying with backoff", m_url,
        answer.status != 0 ? "HTTP " + std::to_string(answer.status) : answer.error);
  }
  step.wait = backoff_delay(m_options.backoff, m_attempt, m_random, answer.retry_after);
  ++m_attempt;
  step.outcome = ShipStep::Outcome::failed;
  return step;
}

}  // namespace kiosk
