#pragma once
// Cuts a byte stream from a line-oriented scanner (FIFO, serial 2D scanner)
// into scans: a scan ends at CR or LF, or when the caller says the stream
// went quiet or closed. Over-long scans are dropped, not truncated, since
// half a citizen-ID must never pass for a whole one. Single-threaded.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::scan {

class ScanAssembler {
 public:
  /// Reserves the whole scan up front, so growing never leaves freed
  /// copies of card data behind.
  explicit ScanAssembler(std::size_t max_scan_bytes) : m_max(max_scan_bytes) {
    m_pending.reserve(m_max);
  }
  ~ScanAssembler();
  ScanAssembler(const ScanAssembler&) = delete;
  ScanAssembler& operator=(const ScanAssembler&) = delete;

  /// Appends the scans that `bytes` completes to `completed`.
  void feed(std::string_view bytes, std::vector<std::string>& completed);

  /// Ends the scan in progress (idle gap, writer closed); appends it to
  /// `completed` unless it is empty or over-long.
  void flush(std::vector<std::string>& completed);

  /// True while a scan is in progress (bytes held or an over-long one skipped).
  bool in_progress() const { return !m_pending.empty() || m_overflow_bytes > 0; }

  /// Lengths of the over-long scans dropped since the last call.
  std::vector<std::size_t> take_dropped();

 private:
  void end_scan(std::vector<std::string>& completed);

  std::size_t m_max;
  std::string m_pending;
  std::size_t m_overflow_bytes = 0;  // bytes of an over-long scan so far
  std::vector<std::size_t> m_dropped;
};

}  // namespace kiosk::scan
