#include "adapters/camera/scan_debouncer.hpp"

namespace kiosk::camera {
namespace {

// 64-bit FNV-1a: enough to tell one card from the next, and the same on
// every build (std::hash is not specified).
std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace

bool ScanDebouncer::accept(std::string_view payload, Clock::time_point now) {
  const std::uint64_t hash = fnv1a(payload);
  const bool same_card = m_has_last && hash == m_last_hash && now - m_last_seen < m_hold;
  m_has_last = true;
  m_last_hash = hash;
  m_last_seen = now;
  return !same_card;
}

}  // namespace kiosk::camera
