#include "adapters/system/logging.hpp"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/systemd_sink.h>
#include <spdlog/spdlog.h>

#include "core/log.hpp"

namespace kiosk {
namespace {

constexpr const char* k_pattern = "%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ [%n] %v";
constexpr const char* k_ring_pattern = "%H:%M:%S %l [%n] %v";

std::mutex g_ring_mutex;
std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> g_ring;

}  // namespace

bool running_under_systemd() {
  const char* stream = std::getenv("JOURNAL_STREAM");
  const char* invocation = std::getenv("INVOCATION_ID");
  return (stream != nullptr && *stream != '\0') || (invocation != nullptr && *invocation != '\0');
}

tl::expected<void, std::string> setup_logging(const LoggingOptions& options) {
  std::vector<spdlog::sink_ptr> sinks;
  if (options.journald.value_or(running_under_systemd())) {
    // The journal has its own time stamp, level and identifier: the logger's
    // name and the text, without a line end.
    auto journal = std::make_shared<spdlog::sinks::systemd_sink_mt>("kiosk", true);
    journal->set_formatter(std::make_unique<spdlog::pattern_formatter>(
        "[%n] %v", spdlog::pattern_time_type::local, std::string()));
    sinks.push_back(journal);
  } else {
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_pattern(k_pattern);
    sinks.push_back(console);
  }
  std::string problem;
  if (!options.directory.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options.directory, ec);
    try {
      auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
          (std::filesystem::path(options.directory) / "kiosk.log").string(), options.max_file_bytes,
          options.max_files);
      file->set_pattern(k_pattern);
      sinks.push_back(file);
    } catch (const spdlog::spdlog_ex& e) {
      problem = std::string("log directory unusable: ") + e.what();
    }
  }
  auto ring = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(
      std::max<std::size_t>(options.ring_lines, 1));
  ring->set_pattern(k_ring_pattern);
  sinks.push_back(ring);
  {
    std::lock_guard lock(g_ring_mutex);
    g_ring = ring;
  }

  const auto root = log_root_sink();
  root->set_children(std::move(sinks));
  const auto level = spdlog::level::from_str(options.level);
  auto logger = std::make_shared<spdlog::logger>("kiosk", root);
  logger->set_level(level);
  logger->flush_on(spdlog::level::warn);
  // Loggers cloned before this call would keep the old sinks.
  spdlog::apply_all([&](const std::shared_ptr<spdlog::logger>& existing) {
    existing->sinks().assign(1, root);
    existing->set_level(level);
    existing->flush_on(spdlog::level::warn);
  });
  spdlog::set_default_logger(logger);
  spdlog::flush_every(std::chrono::seconds(2));
  if (!problem.empty()) {
    spdlog::warn("{}", problem);
    return tl::unexpected(problem);
  }
  return {};
}

std::vector<std::string> recent_log_lines(std::size_t n) {
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> ring;
  {
    std::lock_guard lock(g_ring_mutex);
    ring = g_ring;
  }
  if (!ring || n == 0) {
    return {};
  }
  std::vector<std::string> lines = ring->last_formatted(n);
  for (auto& line : lines) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) {
      line.pop_back();
    }
  }
  return lines;
}

}  // namespace kiosk
