#include "tools/central_dev/dev_logs.hpp"

#include <deque>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace kiosk::dev {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

constexpr const char* k_json_type = "application/json; charset=utf-8";
constexpr std::size_t k_max_kept = 200000;

struct LogFault {
  std::string kind = "status";  // status, malformed, oversize
  int status = 503;
  std::string retry_after;
  int times = 1;
  std::size_t oversize_bytes = std::size_t{4} << 20;
  std::int64_t hang_ms = 30000;
};

struct DevLogStore {
  std::mutex mutex;
  std::vector<json> records;
  std::set<std::string> uids;
  std::size_t requests = 0;
  std::size_t gzip_requests = 0;
  std::deque<LogFault> faults;
};

// An OTLP AnyValue as plain JSON: the string, number, bool, or the value as given.
json plain_value(const json& any) {
  if (!any.is_object()) {
    return any;
  }
  for (const char* key : {"stringValue", "intValue", "boolValue", "doubleValue"}) {
    if (const auto it = any.find(key); it != any.end()) {
      return *it;
    }
  }
  return any;
}

// KeyValue list -> {key: value}; throws json::exception on a wrong shape.
json attribute_map(const json& list) {
  json out = json::object();
  if (list.is_null()) {
    return out;
  }
  for (const auto& kv : list) {
    out[kv.at("key").get<std::string>()] =
        plain_value(kv.contains("value") ? kv.at("value") : json());
  }
  return out;
}

std::string text_of(const json& attrs, const char* key) {
  const auto it = attrs.find(key);
  return it != attrs.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The flattened records of an ExportLogsServiceRequest; throws json::exception
// (or std::invalid_argument) when it is not of that shape.
std::vector<json> flatten(const json& request) {
  if (!request.is_object() || !request.at("resourceLogs").is_array()) {
    throw std::invalid_argument("resourceLogs must be an array");
  }
  std::vector<json> out;
  for (const auto& resource_logs : request.at("resourceLogs")) {
    const json resource = resource_logs.value("resource", json::object());
    const json resource_attrs = attribute_map(resource.value("attributes", json::array()));
    if (!resource_logs.at("scopeLogs").is_array()) {
      throw std::invalid_argument("scopeLogs must be an array");
    }
    for (const auto& scope_logs : resource_logs.at("scopeLogs")) {
      const json scope = scope_logs.value("scope", json::object());
      const std::string scope_name = scope.value("name", std::string());
      if (!scope_logs.at("logRecords").is_array()) {
        throw std::invalid_argument("logRecords must be an array");
      }
      for (const auto& record : scope_logs.at("logRecords")) {
        if (!record.is_object()) {
          throw std::invalid_argument("a log record must be an object");
        }
        const json attrs = attribute_map(record.value("attributes", json::array()));
        const json seq = attrs.value("kiosk.log.seq", json());
        out.push_back(
            json{{"uid", text_of(attrs, "log.record.uid")},
                 {"seq", seq.is_string() ? json(std::stoll(seq.get<std::string>())) : seq},
                 {"service_name", text_of(resource_attrs, "service.name")},
                 {"service_instance_id", text_of(resource_attrs, "service.instance.id")},
                 {"service_version", text_of(resource_attrs, "service.version")},
                 {"scope", scope_name},
                 {"time_unix_nano", record.value("timeUnixNano", json())},
                 {"observed_time_unix_nano", record.value("observedTimeUnixNano", json())},
                 {"severity_number", record.value("severityNumber", json())},
                 {"severity_text", record.value("severityText", json())},
                 {"body", plain_value(record.value("body", json()))},
                 {"attributes", attrs}});
      }
    }
  }
  return out;
}

void reply(Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), k_json_type);
}

void bad_request(Response& res, const std::string& message) {
  reply(res, 400, json{{"error", {{"code", "bad_request"}, {"message", message}}}});
}

}  // namespace

void install_log_routes(httplib::Server& server, RouteContext& ctx) {
  auto store = std::make_shared<DevLogStore>();
  server.Post("/v1/logs", [store, &ctx](const Request& req, Response& res) {
    std::optional<LogFault> fault;
    {
      std::lock_guard lock(store->mutex);
      ++store->requests;
      if (req.get_header_value("Content-Encoding") == "gzip") {
        ++store->gzip_requests;
      }
      if (!store->faults.empty()) {
        fault = store->faults.front();
        // times <= 0: until cleared.
        auto& front = store->faults.front();
        if (front.times > 0 && --front.times == 0) {
          store->faults.pop_front();
        }
      }
    }
    if (fault && fault->kind == "hang") {
      // In small steps, so stopping the server ends it.
      const auto until =
          std::chrono::steady_clock::now() + std::chrono::milliseconds(fault->hang_ms);
      while (!ctx.stopping.load() && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
    if (fault && fault->kind == "status") {
      if (!fault->retry_after.empty()) {
        res.set_header("Retry-After", fault->retry_after);
      }
      reply(res, fault->status,
            json{{"error", {{"code", "injected"}, {"message", "injected failure"}}}});
      return;
    }
    std::vector<json> records;
    try {
      records = flatten(json::parse(req.body));
    } catch (const std::exception& e) {
      bad_request(res, std::string("not an OTLP logs request: ") + e.what());
      return;
    }
    {
      std::lock_guard lock(store->mutex);
      for (auto& record : records) {
        store->uids.insert(record["uid"].get<std::string>());
        if (store->records.size() < k_max_kept) {
          store->records.push_back(std::move(record));
        }
      }
    }
    ctx.log->debug("POST /v1/logs: {} records", records.size());
    if (fault && fault->kind == "malformed") {
      res.status = 200;
      res.set_content("{\"partialSuccess\": {", k_json_type);
      return;
    }
    if (fault && fault->kind == "oversize") {
      res.status = 200;
      res.set_content("{\"pad\":\"" + std::string(fault->oversize_bytes, 'x') + "\"}", k_json_type);
      return;
    }
    reply(res, 200, json::object());
  });
  server.Get("/api/v1/_dev/logs", [store](const Request&, Response& res) {
    std::lock_guard lock(store->mutex);
    reply(res, 200,
          json{{"records", store->records},
               {"count", store->records.size()},
               {"distinct_uids", store->uids.size()},
               {"requests", store->requests},
               {"gzip_requests", store->gzip_requests}});
  });
  server.Delete("/api/v1/_dev/logs", [store](const Request&, Response& res) {
    std::lock_guard lock(store->mutex);
    store->records.clear();
    store->uids.clear();
    store->requests = 0;
    store->gzip_requests = 0;
    reply(res, 200, json::object());
  });
  server.Post("/api/v1/_dev/log_faults", [store](const Request& req, Response& res) {
    const json body = json::parse(req.body, nullptr, false);
    if (!body.is_object()) {
      bad_request(res, "body must be a JSON object");
      return;
    }
    LogFault fault;
    try {
      if (body.value("clear", false)) {
        std::lock_guard lock(store->mutex);
        store->faults.clear();
        reply(res, 200, json{{"faults", 0}});
        return;
      }
      fault.kind = body.value("kind", fault.kind);
      fault.status = body.value("status", fault.status);
      fault.retry_after = body.value("retry_after", fault.retry_after);
      fault.times = body.value("times", fault.times);
      fault.oversize_bytes = body.value("oversize_bytes", fault.oversize_bytes);
      fault.hang_ms = body.value("hang_ms", fault.hang_ms);
    } catch (const json::exception&) {
      bad_request(res, "a field of the wrong type");
      return;
    }
    if (fault.kind != "status" && fault.kind != "malformed" && fault.kind != "oversize" &&
        fault.kind != "hang") {
      bad_request(res, "kind must be status, malformed, oversize or hang");
      return;
    }
    std::lock_guard lock(store->mutex);
    store->faults.push_back(fault);
    reply(res, 200, json{{"faults", store->faults.size()}});
  });
}

}  // namespace kiosk::dev
