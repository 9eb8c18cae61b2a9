#pragma once
// The newest camera picture for the UI's live preview, shrunk to a small
// width. The capture thread publishes; the UI thread reads and may hold a
// picture as long as it likes while newer ones arrive.

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "adapters/camera/grey_frame.hpp"
#include "ports/code_source.hpp"

namespace kiosk::camera {

class PreviewSlot {
 public:
  /// Pictures are at most `max_width` wide (0: nothing is ever published).
  explicit PreviewSlot(int max_width);

  /// Publishes a downscaled copy of `frame`. Pixel buffers of pictures
  /// nobody holds any more are reused. One thread at a time.
  void publish(const GreyFrame& frame);

  /// The newest picture, or null before the first and after clear(). Any
  /// thread; a returned picture never changes.
  std::shared_ptr<const PreviewFrame> latest() const;

  /// Drops the newest picture (holders keep theirs). Any thread.
  void clear();

 private:
  // Buffers of released pictures. Shared with the pictures' deleters, which
  // may run on the UI thread after this slot is gone.
  struct Pool {
    std::mutex mutex;
    std::vector<std::vector<std::uint8_t>> buffers;
  };

  int m_max_width;
  std::shared_ptr<Pool> m_pool;
  mutable std::mutex m_mutex;
  std::shared_ptr<const PreviewFrame> m_latest;
};

}  // namespace kiosk::camera
