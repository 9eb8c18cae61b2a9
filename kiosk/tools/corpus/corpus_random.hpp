#pragma once
// A small deterministic random source for the corpus: the same seed gives the
// same numbers on every platform and standard library (std::*_distribution
// do not promise that).

#include <cmath>
#include <cstdint>
#include <span>
#include <string>

namespace kiosk::corpus {

class CorpusRandom {
 public:
  explicit CorpusRandom(std::uint64_t seed) : m_state(seed) {}

  /// The next 64 random bits (SplitMix64).
  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
  }

  /// Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }

  /// Uniform in [low, high).
  double uniform(double low, double high) { return low + (high - low) * unit(); }

  /// Uniform integer in [low, high], both included.
  int between(int low, int high) {
    const auto span = static_cast<std::uint64_t>(high - low) + 1U;
    return low + static_cast<int>(next() % span);
  }

  /// True with probability `p`.
  bool chance(double p) { return unit() < p; }

  /// Standard normal (Box-Muller; the second value is dropped for simplicity).
  double normal() {
    const double u1 = 1.0 - unit();
    const double u2 = unit();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

  /// One element of a non-empty list.
  template <typename T>
  const T& pick(std::span<const T> items) {
    return items[static_cast<std::size_t>(next() % items.size())];
  }

  /// `count` random decimal digits.
  std::string digits(int count) {
    std::string out;
    for (int i = 0; i < count; ++i) {
      out.push_back(static_cast<char>('0' + between(0, 9)));
    }
    return out;
  }

 private:
  std::uint64_t m_state;
};

/// Mixes several values into one seed (for per-frame generators).
inline std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b) {
  CorpusRandom r(a ^ (b * 0xD6E8FEB86659FD93ULL));
  return r.next();
}

}  // namespace kiosk::corpus
