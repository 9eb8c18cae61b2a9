#pragma once
// What the kiosk-screenshots tool needs to draw and save one screen, shared
// by its parts.

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <SDL.h>
#include <backends/imgui_impl_sdl.h>

#include "app/window.hpp"
#include "core/journey.hpp"
#include "ui/kiosk_ui.hpp"

namespace kiosk {

struct Shooter {
  Window& window;
  ui::KioskUi& ui;
  Journey& journey;
  ui::FrameInfo info;
  std::filesystem::path out;
  int count = 0;

  // A few frames let ImGui settle layout (clipper, child sizes) first.
  std::vector<Intent> frame(bool save, const std::string& name) {
    std::vector<Intent> intents;
    for (int i = 0; i < 3; ++i) {
      SDL_Event e;
      while (SDL_PollEvent(&e) != 0) {
        ImGui_ImplSDL2_ProcessEvent(&e);
      }
      window.begin_frame();
      intents = ui.draw(journey.view(), info, 0.6);
      window.end_frame(false);
    }
    if (save) {
      this->save(name);
    }
    return intents;
  }

  /// The same for a staff screen.
  void staff_frame(const StaffView& view, const ui::StaffInfo& staff, Lang lang,
                   const std::string& name) {
    for (int i = 0; i < 3; ++i) {
      SDL_Event e;
      while (SDL_PollEvent(&e) != 0) {
        ImGui_ImplSDL2_ProcessEvent(&e);
      }
      window.begin_frame();
      ui.draw_staff(view, staff, lang, 0.6);
      window.end_frame(false);
    }
    save(name);
  }

  void save(const std::string& name) {
    const auto path = out / (std::to_string(++count) + "-" + name + ".png");
    if (auto ok = window.save_png(path.string()); !ok) {
      std::cerr << ok.error() << "\n";
    } else {
      std::cout << "wrote " << path.string() << "\n";
    }
  }
};

/// The unlock screen and every staff panel (screenshots_staff.cpp).
void shoot_staff(Shooter& shoot, Lang lang, ImTextureID camera_picture, float camera_aspect);

}  // namespace kiosk
