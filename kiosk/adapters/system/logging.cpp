#include "adapters/system/logging.hpp"

#include <filesystem>
#include <vector>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace kiosk {

tl::expected<void, std::string> setup_logging(const LoggingOptions& options) {
  std::vector<spdlog::sink_ptr> sinks;
  sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  std::string problem;
  if (!options.directory.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options.directory, ec);
    try {
      sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
          (std::filesystem::path(options.directory) / "kiosk.log").string(),
          options.max_file_bytes, options.max_files));
    } catch (const spdlog::spdlog_ex& e) {
      problem = std::string("log directory unusable: ") + e.what();
    }
  }
  auto logger = std::make_shared<spdlog::logger>("kiosk", sinks.begin(), sinks.end());
  logger->set_level(spdlog::level::from_str(options.level));
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %^%l%$ [%n] %v");
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  spdlog::flush_every(std::chrono::seconds(2));
  if (!problem.empty()) {
    spdlog::warn("{}", problem);
    return tl::unexpected(problem);
  }
  return {};
}

}  // namespace kiosk
