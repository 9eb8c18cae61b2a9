#pragma once
// Scripted faults of the development server, for the sync tests: an answer
// that hangs, a truncated or malformed body, a page of the wrong shape, a
// broken vacancy, an oversized body, or an error status with Retry-After.
// Also a journal of the requests served, for tests to inspect.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tools/central_dev/dev_central.hpp"
#include "tools/central_dev/dev_store.hpp"

namespace kiosk::dev {

/// "hang", "truncate", … (DevFault::Kind names); nullopt when unknown.
std::optional<DevFault::Kind> parse_fault_kind(std::string_view name);

/// The faults waiting to hit requests; any thread.
class DevFaults {
 public:
  void add(DevFault fault);
  void clear();
  /// The first fault whose path is a prefix of `path`, counting one use of
  /// it (it is dropped once its `times` are used up); nullopt when none.
  std::optional<DevFault> take(std::string_view path);

 private:
  std::mutex m_mutex;
  std::vector<DevFault> m_faults;
};

/// Rewrites a successful reply's body as `fault` asks (truncate, malformed,
/// wrong_shape, bad_vacancy, oversize); other kinds leave it alone.
void apply_body_fault(const DevFault& fault, Reply& reply);

/// The requests served, oldest first, at most the last 10,000; any thread.
class DevJournal {
 public:
  void record(DevRequestRecord record);
  std::vector<DevRequestRecord> entries() const;
  void clear();

 private:
  mutable std::mutex m_mutex;
  std::deque<DevRequestRecord> m_entries;
};

}  // namespace kiosk::dev
