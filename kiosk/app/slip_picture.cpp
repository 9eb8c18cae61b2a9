#include "app/slip_picture.hpp"

#include "adapters/print/slip_renderer.hpp"
#include "core/log.hpp"

namespace kiosk {

SlipPicture::SlipPicture() {
  auto renderer = print::SlipRenderer::create(print::SlipRenderer::k_width_80mm,
                                              print::default_slip_fonts());
  if (!renderer) {
    logger("ui")->error("slip picture unavailable: {}", renderer.error());
    return;
  }
  m_renderer = std::move(*renderer);
}

SlipPicture::~SlipPicture() = default;

void SlipPicture::update(const std::optional<Slip>& slip) {
  if (!slip) {
    m_shown = false;
    m_reference.clear();
    return;
  }
  if (m_shown && slip->reference == m_reference) {
    return;
  }
  m_shown = false;
  if (!m_renderer) {
    return;
  }
  auto raster = m_renderer->render(*slip);
  if (!raster) {
    logger("ui")->error("slip picture not rendered: {}", raster.error());
    return;
  }
  // Black dots on white paper, as grey levels, with a margin of paper.
  const print::Bitmap1& bits = raster->image;
  constexpr int k_margin = 16;
  PreviewFrame frame;
  frame.width = bits.width + 2 * k_margin;
  frame.height = bits.height + 2 * k_margin;
  frame.grey.assign(static_cast<std::size_t>(frame.width) * static_cast<std::size_t>(frame.height),
                    255);
  for (int y = 0; y < bits.height; ++y) {
    for (int x = 0; x < bits.width; ++x) {
      if (bits.get(x, y)) {
        frame.grey[static_cast<std::size_t>((y + k_margin) * frame.width + x + k_margin)] = 0;
      }
    }
  }
  frame.sequence = ++m_sequence;
  m_texture.update(frame);
  m_reference = slip->reference;
  m_shown = true;
}

}  // namespace kiosk
