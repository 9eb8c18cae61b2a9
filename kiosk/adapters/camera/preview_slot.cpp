#include "adapters/camera/preview_slot.hpp"

#include <utility>

#include "adapters/camera/frame_convert.hpp"

namespace kiosk::camera {
namespace {

// The newest picture, one the UI is drawing and one being filled.
constexpr std::size_t k_max_pooled = 2;

}  // namespace

PreviewSlot::PreviewSlot(int max_width)
    : m_max_width(max_width), m_pool(std::make_shared<Pool>()) {}

void PreviewSlot::publish(const GreyFrame& frame) {
  if (m_max_width <= 0) {
    return;
  }
  auto picture = std::make_unique<PreviewFrame>();
  {
    const std::lock_guard lock(m_pool->mutex);
    if (!m_pool->buffers.empty()) {
      picture->grey = std::move(m_pool->buffers.back());
      m_pool->buffers.pop_back();
    }
  }
  downscale_grey(frame, m_max_width, *picture);
  // The last holder, on whatever thread, hands the buffer back; the pool's
  // mutex orders its reads of the picture before the buffer's next use.
  std::shared_ptr<const PreviewFrame> published(
      picture.release(), [pool = std::weak_ptr<Pool>(m_pool)](PreviewFrame* released) {
        const std::unique_ptr<PreviewFrame> owned(released);
        if (const auto alive = pool.lock()) {
          const std::lock_guard lock(alive->mutex);
          if (alive->buffers.size() < k_max_pooled) {
            alive->buffers.push_back(std::move(owned->grey));
          }
        }
      });
  const std::lock_guard lock(m_mutex);
  std::swap(m_latest, published);
  // The previous picture (in `published`) is released after the lock ends.
}

std::shared_ptr<const PreviewFrame> PreviewSlot::latest() const {
  const std::lock_guard lock(m_mutex);
  return m_latest;
}

void PreviewSlot::clear() {
  std::shared_ptr<const PreviewFrame> previous;
  const std::lock_guard lock(m_mutex);
  std::swap(m_latest, previous);
}

}  // namespace kiosk::camera
