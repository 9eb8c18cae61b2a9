#include "tools/central_dev/dev_routes.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <thread>

#include <nlohmann/json.hpp>

#include "tools/central_dev/dev_gzip.hpp"
#include "tools/central_dev/dev_logs.hpp"
#include "tools/central_dev/dev_profiles.hpp"
#include "tools/central_dev/dev_random.hpp"

namespace kiosk::dev {
namespace {

using httplib::Request;
using httplib::Response;

constexpr std::size_t k_default_limit = 200;
constexpr std::size_t k_max_limit = 1000;

// With the charset parameter cpp-httplib leaves the body alone (see
// dev_gzip.hpp); large bodies are gzipped here when the client accepts it.
constexpr const char* k_json_type = "application/json; charset=utf-8";
constexpr std::size_t k_gzip_from = 1024;

void send(const Request& req, Response& res, const Reply& reply) {
  res.status = reply.status;
  std::string type = k_json_type;  // a reply may name another (a TOML profile)
  for (const auto& [name, value] : reply.headers) {
    if (name == "Content-Type") {
      type = value;
    } else {
      res.set_header(name, value);
    }
  }
  if (reply.body.empty()) {
    return;
  }
  res.set_header("Vary", "Accept-Encoding");
  if (reply.body.size() >= k_gzip_from && accepts_gzip(req.get_header_value("Accept-Encoding"))) {
    if (auto packed = gzip(reply.body)) {
      res.set_header("Content-Encoding", "gzip");
      res.set_content(std::move(*packed), type);
      return;
    }
  }
  res.set_content(reply.body, type);
}

// limit=N: absent -> 200, above 1000 -> 1000, anything but a positive integer -> nullopt.
std::optional<std::size_t> parse_limit(const Request& req) {
  if (!req.has_param("limit")) {
    return k_default_limit;
  }
  const std::string text = req.get_param_value("limit");
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || end != text.data() + text.size() ||
      (ec != std::errc() && ec != std::errc::result_out_of_range) || value == 0) {
    return std::nullopt;
  }
  return ec == std::errc::result_out_of_range ? k_max_limit : std::min(value, k_max_limit);
}

bool authorized(const Request& req, const std::string& token) {
  const std::string header = req.get_header_value("Authorization");
  constexpr std::string_view scheme = "bearer ";
  if (header.size() <= scheme.size()) {
    return false;
  }
  for (std::size_t i = 0; i < scheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) != scheme[i]) {
      return false;
    }
  }
  return std::string_view(header).substr(scheme.size()) == token;
}

// The checks every /api/v1 request passes before its handler: latency, the
// injected outage, then the bearer token. False when already answered.
bool admit(RouteContext& ctx, const Request& req, Response& res) {
  if (const auto ms = ctx.latency_ms.load(); ms > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  }
  const std::uint64_t n = ctx.api_requests.fetch_add(1);
  const double draw = static_cast<double>(mix_seed(ctx.seed, n) >> 11) * 0x1.0p-53;
  if (draw < ctx.error_rate.load()) {
    send(req, res, error_reply(503, "unavailable", "injected failure (--error-rate)"));
    res.set_header("Retry-After", "1");
    return false;
  }
  if (!authorized(req, ctx.token)) {
    send(req, res, error_reply(401, "unauthorized", "missing or wrong bearer token"));
    res.set_header("WWW-Authenticate", "Bearer realm=\"kiosk-central-dev\"");
    return false;
  }
  return true;
}

// Waits out an injected hang in small steps, so stopping the server (whose
// pool joins this thread) is never held up by it.
void hang(const RouteContext& ctx, std::chrono::milliseconds duration) {
  const auto until = std::chrono::steady_clock::now() + duration;
  while (!ctx.stopping.load() && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

Reply status_fault_reply(const DevFault& fault) {
  Reply reply = error_reply(fault.status,
                            fault.status == 429   ? "rate_limited"
                            : fault.status == 410 ? "sync_token_expired"
                                                  : "unavailable",
                            "injected fault");
  if (!fault.retry_after.empty()) {
    reply.headers.emplace_back("Retry-After", fault.retry_after);
  }
  return reply;
}

// Records the answer in the journal when it goes out of scope: before
// cpp-httplib writes the bytes, so a client that has the answer finds it
// recorded.
class JournalEntry {
 public:
  JournalEntry(RouteContext& ctx, const Request& req, const Response& res)
      : m_ctx(ctx), m_req(req), m_res(res) {}
  ~JournalEntry() {
    const auto q = m_req.target.find('?');
    m_ctx.journal.record(DevRequestRecord{
        m_req.method, m_req.path,
        q == std::string::npos ? std::string() : m_req.target.substr(q + 1),
        m_req.get_header_value("If-None-Match"), m_req.get_header_value("Accept-Encoding"),
        m_res.get_header_value("Content-Encoding"), m_res.status,
        std::chrono::steady_clock::now()});
  }
  JournalEntry(const JournalEntry&) = delete;
  JournalEntry& operator=(const JournalEntry&) = delete;

 private:
  RouteContext& m_ctx;
  const Request& m_req;
  const Response& m_res;
};

httplib::Server::Handler api(RouteContext& ctx, std::function<Reply(const Request&)> handler) {
  return [&ctx, handler = std::move(handler)](const Request& req, Response& res) {
    const JournalEntry entry(ctx, req, res);
    if (!admit(ctx, req, res)) {
      return;
    }
    const auto fault = ctx.faults.take(req.path);
    if (fault && fault->kind == DevFault::Kind::hang) {
      ctx.log->info("{} {}: injected hang of {} ms", req.method, req.path, fault->hang.count());
      hang(ctx, fault->hang);
    }
    if (fault && fault->kind == DevFault::Kind::status) {
      send(req, res, status_fault_reply(*fault));
      return;
    }
    Reply reply = handler(req);
    if (fault && reply.status >= 200 && reply.status < 300) {
      apply_body_fault(*fault, reply);
    }
    send(req, res, reply);
  };
}

// {"kind":"hang",…} as DevFault; nullopt when the kind is unknown.
std::optional<DevFault> fault_from_json(const nlohmann::json& j) {
  if (!j.is_object()) {
    return std::nullopt;
  }
  const auto kind = parse_fault_kind(j.value("kind", std::string()));
  if (!kind) {
    return std::nullopt;
  }
  DevFault f;
  f.kind = *kind;
  f.path = j.value("path", std::string());
  f.times = j.value("times", 1);
  f.status = j.value("status", 503);
  f.retry_after = j.value("retry_after", std::string());
  f.hang = std::chrono::milliseconds(j.value("hang_ms", std::int64_t{30000}));
  f.oversize_bytes = j.value("oversize_bytes", f.oversize_bytes);
  return f;
}

Reply with_limit(const Request& req, const std::function<Reply(std::size_t)>& run) {
  const auto limit = parse_limit(req);
  if (!limit) {
    return error_reply(400, "bad_request", "limit must be a positive integer");
  }
  return run(*limit);
}

void install_dev_routes(httplib::Server& server, RouteContext& ctx) {
  DevStore& store = *ctx.store;
  // Development only, no token: inspection and simulated central-side edits.
  server.Get("/api/v1/_dev/bookings",
             [&store](const Request& req, Response& res) { send(req, res, store.dev_bookings()); });
  server.Post(R"(/api/v1/_dev/vacancies/([^/]+)/(remove|touch))", [&store](const Request& req,
                                                                           Response& res) {
    const std::string id = req.matches[1];
    const bool ok = req.matches[2] == "remove" ? store.remove_vacancy(id) : store.touch_vacancy(id);
    send(req, res,
         ok ? Reply{200, nlohmann::json{{"id", id}}.dump(), {}}
            : error_reply(404, "not_found", "no such vacancy"));
  });
  server.Post("/api/v1/_dev/faults", [&ctx](const Request& req, Response& res) {
    const auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      send(req, res, error_reply(400, "bad_request", "body must be a JSON object"));
      return;
    }
    if (const auto rate = body.find("error_rate"); rate != body.end() && rate->is_number()) {
      ctx.error_rate = std::clamp(rate->get<double>(), 0.0, 1.0);
    }
    if (const auto ms = body.find("latency_ms"); ms != body.end() && ms->is_number_integer()) {
      ctx.latency_ms = std::max<std::int64_t>(0, ms->get<std::int64_t>());
    }
    if (body.value("clear_faults", false)) {
      ctx.faults.clear();
    }
    if (const auto fault = body.find("fault"); fault != body.end()) {
      std::optional<DevFault> parsed;
      try {
        parsed = fault_from_json(*fault);
      } catch (const nlohmann::json::exception&) {
        parsed.reset();  // a field of the wrong type
      }
      if (!parsed) {
        send(req, res, error_reply(400, "bad_request", "unknown fault kind or bad field"));
        return;
      }
      ctx.faults.add(std::move(*parsed));
    }
    send(req, res,
         Reply{200,
               nlohmann::json{{"error_rate", ctx.error_rate.load()},
                              {"latency_ms", ctx.latency_ms.load()}}
                   .dump(),
               {}});
  });
}

}  // namespace

void install_routes(httplib::Server& server, RouteContext& ctx) {
  DevStore& store = *ctx.store;
  server.Get("/healthz",
             [](const Request&, Response& res) { res.set_content("ok", "text/plain"); });
  server.Get("/api/v1/vacancies/snapshot", api(ctx, [&store](const Request& req) {
               return with_limit(req, [&](std::size_t limit) {
                 return store.snapshot(req.get_param_value("cursor"), limit);
               });
             }));
  server.Get("/api/v1/vacancies/changes", api(ctx, [&store](const Request& req) {
               if (!req.has_param("since")) {
                 return error_reply(400, "bad_request", "since=<sync_token> is required");
               }
               return with_limit(req, [&](std::size_t limit) {
                 return store.changes(req.get_param_value("since"), limit);
               });
             }));
  server.Get(R"(/api/v1/vacancies/([^/]+)/slots)",
             api(ctx, [&store](const Request& req) { return store.slots(req.matches[1]); }));
  server.Post("/api/v1/bookings", api(ctx, [&store](const Request& req) {
                return store.book(req.get_header_value("Idempotency-Key"), req.body);
              }));
  server.Post("/api/v1/interests", api(ctx, [&store](const Request& req) {
                return store.register_interest(req.get_header_value("Idempotency-Key"), req.body);
              }));
  server.Get("/api/v1/sessions", api(ctx, [&store](const Request& req) {
               return store.sessions(req.get_header_value("If-None-Match"));
             }));
  server.Get("/api/v1/taxonomy/occupations", api(ctx, [&store](const Request& req) {
               return store.occupations(req.get_header_value("If-None-Match"));
             }));
  // Central kiosk profiles (DESIGN §3.3): TOML, signed, conditional.
  server.Get(R"(/api/v1/kiosks/([^/]+)/profile)", api(ctx, [&ctx](const Request& req) {
               return ctx.profiles->reply(req.matches[1], req.get_header_value("If-None-Match"));
             }));
  install_dev_routes(server, ctx);
  install_log_routes(server, ctx);  // POST /v1/logs (OTLP) and its inspection, dev_logs.hpp

  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const Request& req, Response& res) {
        if (!res.body.empty()) {
          return httplib::Server::HandlerResponse::Unhandled;  // a handler already wrote JSON
        }
        send(req, res,
             res.status == 404   ? error_reply(404, "not_found", "no such endpoint")
             : res.status == 413 ? error_reply(413, "payload_too_large", "body too large")
                                 : error_reply(res.status, "bad_request", "malformed request"));
        return httplib::Server::HandlerResponse::Handled;
      }));
  server.set_exception_handler([&ctx](const Request& req, Response& res, std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    ctx.log->error("{} {} failed: {}", req.method, req.path, what);
    send(req, res, error_reply(500, "internal", "internal error"));
  });
  server.set_logger([&ctx](const Request& req, const Response& res) {
    ctx.log->info("{} {} -> {}", req.method, req.path, res.status);
  });
}

}  // namespace kiosk::dev
