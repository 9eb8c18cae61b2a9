#pragma once
// OTLP/HTTP JSON log intake of the development server (issue 8), standing in
// for an OpenTelemetry collector so the kiosk's log shipper can be tested:
//
//   POST /v1/logs                 an ExportLogsServiceRequest, plain or gzip
//                                 (cpp-httplib inflates it); 200 "{}" and the
//                                 records kept, 400 when not of the OTLP shape
//   GET  /api/v1/_dev/logs        what arrived, in arrival order, duplicates
//                                 included: {"records":[…], "count", "distinct_uids",
//                                 "requests", "gzip_requests"}; each record is
//                                 {uid, seq, service_name, service_instance_id,
//                                 service_version, scope, time_unix_nano,
//                                 observed_time_unix_nano, severity_number,
//                                 severity_text, body, attributes:{key: value}}
//   DELETE /api/v1/_dev/logs      forgets them
//   POST /api/v1/_dev/log_faults  {"kind":"status","status":503,"retry_after":"7","times":2}
//                                 makes the next `times` /v1/logs requests (0 = until
//                                 cleared) fail (records
//                                 not kept); kinds "malformed" (a 200 whose body
//                                 is not JSON) and "oversize" (a 200 with
//                                 `oversize_bytes` of padding) keep the records, and
//                                 "hang" (`hang_ms`, then answered normally);
//                                 {"clear":true} drops the queued faults
//
// De-duplication by record uid is the reader's job, as with a real collector.
// No bearer token is asked for (a collector has its own authentication).

#include <httplib.h>

#include "tools/central_dev/dev_routes.hpp"

namespace kiosk::dev {

/// Registers the routes above; their store lives as long as `server`'s handlers.
void install_log_routes(httplib::Server& server, RouteContext& context);

}  // namespace kiosk::dev
