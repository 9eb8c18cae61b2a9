#pragma once
// Helpers for the code-source tests: a temporary folder and a thread-safe
// collector of what a source's handlers receive.

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "../support/source_test_support.hpp"
#include "ports/code_source.hpp"

namespace kiosk::scan::test {

using TempDir = test_support::TempDir;

using Collector = test_support::Collector;

}  // namespace kiosk::scan::test
