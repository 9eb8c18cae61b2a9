#pragma once
// Small helpers shared by the benchmarks: wall-clock samples in ms, their
// percentiles, and what a person types on the on-screen keyboard.

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::bench {

using BenchClock = std::chrono::steady_clock;

/// Milliseconds from `start` to now (steady clock).
inline double ms_since(BenchClock::time_point start) {
  return std::chrono::duration<double, std::milli>(BenchClock::now() - start).count();
}

/// CPU time (user + system) of every thread of this process so far, in ms.
/// Beside wall time it shows how much of a slow run was waiting for a core
/// on a busy machine.
inline double process_cpu_ms() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto ms = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
  };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

/// The `p` (0…1) percentile of `samples`, nearest rank; 0 when empty.
inline double percentile(std::vector<double> samples, double p) {
  if (samples.empty()) {
    return 0.0;
  }
  std::sort(samples.begin(), samples.end());
  const auto rank = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1) + 0.5);
  return samples[rank];
}

/// Phrases a person types on the on-screen keyboard (letters, digits,
/// space); the last two are typed in Vietnamese, as a hardware keyboard would.
inline std::vector<std::string> typed_phrases() {
  return {"tho dien",      "ha noi",     "cong nhan may",  "nhan vien ban hang",
          "ky su dien tu", "lai xe tai", "bao ve toa nha", "giao hang long bien",
          "ke toan kho",   "phu bep",    "thợ điện",       "đống đa"};
}

/// Every prefix, one code point longer each time, of each typed phrase:
/// what the search field holds after each keystroke.
inline std::vector<std::string> keystrokes() {
  std::vector<std::string> out;
  for (const std::string& phrase : typed_phrases()) {
    for (std::size_t i = 1; i <= phrase.size(); ++i) {
      if (i == phrase.size() || (static_cast<unsigned char>(phrase[i]) & 0xC0U) != 0x80U) {
        out.push_back(phrase.substr(0, i));
      }
    }
  }
  return out;
}

}  // namespace kiosk::bench
