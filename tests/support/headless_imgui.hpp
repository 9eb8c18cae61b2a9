#pragma once
// A headless Dear ImGui context for UI tests: a 1920×1080 display, nothing
// written to disk, and ImGui's own font (built) standing in for every
// member of ui::Fonts. Destroyed with the object.

#include <imgui.h>

#include "ui/theme.hpp"

namespace kiosk::test {

class HeadlessImGui {
 public:
  explicit HeadlessImGui(float delta_time = 1.0f / 60.0f, bool default_font = true)
      : m_context(ImGui::CreateContext()) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1920, 1080);
    io.DeltaTime = delta_time;
    if (default_font) {
      ImFont* font = io.Fonts->AddFontDefault();
      unsigned char* pixels = nullptr;
      int w = 0;
      int h = 0;
      io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
      m_fonts = ui::Fonts{font, font, font, font, font, font};
    }
  }
  ~HeadlessImGui() { ImGui::DestroyContext(m_context); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  const ui::Fonts& fonts() const { return m_fonts; }

 private:
  ImGuiContext* m_context;
  ui::Fonts m_fonts;
};

}  // namespace kiosk::test
