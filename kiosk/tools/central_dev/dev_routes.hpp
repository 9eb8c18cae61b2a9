#pragma once
// The HTTP face of DevStore: routes, bearer-token check, injected latency and
// failures, JSON error bodies. Internal to kiosk_central_dev_lib.

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include <httplib.h>
#include <spdlog/logger.h>

#include "tools/central_dev/dev_faults.hpp"
#include "tools/central_dev/dev_store.hpp"

namespace kiosk::dev {

class DevProfiles;

/// What the handlers share; outlives the server that uses it.
struct RouteContext {
  DevStore* store = nullptr;
  DevProfiles* profiles = nullptr;  // central kiosk profiles (dev_profiles.hpp)
  std::string token;
  std::uint64_t seed = 0;  // seeds the deterministic failure sequence
  std::atomic<double> error_rate{0.0};
  std::atomic<std::int64_t> latency_ms{0};
  std::atomic<std::uint64_t> api_requests{0};
  DevFaults faults;
  DevJournal journal;
  std::atomic<bool> stopping{false};  // cuts injected hangs short
  std::shared_ptr<spdlog::logger> log;
};

/// Registers every endpoint, the error and exception handlers and the access
/// log on `server`.
void install_routes(httplib::Server& server, RouteContext& context);

}  // namespace kiosk::dev
