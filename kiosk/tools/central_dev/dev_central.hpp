#pragma once
// The development central API server (DESIGN §3.2): realistic, deterministic
// Hanoi vacancies served over HTTP or HTTPS on a background thread, for
// running the kiosk and for loopback tests of the API client.
//
//   kiosk::dev::DevCentral central({.vacancies = 600, .seed = 42});
//   auto port = central.start();          // 127.0.0.1, ephemeral port
//   ... talk to central.base_url() with "Authorization: Bearer dev-token" ...
//   central.stop();                       // also done by the destructor
//
// Fixed facts tests may rely on (any seed):
// - vac-000007, vac-000057, vac-000107, … have a first slot, tomorrow or
//   later, of capacity 1 with nobody booked;
// - vac-000013, vac-000063, … have already expired (yet are in the snapshot);
// - every vacancy is in today's general session "pgd-YYYYMMDD".

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace kiosk::dev {

/// A central kiosk profile to serve (see DevCentral::set_kiosk_profile).
struct DevKioskProfile {
  std::string kiosk_id;
  std::string body;           // TOML, served byte for byte
  std::string signature_b64;  // the X-Signature header; empty = none
};

struct DevCentralOptions {
  std::size_t vacancies = 600;      // how many to generate (50,000 is fine)
  std::uint64_t seed = 42;          // same seed + same today = same data
  std::string token = "dev-token";  // expected in "Authorization: Bearer <token>"
  std::string data_dir{};           // folder holding hanoi_wards.json; empty = default_data_dir()
  std::chrono::milliseconds latency{0};  // sleep before answering each /api/v1 request
  double error_rate = 0.0;  // 0..1: share of /api/v1 requests answered 503 (deterministic)
  std::string cert_file{};  // PEM; HTTPS when both cert_file and key_file are set
  std::string key_file{};
  std::string client_ca_file{};  // PEM; with HTTPS, require client certificates it signed
  std::string today{};           // "YYYY-MM-DD"; empty = today's date in Vietnam (UTC+7)
  std::vector<DevKioskProfile> kiosk_profiles{};  // served from the start
};

/// A slot that tests can book: ids as the API spells them.
struct DevSlotRef {
  std::string vacancy_id;
  std::string slot_id;
};

/// A scripted fault for the sync tests (see DevCentral::add_fault).
struct DevFault {
  enum class Kind {
    hang,         // wait `hang` (or until the server stops) before answering normally
    truncate,     // a 2xx body cut in half (complete HTTP, broken JSON)
    malformed,    // a 2xx body with a JSON syntax error
    wrong_shape,  // a 2xx body that is JSON but not the endpoint's shape
    bad_vacancy,  // the first vacancy of a snapshot/changes page made unreadable
    oversize,     // `oversize_bytes` of padding added to a 2xx JSON body
    status,       // answer `status` with an error body and Retry-After
  };
  Kind kind = Kind::status;
  /// Applies to requests whose path starts with this, e.g.
  /// "/api/v1/vacancies/snapshot"; empty = every /api/v1 request.
  std::string path{};
  int times = 1;  // how many requests it hits; 0 or less = until cleared
  int status = 503;
  std::string retry_after{};  // the Retry-After header for `status`; empty = none
  std::chrono::milliseconds hang{std::chrono::seconds{30}};
  std::size_t oversize_bytes = std::size_t{4} << 20;
};

/// One request the server answered (development inspection).
struct DevRequestRecord {
  std::string method;
  std::string path;
  std::string query;          // "cursor=…&limit=…", without the "?"
  std::string if_none_match;  // the header, empty when absent
  std::string accept_encoding;
  std::string content_encoding;  // of the answer ("gzip" or empty)
  int status = 0;
  std::chrono::steady_clock::time_point at{};  // when the answer was complete
};

/// The vn-admin-2025 folder of the source tree this library was built from.
std::string default_data_dir();

class DevCentral {
 public:
  /// Generates the data at once (600 vacancies take milliseconds, 50,000 well
  /// under a second). Bad options are reported by start(), not thrown.
  explicit DevCentral(DevCentralOptions options);
  /// Stops the server if it is running.
  ~DevCentral();
  DevCentral(const DevCentral&) = delete;
  DevCentral& operator=(const DevCentral&) = delete;

  /// Binds host:port (port 0 = ephemeral) and serves on a background thread;
  /// returns the bound port, or why the options, data, certificate or bind
  /// failed. Fails when already running. Call from one thread at a time.
  tl::expected<int, std::string> start(const std::string& host = "127.0.0.1", int port = 0);
  /// Stops serving and joins the thread; state (bookings…) is kept, so start()
  /// may be called again. Safe to call when not running.
  void stop();

  bool running() const;
  /// The bound port, 0 when not running.
  int port() const;
  /// "http://127.0.0.1:PORT" or "https://…" (host as given to start()).
  std::string base_url() const;

  // Inspection for tests; any thread.
  std::size_t booking_count() const;
  std::size_t interest_count() const;
  std::size_t vacancy_count() const;
  /// The server's today, "YYYY-MM-DD"; empty when the options were invalid.
  std::string today() const;
  /// "pgd-YYYYMMDD": today's general session, which every vacancy is in.
  std::string general_session_id() const;
  /// A slot of an open vacancy with exactly `remaining` places left (1 is
  /// guaranteed to exist before any booking: vac-000007's first slot has
  /// capacity 1, as do those of vac-000057, vac-000107, …).
  std::optional<DevSlotRef> find_slot_with_remaining(int remaining) const;

  // Simulated central-side edits, for sync tests; any thread.
  /// Tombstones a vacancy: it leaves the snapshot and appears in `removed`.
  bool remove_vacancy(const std::string& vacancy_id);
  /// Bumps a vacancy's version so the changes feed upserts it.
  bool touch_vacancy(const std::string& vacancy_id);
  /// Changes fault injection while running.
  void set_error_rate(double rate);
  void set_latency(std::chrono::milliseconds latency);
  /// Queues a fault; faults are matched in the order added.
  void add_fault(DevFault fault);
  void clear_faults();
  /// Serves `body` and `signature_b64` (X-Signature; none when empty) at
  /// GET /api/v1/kiosks/{kiosk_id}/profile from now on, replacing any
  /// earlier profile of that kiosk; the ETag changes with either.
  void set_kiosk_profile(const std::string& kiosk_id, std::string body, std::string signature_b64);
  /// The kiosk has no central profile again (404); false when it had none.
  bool clear_kiosk_profile(const std::string& kiosk_id);
  /// The /api/v1 requests answered so far (the last 10,000), oldest first.
  std::vector<DevRequestRecord> requests() const;
  void clear_requests();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace kiosk::dev
