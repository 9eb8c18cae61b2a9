#pragma once
// The view's slip as a texture, for the done screen when the printer failed:
// rendered with the printer's own renderer, so the person sees (and can
// photograph) exactly the slip, QR code included. Main thread only.

#include <cstdint>
#include <memory>
#include <optional>

#include "app/preview_texture.hpp"
#include "core/slip.hpp"

namespace kiosk::print {
class SlipRenderer;
}

namespace kiosk {

class SlipPicture {
 public:
  /// Loads the slip fonts; without them the picture stays empty (logged).
  SlipPicture();
  ~SlipPicture();
  SlipPicture(const SlipPicture&) = delete;
  SlipPicture& operator=(const SlipPicture&) = delete;

  /// Renders `slip` when it differs from the last one drawn; forgets the
  /// picture when there is no slip (the session ended).
  void update(const std::optional<Slip>& slip);

  /// Null when there is nothing to show.
  ImTextureID id() const { return m_shown ? m_texture.id() : nullptr; }
  float aspect() const { return m_texture.aspect(); }

 private:
  std::unique_ptr<print::SlipRenderer> m_renderer;
  PreviewTexture m_texture;
  std::string m_reference;  // of the slip shown
  std::uint64_t m_sequence = 0;
  bool m_shown = false;
};

}  // namespace kiosk
