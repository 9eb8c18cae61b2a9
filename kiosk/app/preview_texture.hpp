#pragma once
// The camera preview as a GL texture. Main thread only (GL).

#include <cstdint>
#include <vector>

#include <imgui.h>

#include "ports/code_source.hpp"

namespace kiosk {

class PreviewTexture {
 public:
  PreviewTexture() = default;
  ~PreviewTexture();
  PreviewTexture(const PreviewTexture&) = delete;
  PreviewTexture& operator=(const PreviewTexture&) = delete;

  /// Uploads `frame` when it is newer than the last one; true when it was.
  bool update(const PreviewFrame& frame);
  ImTextureID id() const;
  float aspect() const { return m_height > 0 ? static_cast<float>(m_width) / m_height : 1.0f; }

 private:
  unsigned int m_texture = 0;
  int m_width = 0;
  int m_height = 0;
  std::uint64_t m_sequence = 0;
  std::vector<std::uint8_t> m_rgba;  // reused between uploads
};

}  // namespace kiosk
