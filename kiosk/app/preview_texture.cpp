#include "app/preview_texture.hpp"

#include <SDL_opengl.h>

namespace kiosk {

PreviewTexture::~PreviewTexture() {
  if (m_texture != 0) {
    glDeleteTextures(1, &m_texture);
  }
}

bool PreviewTexture::update(const PreviewFrame& frame) {
  if (frame.sequence == m_sequence || frame.width <= 0 || frame.height <= 0 ||
      frame.grey.size() < static_cast<std::size_t>(frame.width) * frame.height) {
    return false;
  }
  m_sequence = frame.sequence;
  // ImGui's shader samples RGBA; grey goes into all three colours.
  m_rgba.resize(frame.grey.size() * 4);
  for (std::size_t i = 0; i < frame.grey.size(); ++i) {
    const std::uint8_t v = frame.grey[i];
    m_rgba[i * 4] = v;
    m_rgba[i * 4 + 1] = v;
    m_rgba[i * 4 + 2] = v;
    m_rgba[i * 4 + 3] = 255;
  }
  if (m_texture == 0) {
    glGenTextures(1, &m_texture);
  }
  glBindTexture(GL_TEXTURE_2D, m_texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, frame.width, frame.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               m_rgba.data());
  m_width = frame.width;
  m_height = frame.height;
  return true;
}

ImTextureID PreviewTexture::id() const {
  return m_texture == 0 ? nullptr
                        : reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(m_texture));
}

}  // namespace kiosk
