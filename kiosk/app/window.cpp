#include "app/window.hpp"

#include <algorithm>
#include <vector>

#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>
#include <stb/stb_image_write.h>

namespace kiosk {

tl::expected<std::unique_ptr<Window>, std::string> Window::open(const WindowOptions& options) {
  SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
    return tl::unexpected(std::string("SDL_Init: ") + SDL_GetError());
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
  if (options.fullscreen) {
    flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  }
  std::unique_ptr<Window> w(new Window());
  w->m_window = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED,
                                 SDL_WINDOWPOS_CENTERED, options.width, options.height, flags);
  if (w->m_window == nullptr) {
    SDL_Quit();
    return tl::unexpected(std::string("SDL_CreateWindow: ") + SDL_GetError());
  }
  w->m_gl = SDL_GL_CreateContext(w->m_window);
  if (w->m_gl == nullptr) {
    SDL_DestroyWindow(w->m_window);
    w->m_window = nullptr;
    SDL_Quit();
    return tl::unexpected(std::string("SDL_GL_CreateContext: ") + SDL_GetError());
  }
  SDL_GL_MakeCurrent(w->m_window, w->m_gl);
  SDL_GL_SetSwapInterval(1);
  if (options.fullscreen) {
    SDL_ShowCursor(SDL_DISABLE);
  }
  SDL_GL_GetDrawableSize(w->m_window, &w->m_width, &w->m_height);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing written to disk
  io.LogFilename = nullptr;
  ImGui_ImplSDL2_InitForOpenGL(w->m_window, w->m_gl);
  ImGui_ImplOpenGL3_Init("#version 130");
  return w;
}

Window::~Window() {
  if (m_window == nullptr) {
    return;
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(m_gl);
  SDL_DestroyWindow(m_window);
  SDL_Quit();
}

float Window::scale() const {
  // The layouts are drawn for a short side of 1080 px: a landscape
  // 1920×1080 or a portrait 1080×1920 screen is 1.0, 1366×768 is 0.71.
  const float by_pixels = static_cast<float>(std::min(m_width, m_height)) / 1080.0f;
  // On a small, dense panel that would make touch targets physically
  // small: the 64 px buttons must stay at least 10 mm wide.
  float ddpi = 0.0f;
  const int display = SDL_GetWindowDisplayIndex(m_window);
  if (display >= 0 && SDL_GetDisplayDPI(display, &ddpi, nullptr, nullptr) == 0 && ddpi > 0.0f) {
    const float window_points = [&] {
      int w = 0;
      int h = 0;
      SDL_GetWindowSize(m_window, &w, &h);
      return static_cast<float>(std::max(1, std::min(w, h)));
    }();
    // ddpi is per window point; the drawable may have more pixels per point.
    const float pixels_per_point = static_cast<float>(std::min(m_width, m_height)) / window_points;
    const float ten_mm = 10.0f / 25.4f * ddpi * pixels_per_point;
    return std::max(by_pixels, ten_mm / 64.0f);
  }
  return by_pixels;
}

void Window::begin_frame() {
  SDL_GL_GetDrawableSize(m_window, &m_width, &m_height);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
}

void Window::end_frame(bool present) {
  ImGui::Render();
  glViewport(0, 0, m_width, m_height);
  // The clear is the screen's background: the kiosk's windows have none of
  // their own, because with software GL a full-screen quad costs more than
  // everything else on the screen together (docs/PERFORMANCE.md, Idle).
  const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(background.x, background.y, background.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (present) {
    SDL_GL_SwapWindow(m_window);
  }
}

tl::expected<void, std::string> Window::save_png(const std::string& path) const {
  std::vector<unsigned char> pixels(static_cast<std::size_t>(m_width) * m_height * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, m_width, m_height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  // GL's rows run bottom-up; PNG's top-down.
  stbi_flip_vertically_on_write(1);
  if (stbi_write_png(path.c_str(), m_width, m_height, 3, pixels.data(), m_width * 3) == 0) {
    return tl::unexpected("could not write " + path);
  }
  return {};
}

void Window::rebuild_font_texture() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace kiosk
