#pragma once
// spdlog set-up: the console (journald picks it up under systemd) and a
// rotating file. Personal data never reaches a log call in the first place;
// see core/citizen_id.hpp mask_id().

#include <string>

#include <tl/expected.hpp>

namespace kiosk {

struct LoggingOptions {
  std::string level = "info";  // trace, debug, info, warn, error
  std::string directory;       // empty: console only
  std::size_t max_file_bytes = 5u * 1024u * 1024u;
  std::size_t max_files = 5;
};

/// Installs the default logger. Call once at start-up, before any thread
/// logs. Returns an error text when the directory cannot be used (the
/// console logger is installed anyway).
tl::expected<void, std::string> setup_logging(const LoggingOptions& options);

}  // namespace kiosk
