#pragma once
// Helpers for the evdev tests: typing text as a US keyboard-wedge scanner
// sends it (with its EV_MSC and EV_SYN noise), a temporary folder, and a
// thread-safe collector that keeps statuses and scans in arrival order.

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <linux/input-event-codes.h>

#include "adapters/evdev/key_translator.hpp"
#include "../support/source_test_support.hpp"
#include "ports/code_source.hpp"

namespace kiosk::evdev::test {

/// The key and shift state a US keyboard needs for `c` (code 0: none).
struct UsKey {
  std::uint16_t code = 0;
  bool shift = false;
};

inline UsKey us_key(char c) {
  static const std::vector<std::pair<std::string_view, std::uint16_t>> k_rows{
      {"1234567890-=", KEY_1},
      {"qwertyuiop[]", KEY_Q},
      {"asdfghjkl;'`", KEY_A},
      {"\\zxcvbnm,./", KEY_BACKSLASH}};
  static const std::vector<std::pair<std::string_view, std::uint16_t>> k_shifted_rows{
      {"!@#$%^&*()_+", KEY_1},
      {"QWERTYUIOP{}", KEY_Q},
      {"ASDFGHJKL:\"~", KEY_A},
      {"|ZXCVBNM<>?", KEY_BACKSLASH}};
  if (c == ' ') {
    return {KEY_SPACE, false};
  }
  for (const auto& [row, first] : k_rows) {
    if (const auto at = row.find(c); at != std::string_view::npos) {
      return {static_cast<std::uint16_t>(first + at), false};
    }
  }
  for (const auto& [row, first] : k_shifted_rows) {
    if (const auto at = row.find(c); at != std::string_view::npos) {
      return {static_cast<std::uint16_t>(first + at), true};
    }
  }
  return {};
}

/// One key stroke as a USB HID keyboard reports it: MSC_SCAN, the key
/// event, SYN_REPORT, for the press and for the release.
inline void stroke(std::vector<KeyEvent>& out, std::uint16_t code) {
  out.push_back({EV_MSC, MSC_SCAN, 0x70000 + code});
  out.push_back({EV_KEY, code, 1});
  out.push_back({EV_SYN, SYN_REPORT, 0});
  out.push_back({EV_MSC, MSC_SCAN, 0x70000 + code});
  out.push_back({EV_KEY, code, 0});
  out.push_back({EV_SYN, SYN_REPORT, 0});
}

/// Events a scanner sends typing ASCII `text` (no Enter); '\n' is Enter.
inline std::vector<KeyEvent> type_text(std::string_view text) {
  std::vector<KeyEvent> out;
  for (const char c : text) {
    if (c == '\n') {
      stroke(out, KEY_ENTER);
      continue;
    }
    const UsKey key = us_key(c);
    if (key.shift) {
      out.push_back({EV_KEY, KEY_LEFTSHIFT, 1});
      out.push_back({EV_SYN, SYN_REPORT, 0});
    }
    stroke(out, key.code);
    if (key.shift) {
      out.push_back({EV_KEY, KEY_LEFTSHIFT, 0});
      out.push_back({EV_SYN, SYN_REPORT, 0});
    }
  }
  return out;
}

using TempDir = test_support::TempDir;

/// Records what a source's handlers receive, in order, from its thread;
/// waits from the test's. The timeline reads "status ready: connected",
/// "scan: ABC".
class Collector {
 public:
  CodeSource::ScanHandler scan_handler() {
    return [this](ScanEvent event) {
      const std::lock_guard lock(m_mutex);
      m_timeline.push_back("scan: " + event.bytes);
      m_scans.push_back(std::move(event));
      m_changed.notify_all();
    };
  }
  CodeSource::StatusHandler status_handler() {
    return [this](SourceStatus status) {
      const std::lock_guard lock(m_mutex);
      m_timeline.push_back(std::string("status ") + state_name(status.state) + ": " +
                           status.detail);
      m_statuses.push_back(std::move(status));
      m_changed.notify_all();
    };
  }
  bool wait_scans(std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(3)) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return m_scans.size() >= count; });
  }
  /// True once `count` statuses with `state` arrived within `timeout`.
  bool wait_state(SourceState state, std::size_t count = 1,
                  std::chrono::milliseconds timeout = std::chrono::seconds(3)) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] {
      std::size_t n = 0;
      for (const auto& status : m_statuses) {
        n += status.state == state ? 1 : 0;
      }
      return n >= count;
    });
  }
  std::vector<ScanEvent> scans() {
    const std::lock_guard lock(m_mutex);
    return m_scans;
  }
  std::vector<SourceStatus> statuses() {
    const std::lock_guard lock(m_mutex);
    return m_statuses;
  }
  std::vector<std::string> timeline() {
    const std::lock_guard lock(m_mutex);
    return m_timeline;
  }

  static const char* state_name(SourceState state) {
    switch (state) {
      case SourceState::starting:
        return "starting";
      case SourceState::ready:
        return "ready";
      case SourceState::missing:
        return "missing";
      case SourceState::failed:
        return "failed";
    }
    return "?";
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::vector<ScanEvent> m_scans;
  std::vector<SourceStatus> m_statuses;
  std::vector<std::string> m_timeline;
};

}  // namespace kiosk::evdev::test
