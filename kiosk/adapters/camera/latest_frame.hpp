#pragma once
// A one-frame mailbox from the capture thread to the decode worker: the
// decoder always gets the newest picture, never a backlog.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <stop_token>
#include <vector>

#include "adapters/camera/grey_frame.hpp"

namespace kiosk::camera {

class LatestFrame {
 public:
  /// Producer: an empty frame whose pixel buffer comes from a recycled one
  /// when there is one (so steady streaming allocates nothing). Any thread.
  GreyFrame take_spare();

  /// Producer: publishes `frame`; an earlier frame nobody took yet is
  /// replaced (counted in dropped()) and its buffer kept for take_spare().
  /// Wakes wait_take(). Any thread.
  void put(GreyFrame frame);

  /// Consumer: the frame put since the last take, waiting up to `timeout`
  /// for one; nullopt on timeout or when `stop` is requested. Hand the frame
  /// back with recycle() when done. Any thread; meant for one consumer.
  std::optional<GreyFrame> wait_take(const std::stop_token& stop,
                                     std::chrono::milliseconds timeout);

  /// Consumer: returns a taken frame's buffer for reuse. Any thread.
  void recycle(GreyFrame frame);

  /// Drops the waiting frame, if any, without counting it (e.g. unplugged).
  void clear();

  /// Frames put so far, and of those replaced before anyone took them.
  std::uint64_t put_count() const;
  std::uint64_t dropped() const;

 private:
  void keep_spare(std::vector<std::uint8_t>&& buffer);  // m_mutex held

  // Enough for one frame being filled, one waiting and one being decoded.
  static constexpr std::size_t k_max_spares = 2;

  mutable std::mutex m_mutex;
  std::condition_variable_any m_ready;
  std::optional<GreyFrame> m_slot;
  std::vector<std::vector<std::uint8_t>> m_spares;
  std::uint64_t m_put = 0;
  std::uint64_t m_dropped = 0;
};

}  // namespace kiosk::camera
