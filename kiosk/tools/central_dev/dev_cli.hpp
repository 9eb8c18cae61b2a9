#pragma once
// Command-line flags of kiosk-central-dev, parsed in the library so tests can
// reach them; main.cpp only handles signals.

#include <span>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "tools/central_dev/dev_central.hpp"

namespace kiosk::dev {

struct DevCliArgs {
  DevCentralOptions options;
  std::string host = "127.0.0.1";
  int port = 8080;
  bool help = false;
};

/// Parses the arguments after the program name ("--port 8080" or
/// "--port=8080"); the error names the offending flag.
tl::expected<DevCliArgs, std::string> parse_dev_cli(std::span<const std::string_view> args);

/// The --help text.
std::string dev_cli_usage();

}  // namespace kiosk::dev
