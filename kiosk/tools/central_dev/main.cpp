// kiosk-central-dev: parses flags, runs DevCentral until SIGINT or SIGTERM.

#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <string_view>
#include <vector>

#include <spdlog/spdlog.h>

#include "tools/central_dev/dev_central.hpp"
#include "tools/central_dev/dev_cli.hpp"

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  const auto parsed = kiosk::dev::parse_dev_cli(args);
  if (!parsed) {
    std::fprintf(stderr, "kiosk-central-dev: %s\n", parsed.error().c_str());
    return 2;
  }
  if (parsed->help) {
    std::fputs(kiosk::dev::dev_cli_usage().c_str(), stdout);
    return 0;
  }
  // Block the stop signals before any thread starts, so every thread inherits
  // the mask and only sigwait() below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  kiosk::dev::DevCentral central(parsed->options);
  const auto port = central.start(parsed->host, parsed->port);
  if (!port) {
    spdlog::error("kiosk-central-dev: {}", port.error());
    return 1;
  }
  // Only the well-known default token is echoed; a custom one is a secret.
  const bool default_token = parsed->options.token == kiosk::dev::DevCentralOptions{}.token;
  spdlog::info("kiosk-central-dev ready at {} (token {}, general session {})", central.base_url(),
               default_token ? "\"dev-token\"" : "given by --token", central.general_session_id());
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  spdlog::info("received signal {}, shutting down", signal_number);
  central.stop();
  return 0;
}
