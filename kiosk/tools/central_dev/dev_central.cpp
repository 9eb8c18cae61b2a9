// DevCentral: option checks, data generation and the server's lifecycle.

#include "tools/central_dev/dev_central.hpp"

#include <pthread.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <random>
#include <thread>

#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "tools/central_dev/dev_profiles.hpp"
#include "tools/central_dev/dev_random.hpp"
#include "tools/central_dev/dev_routes.hpp"
#include "tools/central_dev/dev_store.hpp"

#ifndef KIOSK_CENTRAL_DEV_DATA_DIR
#error "KIOSK_CENTRAL_DEV_DATA_DIR must be defined by the build"
#endif

namespace kiosk::dev {
namespace {

constexpr std::size_t k_worker_threads = 32;  // kiosks keep connections alive
constexpr std::size_t k_max_body = 1 << 20;

std::shared_ptr<spdlog::logger> central_logger() {
  if (auto existing = spdlog::get("central-dev")) {
    return existing;
  }
  try {
    return spdlog::stdout_color_mt("central-dev");
  } catch (const spdlog::spdlog_ex&) {
    return spdlog::get("central-dev");  // another thread registered it first
  }
}

// A random epoch per instance, so cursors and sync tokens of an earlier run
// (whose bookings are gone) are refused rather than silently misread.
std::uint64_t random_epoch() {
  std::random_device device;
  return (static_cast<std::uint64_t>(device()) << 32) | device();
}

tl::expected<std::int64_t, std::string> check_options(const DevCentralOptions& o) {
  if (!(o.error_rate >= 0.0 && o.error_rate <= 1.0)) {
    return tl::unexpected(std::string("error rate must be between 0 and 1"));
  }
  if (o.latency.count() < 0) {
    return tl::unexpected(std::string("latency must not be negative"));
  }
  if (o.cert_file.empty() != o.key_file.empty()) {
    return tl::unexpected(std::string("HTTPS needs both a certificate and a key file"));
  }
  if (!o.client_ca_file.empty() && o.cert_file.empty()) {
    return tl::unexpected(std::string("client certificates need HTTPS (certificate and key)"));
  }
  if (o.token.empty()) {
    return tl::unexpected(std::string("the bearer token must not be empty"));
  }
  if (o.today.empty()) {
    return today_in_vietnam();
  }
  const auto day = parse_day(o.today);
  if (!day) {
    return tl::unexpected(fmt::format("today must be a YYYY-MM-DD date, not \"{}\"", o.today));
  }
  return *day;
}

}  // namespace

std::string default_data_dir() {
  return KIOSK_CENTRAL_DEV_DATA_DIR;
}

struct DevCentral::Impl {
  DevCentralOptions options;
  std::string setup_error;
  std::unique_ptr<DevStore> store;
  DevProfiles profiles;
  RouteContext context;
  std::unique_ptr<httplib::Server> server;
  std::thread thread;
  std::string host;
  std::atomic<int> port{0};
  int listen_fd = -1;
};

DevCentral::DevCentral(DevCentralOptions options) : m_impl(std::make_unique<Impl>()) {
  Impl& d = *m_impl;
  d.options = std::move(options);
  if (d.options.data_dir.empty()) {
    d.options.data_dir = default_data_dir();
  }
  d.context.log = central_logger();
  d.context.profiles = &d.profiles;
  for (auto& profile : d.options.kiosk_profiles) {
    d.profiles.set(profile.kiosk_id, std::move(profile.body), std::move(profile.signature_b64));
  }
  const auto today = check_options(d.options);
  if (!today) {
    d.setup_error = today.error();
    return;
  }
  const auto started = std::chrono::steady_clock::now();
  auto data = generate_dev_data({d.options.vacancies, d.options.seed, *today, d.options.data_dir});
  if (!data) {
    d.setup_error = data.error();
    return;
  }
  d.store = std::make_unique<DevStore>(std::move(*data), random_epoch());
  d.context.store = d.store.get();
  d.context.token = d.options.token;
  d.context.seed = mix_seed(d.options.seed, 0xe7707ULL);
  d.context.error_rate = d.options.error_rate;
  d.context.latency_ms = d.options.latency.count();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  d.context.log->info("generated {} vacancies for {} (seed {}) in {} ms", d.options.vacancies,
                      format_day(*today), d.options.seed, ms.count());
}

DevCentral::~DevCentral() {
  stop();
}

tl::expected<int, std::string> DevCentral::start(const std::string& host, int port) {
  Impl& d = *m_impl;
  if (!d.store) {
    return tl::unexpected(d.setup_error);
  }
  if (d.server) {
    return tl::unexpected(std::string("already running"));
  }
  const bool tls = !d.options.cert_file.empty();
  std::unique_ptr<httplib::Server> server;
  if (tls) {
    server = std::make_unique<httplib::SSLServer>(
        d.options.cert_file.c_str(), d.options.key_file.c_str(),
        d.options.client_ca_file.empty() ? nullptr : d.options.client_ca_file.c_str());
  } else {
    server = std::make_unique<httplib::Server>();
  }
  if (!server->is_valid()) {
    return tl::unexpected(fmt::format("cannot load the TLS certificate {}, key {} or client CA {}",
                                      d.options.cert_file, d.options.key_file,
                                      d.options.client_ca_file));
  }
  server->new_task_queue = [] { return new httplib::ThreadPool(k_worker_threads); };
  server->set_payload_max_length(k_max_body);
  install_routes(*server, d.context);
  // cpp-httplib's defaults are SO_REUSEPORT (a second server on the same port
  // would silently share it) and a listen backlog of 5 (a burst of kiosks
  // connecting at once waits for a 1 s SYN retransmit): use SO_REUSEADDR and
  // re-listen with the system's maximum backlog instead.
  d.listen_fd = -1;
  server->set_socket_options([&d](int sock) {
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    d.listen_fd = sock;
  });
  const int bound =
      port == 0 ? server->bind_to_any_port(host) : (server->bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    return tl::unexpected(fmt::format("cannot listen on {}:{}", host, port));
  }
  if (d.listen_fd >= 0) {
    ::listen(d.listen_fd, SOMAXCONN);
  }
  httplib::Server* raw = server.get();
  d.context.stopping = false;
  d.thread = std::thread([raw] { raw->listen_after_bind(); });
  pthread_setname_np(d.thread.native_handle(), "central-dev");
  // stop() only works once the accept loop runs, so wait for it.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!raw->is_running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  d.server = std::move(server);
  d.host = host;
  d.port = bound;
  d.context.log->info("serving {} on {}", tls ? "HTTPS" : "HTTP", base_url());
  return bound;
}

void DevCentral::stop() {
  Impl& d = *m_impl;
  if (!d.server) {
    return;
  }
  d.context.stopping = true;  // injected hangs end now
  d.server->stop();
  if (d.thread.joinable()) {
    d.thread.join();
  }
  d.server.reset();
  d.port = 0;
  d.context.log->info("stopped");
}

bool DevCentral::running() const {
  return m_impl->port.load() != 0;
}

int DevCentral::port() const {
  return m_impl->port.load();
}

std::string DevCentral::base_url() const {
  const Impl& d = *m_impl;
  const bool tls = !d.options.cert_file.empty();
  const bool v6 = d.host.find(':') != std::string::npos;
  return fmt::format("{}://{}{}{}:{}", tls ? "https" : "http", v6 ? "[" : "", d.host, v6 ? "]" : "",
                     d.port.load());
}

std::size_t DevCentral::booking_count() const {
  return m_impl->store ? m_impl->store->booking_count() : 0;
}

std::size_t DevCentral::interest_count() const {
  return m_impl->store ? m_impl->store->interest_count() : 0;
}

std::size_t DevCentral::vacancy_count() const {
  return m_impl->store ? m_impl->store->vacancy_count() : 0;
}

std::string DevCentral::today() const {
  return m_impl->store ? format_day(m_impl->store->today()) : std::string();
}

std::string DevCentral::general_session_id() const {
  return m_impl->store ? m_impl->store->general_session_id() : std::string();
}

std::optional<DevSlotRef> DevCentral::find_slot_with_remaining(int remaining) const {
  if (!m_impl->store) {
    return std::nullopt;
  }
  auto found = m_impl->store->find_slot_with_remaining(remaining);
  if (!found) {
    return std::nullopt;
  }
  return DevSlotRef{std::move(found->first), std::move(found->second)};
}

bool DevCentral::remove_vacancy(const std::string& vacancy_id) {
  return m_impl->store && m_impl->store->remove_vacancy(vacancy_id);
}

bool DevCentral::touch_vacancy(const std::string& vacancy_id) {
  return m_impl->store && m_impl->store->touch_vacancy(vacancy_id);
}

void DevCentral::set_error_rate(double rate) {
  m_impl->context.error_rate = std::clamp(rate, 0.0, 1.0);
}

void DevCentral::set_latency(std::chrono::milliseconds latency) {
  m_impl->context.latency_ms = std::max<std::int64_t>(0, latency.count());
}

void DevCentral::add_fault(DevFault fault) {
  m_impl->context.faults.add(std::move(fault));
}

void DevCentral::clear_faults() {
  m_impl->context.faults.clear();
}

void DevCentral::set_kiosk_profile(const std::string& kiosk_id, std::string body,
                                   std::string signature_b64) {
  m_impl->profiles.set(kiosk_id, std::move(body), std::move(signature_b64));
}

bool DevCentral::clear_kiosk_profile(const std::string& kiosk_id) {
  return m_impl->profiles.clear(kiosk_id);
}

std::vector<DevRequestRecord> DevCentral::requests() const {
  return m_impl->context.journal.entries();
}

void DevCentral::clear_requests() {
  m_impl->context.journal.clear();
}

}  // namespace kiosk::dev
