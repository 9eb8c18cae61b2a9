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

#include "../support/source_test_support.hpp"
#include "ports/code_source.hpp"

namespace kiosk::serial::test {

using TempDir = test_support::TempDir;

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

using Collector = test_support::Collector;

}  // namespace kiosk::serial::test
