#pragma once
// spdlog set-up. Every logger writes to one root sink that masks personal
// data and secrets (core/redact.hpp, core/log.hpp); behind it sit:
// - journald (spdlog's systemd sink) when running under systemd
//   (JOURNAL_STREAM or INVOCATION_ID set), otherwise the console (stderr);
// - a rotating file `kiosk.log` in `directory`, when set;
// - an in-memory ring buffer of the last `ring_lines` records, for the staff
//   screen (recent_log_lines());
// - whatever add_log_sink() adds later (the OTLP spool of adapters/logship).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace kiosk {

struct LoggingOptions {
  std::string level = "info";  // trace, debug, info, warn, error
  std::string directory{};     // empty: no file
  std::size_t max_file_bytes = 5u * 1024u * 1024u;
  std::size_t max_files = 5;
  std::size_t ring_lines = 500;  // records kept for recent_log_lines()
  /// journald instead of the console; nullopt = detect systemd from the
  /// environment (JOURNAL_STREAM or INVOCATION_ID).
  std::optional<bool> journald = std::nullopt;
};

/// Installs the default logger (and re-points loggers made earlier). Call at
/// start-up, before threads log; calling again replaces the sinks. Returns an
/// error text when the directory cannot be used (the other sinks are
/// installed anyway).
tl::expected<void, std::string> setup_logging(const LoggingOptions& options);

/// True when the environment says systemd started this process.
bool running_under_systemd();

/// The last `n` records (all kept when n is larger), oldest first, formatted
/// "HH:MM:SS level [logger] text" with personal data already masked. Empty
/// when logging is not set up. Any thread.
std::vector<std::string> recent_log_lines(std::size_t n);

}  // namespace kiosk
