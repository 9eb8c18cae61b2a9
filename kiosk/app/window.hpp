#pragma once
// The SDL2 window with an OpenGL 3 context and Dear ImGui on top of it.
// Main thread only.

#include <memory>
#include <string>

#include <tl/expected.hpp>

struct SDL_Window;

namespace kiosk {

struct WindowOptions {
  std::string title = "Kiosk";
  int width = 1920;
  int height = 1080;
  bool fullscreen = true;
};

class Window {
 public:
  /// Opens the window, the GL context and ImGui with its SDL2/OpenGL3
  /// backends; an error text when the display or GL is unavailable.
  static tl::expected<std::unique_ptr<Window>, std::string> open(const WindowOptions& options);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  /// UI scale: 1.0 when the screen's short side is 1080 pixels, and never
  /// so small that a 64 px target is under 10 mm on this display's DPI.
  float scale() const;
  void begin_frame();
  /// Renders ImGui's draw data; `present` swaps buffers.
  void end_frame(bool present = true);
  /// Saves the last rendered frame (the back buffer) as a PNG.
  tl::expected<void, std::string> save_png(const std::string& path) const;
  /// Uploads the font atlas to the GPU after fonts changed.
  void rebuild_font_texture();

 private:
  Window() = default;
  SDL_Window* m_window = nullptr;
  void* m_gl = nullptr;
  int m_width = 0;
  int m_height = 0;
};

}  // namespace kiosk
