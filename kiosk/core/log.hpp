#pragma once
// Named loggers, one per subsystem (scan, api, store, print, ui, ops, flow),
// all writing to one root sink that masks personal data and secrets
// (core/redact.hpp) before any output sink sees a record. The output sinks
// (console or journald, rotating file, ring buffer, OTLP spool) are children
// of the root: adapters/system/logging.hpp installs them, and others (the log
// shipper) add theirs with add_log_sink().

#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include <spdlog/sinks/sink.h>
#include <spdlog/spdlog.h>

namespace kiosk {

/// The root sink: redacts each record's text with Redactor::global() and
/// passes the masked record to every child. Thread-safe; children must be
/// thread-safe (`_mt`) sinks. Its own pattern and formatter are unused: each
/// child keeps its own.
class RedactingSink final : public spdlog::sinks::sink {
 public:
  void log(const spdlog::details::log_msg& msg) override;
  void flush() override;
  void set_pattern(const std::string& pattern) override;
  void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override;

  void add(spdlog::sink_ptr child);
  void remove(const spdlog::sink_ptr& child);
  /// Replaces every child (setup_logging, tests).
  void set_children(std::vector<spdlog::sink_ptr> children);
  std::vector<spdlog::sink_ptr> children() const;

 private:
  mutable std::shared_mutex m_mutex;
  std::vector<spdlog::sink_ptr> m_children;
};

/// The process's root sink; created on first use, never null, lives until exit.
std::shared_ptr<RedactingSink> log_root_sink();

/// Adds an output sink behind the redaction layer; it receives records from
/// every logger, including those created earlier. Any thread.
void add_log_sink(spdlog::sink_ptr sink);
/// Removes a sink added with add_log_sink(). Any thread.
void remove_log_sink(const spdlog::sink_ptr& sink);

/// The logger called `name`, created from the default logger's sinks the
/// first time. Safe from any thread.
std::shared_ptr<spdlog::logger> logger(const std::string& name);

}  // namespace kiosk
