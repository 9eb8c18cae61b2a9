// kiosk_keyboard_shot: draws a search field and the on-screen keyboard alone
// into a window and saves it as a PNG, with one key held down, so the
// keyboard can be looked at without walking the whole journey.
//
//   kiosk_keyboard_shot --out FILE.png [--text "tho d"] [--press X,Y]
//                       [--width 1920 --height 1080] [--font-dir DIR]
//
// Run it under Xvfb: xvfb-run -a -s "-screen 0 1920x1080x24" env
// LIBGL_ALWAYS_SOFTWARE=1 kiosk_keyboard_shot --out keyboard.png

#include <cstdio>
#include <string>
#include <vector>

#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>
#include <stb/stb_image_write.h>

#include "ui/keyboard.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace {

struct Options {
  std::string out = "keyboard.png";
  std::string text = "tho d";
  std::string font_dir = "/usr/share/fonts/truetype/noto";
  int width = 1920;
  int height = 1080;
  ImVec2 press{-1, -1};  // a held finger, to show a pressed key
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    const std::string v = argv[i + 1];
    if (a == "--out") {
      o.out = v;
    } else if (a == "--text") {
      o.text = v;
    } else if (a == "--font-dir") {
      o.font_dir = v;
    } else if (a == "--width") {
      o.width = std::stoi(v);
    } else if (a == "--height") {
      o.height = std::stoi(v);
    } else if (a == "--press") {
      std::sscanf(v.c_str(), "%f,%f", &o.press.x, &o.press.y);
    }
  }
  return o;
}

// The search field as a screen would show it: the typed text and a caret.
void search_field(const kiosk::ui::UiContext& ctx, const std::string& text) {
  namespace colour = kiosk::ui::colour;
  ImGui::SetCursorScreenPos(ImVec2(ctx.px(48), ctx.px(40)));
  kiosk::ui::text(ctx, ctx.fonts.title, colour::k_text, "Tìm việc");
  const ImVec2 pos(ctx.px(48), ImGui::GetCursorScreenPos().y);
  const ImVec2 max(ImGui::GetIO().DisplaySize.x - ctx.px(48), pos.y + ctx.px(96));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, max, colour::k_card, ctx.px(16));
  dl->AddRect(pos, max, colour::k_header, ctx.px(16), 0, ctx.px(3));
  ImFont* font = ctx.fonts.heading;
  const float y = pos.y + (max.y - pos.y - font->FontSize) / 2;
  kiosk::ui::draw_text(ctx, dl, font, ImVec2(pos.x + ctx.px(28), y), colour::k_text, text);
  const float caret =
      pos.x + ctx.px(30) + font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str()).x;
  dl->AddLine(ImVec2(caret, y), ImVec2(caret, y + font->FontSize), colour::k_header, ctx.px(3));
}

int draw_and_save(const Options& o) {
  const float scale = static_cast<float>(o.height) / 1080.0f;
  auto fonts = kiosk::ui::load_fonts(o.font_dir, scale);
  if (!fonts) {
    std::fprintf(stderr, "%s\n", fonts.error().c_str());
    return 1;
  }
  kiosk::ui::apply_style(scale);
  std::string text = o.text;
  std::vector<kiosk::Intent> intents;
  kiosk::ui::GlyphAudit audit;
  for (int i = 0; i < 3; ++i) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = o.press;
    // Up on the first frame, so the press lands on a window that exists.
    io.MouseDown[0] = o.press.x >= 0 && i > 0;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("shot", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    const kiosk::ui::UiContext ctx{fonts->normal, scale, 0.0, &audit, &intents, nullptr, {}};
    search_field(ctx, text);
    ImGui::SetCursorScreenPos(ImVec2(0, io.DisplaySize.y - kiosk::ui::keyboard_height(ctx)));
    kiosk::ui::keyboard(ctx, text);
    ImGui::End();
    ImGui::Render();
    glViewport(0, 0, o.width, o.height);
    glClearColor(0.957f, 0.965f, 0.976f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  std::vector<unsigned char> pixels(static_cast<std::size_t>(o.width) * o.height * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, o.width, o.height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  stbi_flip_vertically_on_write(1);
  if (stbi_write_png(o.out.c_str(), o.width, o.height, 3, pixels.data(), o.width * 3) == 0) {
    std::fprintf(stderr, "could not write %s\n", o.out.c_str());
    return 1;
  }
  for (const unsigned c : audit.missing()) {
    std::fprintf(stderr, "missing glyph U+%04X\n", c);
  }
  std::printf("wrote %s\n", o.out.c_str());
  return audit.missing().empty() ? 0 : 3;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  if (SDL_Init(SDL_INIT_VIDEO) != 0) {
    std::fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_Window* window =
      SDL_CreateWindow("kiosk_keyboard_shot", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                       o.width, o.height, SDL_WINDOW_OPENGL);
  SDL_GLContext gl = window != nullptr ? SDL_GL_CreateContext(window) : nullptr;
  if (gl == nullptr) {
    std::fprintf(stderr, "window: %s\n", SDL_GetError());
    SDL_Quit();
    return 1;
  }
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplSDL2_InitForOpenGL(window, gl);
  ImGui_ImplOpenGL3_Init("#version 130");
  const int rc = draw_and_save(o);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(gl);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return rc;
}
