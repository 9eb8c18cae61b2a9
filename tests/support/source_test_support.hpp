#pragma once
// Shared by the code-source tests (fifo, images, serial, evdev): a temporary
// folder, and a thread-safe collector of what a source's handlers receive.

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "ports/code_source.hpp"

namespace kiosk::test_support {

/// A fresh folder under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-test-XXXXXX").string();
    m_path = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

/// Records scans and statuses from the source's thread; waits from the test's.
class Collector {
 public:
  CodeSource::ScanHandler scan_handler() {
    return [this](ScanEvent event) {
      const std::lock_guard lock(m_mutex);
      m_scans.push_back(std::move(event));
      m_changed.notify_all();
    };
  }
  CodeSource::StatusHandler status_handler() {
    return [this](SourceStatus status) {
      const std::lock_guard lock(m_mutex);
      m_statuses.push_back(std::move(status));
      m_changed.notify_all();
    };
  }
  /// True once at least `count` scans arrived within `timeout`.
  bool wait_scans(std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(3)) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return m_scans.size() >= count; });
  }
  /// True once `count` statuses with `state` arrived within `timeout`.
  bool wait_state(SourceState state, std::size_t count = 1,
                  std::chrono::milliseconds timeout = std::chrono::seconds(3)) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return count_locked(state) >= count; });
  }
  /// True once any status arrived within `timeout`.
  bool wait_status(std::chrono::milliseconds timeout = std::chrono::seconds(3)) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return !m_statuses.empty(); });
  }
  std::size_t count(SourceState state) {
    const std::lock_guard lock(m_mutex);
    return count_locked(state);
  }
  std::vector<std::string> payloads() {
    const std::lock_guard lock(m_mutex);
    std::vector<std::string> out;
    for (const auto& scan : m_scans) {
      out.push_back(scan.bytes);
    }
    return out;
  }
  std::vector<ScanEvent> scans() {
    const std::lock_guard lock(m_mutex);
    return m_scans;
  }
  std::vector<SourceStatus> statuses() {
    const std::lock_guard lock(m_mutex);
    return m_statuses;
  }

 private:
  std::size_t count_locked(SourceState state) const {
    std::size_t n = 0;
    for (const auto& status : m_statuses) {
      n += status.state == state ? 1 : 0;
    }
    return n;
  }

  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::vector<ScanEvent> m_scans;
  std::vector<SourceStatus> m_statuses;
};

}  // namespace kiosk::test_support
