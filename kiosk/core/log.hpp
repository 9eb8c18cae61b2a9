#pragma once
// Named loggers, one per subsystem (scan, api, store, print, ui, ops, flow).

#include <memory>
#include <string>

#include <spdlog/spdlog.h>

namespace kiosk {

/// The logger called `name`, created from the default logger's sinks the
/// first time. Safe from any thread.
std::shared_ptr<spdlog::logger> logger(const std::string& name);

}  // namespace kiosk
