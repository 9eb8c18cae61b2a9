#pragma once
// Helpers for the serial source tests: a temporary folder, a pseudo-terminal
// standing in for the scanner, and a thread-safe collector of what the
// source's handlers receive.

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "ports/code_source.hpp"

namespace kiosk::serial::test {

/// A fresh folder under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-serial-XXXXXX").string();
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

/// A pseudo-terminal: the source opens the slave as it would /dev/ttyACM0,
/// the test writes the scanner's bytes into the master. Closing the master
/// is unplugging the scanner (the slave's reads then fail with EIO).
class Pty {
 public:
  Pty() : m_master(::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)) {
    if (m_master >= 0 && ::grantpt(m_master) == 0 && ::unlockpt(m_master) == 0) {
      std::array<char, 128> name{};
      if (::ptsname_r(m_master, name.data(), name.size()) == 0) {
        m_slave = name.data();
      }
    }
  }
  ~Pty() { close(); }
  Pty(const Pty&) = delete;
  Pty& operator=(const Pty&) = delete;

  bool ok() const { return m_master >= 0 && !m_slave.empty(); }
  const std::string& slave_path() const { return m_slave; }
  void write(const std::string& bytes) const {
    ASSERT_EQ(::write(m_master, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  }
  void close() {
    if (m_master >= 0) {
      ::close(m_master);
      m_master = -1;
    }
  }

 private:
  int m_master;
  std::string m_slave;
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

}  // namespace kiosk::serial::test
