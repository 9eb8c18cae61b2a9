#include "adapters/logship/otlp_json.hpp"

#include <zlib.h>
#include <nlohmann/json.hpp>

namespace kiosk {
namespace {

nlohmann::json string_attribute(const std::string& key, const std::string& value) {
  return {{"key", key}, {"value", {{"stringValue", value}}}};
}

nlohmann::json int_attribute(const std::string& key, std::int64_t value) {
  return {{"key", key}, {"value", {{"intValue", std::to_string(value)}}}};
}

nlohmann::json log_record(const LogRecord& r) {
  nlohmann::json attributes = nlohmann::json::array();
  attributes.push_back(string_attribute("log.record.uid", r.uid));
  attributes.push_back(int_attribute("kiosk.log.seq", r.seq));
  if (r.dropped > 0) {
    attributes.push_back(int_attribute("kiosk.log.dropped_records", r.dropped));
  }
  for (const auto& [key, value] : r.attributes) {
    attributes.push_back(string_attribute(key, value));
  }
  return {{"timeUnixNano", std::to_string(r.time_ns)},
          {"observedTimeUnixNano", std::to_string(r.observed_ns)},
          {"severityNumber", r.severity},
          {"severityText", r.severity_text},
          {"body", {{"stringValue", r.body}}},
          {"attributes", std::move(attributes)}};
}

}  // namespace

std::string encode_otlp_logs(const OtlpResource& resource, const std::vector<LogRecord>& records) {
  nlohmann::json scopes = nlohmann::json::array();
  for (const auto& r : records) {
    if (scopes.empty() || scopes.back()["scope"]["name"] != r.logger) {
      scopes.push_back({{"scope", {{"name", r.logger}}}, {"logRecords", nlohmann::json::array()}});
    }
    scopes.back()["logRecords"].push_back(log_record(r));
  }
  nlohmann::json attributes =
      nlohmann::json::array({string_attribute("service.name", resource.service_name),
                             string_attribute("service.instance.id", resource.instance_id),
                             string_attribute("service.version", resource.version)});
  const nlohmann::json request = {
      {"resourceLogs",
       nlohmann::json::array({{{"resource", {{"attributes", std::move(attributes)}}},
                               {"scopeLogs", std::move(scopes)}}})}};
  // A body cut inside a UTF-8 sequence must not make the whole batch unsendable.
  return request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::string> gzip_compress(std::string_view data) {
  z_stream stream{};
  // 15 + 16: a gzip header and trailer instead of zlib's.
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    return std::nullopt;
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&stream, Z_FINISH);
  deflateEnd(&stream);
  if (rc != Z_STREAM_END) {
    return std::nullopt;
  }
  out.resize(stream.total_out);
  return out;
}

}  // namespace kiosk
