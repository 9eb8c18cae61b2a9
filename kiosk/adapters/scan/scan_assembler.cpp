#include "adapters/scan/scan_assembler.hpp"

#include "core/text.hpp"

namespace kiosk::scan {

void ScanAssembler::feed(std::string_view bytes, std::vector<std::string>& completed) {
  for (const char c : bytes) {
    if (c == '\r' || c == '\n') {
      end_scan(completed);
    } else if (m_overflow_bytes > 0) {
      ++m_overflow_bytes;
    } else if (m_pending.size() >= m_max) {
      m_overflow_bytes = m_pending.size() + 1;
      secure_wipe(m_pending);
    } else {
      m_pending.push_back(c);
    }
  }
}

ScanAssembler::~ScanAssembler() { secure_wipe(m_pending); }

void ScanAssembler::flush(std::vector<std::string>& completed) {
  end_scan(completed);
}

std::vector<std::size_t> ScanAssembler::take_dropped() {
  std::vector<std::size_t> dropped;
  dropped.swap(m_dropped);
  return dropped;
}

void ScanAssembler::end_scan(std::vector<std::string>& completed) {
  if (m_overflow_bytes > 0) {
    m_dropped.push_back(m_overflow_bytes);
    m_overflow_bytes = 0;
  } else if (!m_pending.empty()) {
    completed.emplace_back(m_pending);
  }
  secure_wipe(m_pending);
  m_pending.reserve(m_max);
}

}  // namespace kiosk::scan
