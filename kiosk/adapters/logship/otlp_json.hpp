#pragma once
// The OTLP/HTTP JSON encoding of a batch of log records (opentelemetry-proto
// ExportLogsServiceRequest, JSON mapping: camelCase names, 64-bit integers
// as strings), and gzip for the request body.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/logship/log_spool.hpp"

namespace kiosk {

/// The resource every record of this kiosk carries.
struct OtlpResource {
  std::string service_name = "kiosk";
  std::string instance_id{};  // the profile's kiosk.id
  std::string version{};      // the kiosk's version
};

/// {"resourceLogs":[{resource, scopeLogs:[…]}]}: one scopeLogs entry (scope
/// name = logger name) per run of consecutive records of the same logger, so
/// reading the scopes in turn gives the records in spool order. Each record
/// has timeUnixNano, observedTimeUnixNano, severityNumber, severityText,
/// body.stringValue and attributes: log.record.uid, kiosk.log.seq and its own.
std::string encode_otlp_logs(const OtlpResource& resource, const std::vector<LogRecord>& records);

/// A gzip member (RFC 1952) of `data`; nullopt if zlib fails.
std::optional<std::string> gzip_compress(std::string_view data);

}  // namespace kiosk
