#include "core/log.hpp"

namespace kiosk {

std::shared_ptr<spdlog::logger> logger(const std::string& name) {
  if (auto existing = spdlog::get(name)) {
    return existing;
  }
  auto created = spdlog::default_logger()->clone(name);
  try {
    spdlog::register_logger(created);
  } catch (const spdlog::spdlog_ex&) {
    // Another thread registered it first; use that one.
    if (auto existing = spdlog::get(name)) {
      return existing;
    }
  }
  return created;
}

}  // namespace kiosk
