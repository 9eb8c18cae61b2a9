// The Done-when-3 driver: sets logging up as the app does (setup_logging,
// then start_log_shipping with a profile), writes N numbered records from the
// "writer" logger, and exits, shipping what it can on the way out.
//
//   kiosk_log_writer ENDPOINT SPOOL_DIR LOG_DIR KIOSK_ID TAG COUNT

#include <cstdio>
#include <cstdlib>
#include <string>

#include "adapters/logship/log_shipping.hpp"
#include "adapters/system/logging.hpp"
#include "core/log.hpp"
#include "core/profile.hpp"

int main(int argc, char** argv) {
  if (argc != 7) {
    std::fprintf(stderr, "usage: %s ENDPOINT SPOOL_DIR LOG_DIR KIOSK_ID TAG COUNT\n", argv[0]);
    return 64;
  }
  kiosk::Profile profile;
  profile.logging.otlp_endpoint = argv[1];
  profile.logging.spool_dir = argv[2];
  profile.logging.directory = argv[3];
  profile.kiosk.id = argv[4];
  const std::string tag = argv[5];
  const int count = std::atoi(argv[6]);

  (void)kiosk::setup_logging(
      kiosk::LoggingOptions{profile.logging.level, profile.logging.directory});
  auto shipping = kiosk::start_log_shipping(
      profile,
      [] { return kiosk::HeartbeatStatus{"test", std::chrono::seconds{1}, "", 0, "ok", "ok"}; },
      {.version = "test-1"});
  if (!shipping) {
    std::fprintf(stderr, "%s\n", shipping.error().c_str());
    return 1;
  }
  for (int i = 0; i < count; ++i) {
    kiosk::logger("writer")->info("record {} {}", tag, i);
  }
  (*shipping)->stop();
  return 0;
}
