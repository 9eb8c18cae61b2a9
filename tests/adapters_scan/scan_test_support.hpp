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

#include "ports/code_source.hpp"

namespace kiosk::scan::test {

/// A fresh folder under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-scan-XXXXXX").string();
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
  /// True once a status other than `starting` arrived within `timeout`.
  bool wait_status(std::chrono::milliseconds timeout = std::chrono::seconds(3)) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return !m_statuses.empty(); });
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
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::vector<ScanEvent> m_scans;
  std::vector<SourceStatus> m_statuses;
};

}  // namespace kiosk::scan::test
