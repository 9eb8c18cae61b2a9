#include "adapters/camera/latest_frame.hpp"

#include <utility>

namespace kiosk::camera {

GreyFrame LatestFrame::take_spare() {
  GreyFrame frame;
  const std::lock_guard lock(m_mutex);
  if (!m_spares.empty()) {
    frame.pixels = std::move(m_spares.back());
    m_spares.pop_back();
  }
  return frame;
}

void LatestFrame::put(GreyFrame frame) {
  {
    const std::lock_guard lock(m_mutex);
    ++m_put;
    if (m_slot) {
      ++m_dropped;
      keep_spare(std::move(m_slot->pixels));
    }
    m_slot = std::move(frame);
  }
  m_ready.notify_one();
}

std::optional<GreyFrame> LatestFrame::wait_take(const std::stop_token& stop,
                                                std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_mutex);
  if (!m_ready.wait_for(lock, stop, timeout, [this] { return m_slot.has_value(); }) ||
      stop.stop_requested()) {
    return std::nullopt;
  }
  std::optional<GreyFrame> frame = std::move(m_slot);
  m_slot.reset();
  return frame;
}

void LatestFrame::recycle(GreyFrame frame) {
  const std::lock_guard lock(m_mutex);
  keep_spare(std::move(frame.pixels));
}

void LatestFrame::clear() {
  const std::lock_guard lock(m_mutex);
  if (m_slot) {
    keep_spare(std::move(m_slot->pixels));
    m_slot.reset();
  }
}

std::uint64_t LatestFrame::put_count() const {
  const std::lock_guard lock(m_mutex);
  return m_put;
}

std::uint64_t LatestFrame::dropped() const {
  const std::lock_guard lock(m_mutex);
  return m_dropped;
}

void LatestFrame::keep_spare(std::vector<std::uint8_t>&& buffer) {
  if (m_spares.size() < k_max_spares && buffer.capacity() > 0) {
    m_spares.push_back(std::move(buffer));
  }
}

}  // namespace kiosk::camera
