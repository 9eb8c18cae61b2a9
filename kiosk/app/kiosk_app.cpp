#include "app/kiosk_app.hpp"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>

#include "adapters/factory/profile_file.hpp"
#include "adapters/logship/log_shipping.hpp"
#include "adapters/system/logging.hpp"
#include "app/runtime.hpp"
#include "core/log.hpp"

namespace kiosk {
namespace {

std::atomic<bool> g_stop_requested{false};  // set by SIGTERM/SIGINT only
std::atomic<bool> g_report_requested{false};  // set by SIGUSR1 only
std::atomic<bool> g_hang_requested{false};    // set by SIGUSR2 with KIOSK_TEST_HOOKS=1 only

void on_signal(int) { g_stop_requested = true; }
void on_report_signal(int) {
  g_report_requested = true;
}
void on_hang_signal(int) {
  g_hang_requested = true;
}

struct Options {
  std::string profile_path = "/etc/kiosk/kiosk.toml";
  bool windowed = false;
};

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--profile" && i + 1 < argc) {
      o.profile_path = argv[++i];
    } else if (a == "--windowed") {
      o.windowed = true;
    }
  }
  return o;
}

}  // namespace

int run_kiosk(int argc, char** argv) {
  const Options options = parse_args(argc, argv);
  // The local file alone first, for the logging settings: a bad file is
  // reported before anything else starts.
  auto local = load_profile_file(options.profile_path);
  if (!local) {
    std::cerr << "kiosk: bad profile: " << local.error().to_string() << "\n";
    return 2;
  }
  (void)setup_logging(LoggingOptions{local->logging.level, local->logging.directory});
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  std::signal(SIGUSR1, on_report_signal);
  // Test hook: SIGUSR2 makes the UI thread hang, so a test can see the
  // watchdog pings stop. Off unless the environment asks for it.
  const char* hooks = std::getenv("KIOSK_TEST_HOOKS");
  const bool test_hooks = hooks != nullptr && std::string(hooks) == "1";
  if (test_hooks) {
    std::signal(SIGUSR2, on_hang_signal);
  }
  // Every record from here on also goes to the durable spool and on to the
  // collector ([logging] otlp_endpoint); the heartbeat reports what the
  // running kiosk last published.
  struct Board {
    std::mutex mutex;
    HeartbeatStatus status;
  };
  auto board = std::make_shared<Board>();
  board->status.version = KIOSK_VERSION_STRING;
  const auto started = std::chrono::steady_clock::now();
  auto shipping = start_log_shipping(
      *local,
      [board, started] {
        std::lock_guard lock(board->mutex);
        HeartbeatStatus s = board->status;
        s.uptime = std::chrono::duration_cast<std::chrono::seconds>(
            std::chrono::steady_clock::now() - started);
        return s;
      },
      LogShippingOptions{.version = KIOSK_VERSION_STRING});
  if (!shipping) {
    logger("ops")->error("log shipping off: {}", shipping.error());
  }
  int code = 0;
  {
    auto parts = build_runtime_parts(options.profile_path, options.windowed);
    if (!parts) {
      logger("ops")->critical("{}", parts.error());
      return 2;
    }
    Runtime runtime(std::move(*parts));
    runtime.set_heartbeat([board](HeartbeatStatus s) {
      std::lock_guard lock(board->mutex);
      s.version = KIOSK_VERSION_STRING;
      board->status = std::move(s);
    });
    code = runtime.run(RunSignals{&g_stop_requested, &g_report_requested,
                                  test_hooks ? &g_hang_requested : nullptr});
  }
  if (shipping) {
    shipping->reset();  // ships what it can for a few seconds; the rest stays spooled
  }
  if (code == k_exit_restart && std::getenv("NOTIFY_SOCKET") != nullptr) {
    // Under systemd: exit and let Restart=always start a new process (after
    // STOPPING=1 systemd would not take a READY=1 from an exec'd image).
    logger("ops")->info("restart: leaving it to systemd");
    return 0;
  }
  if (code == k_exit_restart) {
    // Staff asked for a restart: the same program afresh, every thread and
    // device closed above.
    spdlog::shutdown();
    ::execv("/proc/self/exe", argv);
    std::cerr << "kiosk: restart failed; exiting\n";
    return 1;
  }
  return code;
}

}  // namespace kiosk
