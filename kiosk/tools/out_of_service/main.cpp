// kiosk-out-of-service [--profile FILE] [--retry-after SECONDS]
//
// Shows the out-of-service screen (out_of_service_screen.hpp) until SECONDS have passed (then
// exits 0, and systemd/kiosk-out-of-service.service starts the kiosk again) or SIGTERM/SIGINT
// arrives (exits 0 at once). It draws a few frames, then sleeps in SDL_WaitEventTimeout: a
// static screen costs no CPU. When the display cannot be opened it says so and still waits,
// so a kiosk with a broken display is retried every SECONDS rather than in a tight loop.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <SDL.h>

#include "app/window.hpp"
#include "core/profile.hpp"
#include "tools/out_of_service/out_of_service_screen.hpp"
#include "ui/theme.hpp"

namespace {

using Clock = std::chrono::steady_clock;

std::atomic<bool> g_stop{false};  // set by SIGTERM/SIGINT only
void on_signal(int) {
  g_stop = true;
}

struct Options {
  std::string profile_path;
  std::chrono::seconds retry_after{300};
};

bool parse_args(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--profile" && i + 1 < argc) {
      options.profile_path = argv[++i];
    } else if (arg == "--retry-after" && i + 1 < argc) {
      try {
        options.retry_after = std::chrono::seconds(std::stol(argv[++i]));
      } catch (const std::exception&) {
        return false;
      }
      if (options.retry_after.count() < 0) {
        return false;
      }
    } else {
      return false;
    }
  }
  return true;
}

// The profile when it can be read, else the built-in defaults: a broken profile may be why
// the kiosk is out of service, and the screen must show regardless.
kiosk::Profile read_profile(const std::string& path) {
  if (path.empty()) {
    return {};
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  auto profile = kiosk::parse_profile(text.str(), path);
  if (!in || !profile) {
    std::fprintf(stderr, "kiosk-out-of-service: %s: %s; using the defaults\n", path.c_str(),
                 profile ? "cannot read" : profile.error().to_string().c_str());
    return {};
  }
  return *profile;
}

// Sleeps until the deadline or a stop signal, waking every half second to look.
void wait_until(Clock::time_point deadline) {
  while (!g_stop && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse_args(argc, argv, options)) {
    std::fprintf(stderr, "usage: kiosk-out-of-service [--profile FILE] [--retry-after SECONDS]\n");
    return 2;
  }
  // Installed before SDL_Init, so SDL leaves them alone (it only replaces default handlers).
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  const Clock::time_point deadline = Clock::now() + options.retry_after;
  const kiosk::Profile profile = read_profile(options.profile_path);

  kiosk::WindowOptions window_options{.title = "Kiosk out of service",
                                      .width = profile.ui.width,
                                      .height = profile.ui.height,
                                      .fullscreen = profile.ui.fullscreen};
  // Full screen means the whole display whatever the profile's size says: a portrait screen
  // must not get a landscape window (X without a window manager keeps the size asked for).
  if (window_options.fullscreen && SDL_InitSubSystem(SDL_INIT_VIDEO) == 0) {
    SDL_DisplayMode mode;
    if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
      window_options.width = mode.w;
      window_options.height = mode.h;
    }
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
  }
  auto window = kiosk::Window::open(window_options);
  if (!window) {
    std::fprintf(stderr, "kiosk-out-of-service: cannot open the display: %s\n",
                 window.error().c_str());
    wait_until(deadline);
    return 0;
  }
  const float scale = (*window)->scale();
  auto fonts = kiosk::ui::load_fonts(profile.ui.font_dir, scale);
  kiosk::ui::apply_style(scale);
  if (!fonts) {
    // The header colour alone still tells staff that something is wrong.
    std::fprintf(stderr, "kiosk-out-of-service: %s\n", fonts.error().c_str());
  } else {
    (*window)->rebuild_font_texture();
  }
  const kiosk::tools::OutOfServiceView view{profile.kiosk.centre, profile.kiosk.id};

  // ImGui settles its layout over the first frames; a few are enough for a static screen,
  // and a few more after anything (a mode change, an exposure) asks for a redraw.
  int frames_to_draw = 3;
  while (!g_stop && Clock::now() < deadline) {
    if (frames_to_draw > 0) {
      (*window)->begin_frame();
      if (fonts) {
        kiosk::tools::draw_out_of_service(view, fonts->normal, scale);
      }
      (*window)->end_frame();
      --frames_to_draw;
      continue;
    }
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    // At most half a second, so that a signal is seen soon: SDL does not wake for it.
    const int timeout = static_cast<int>(std::clamp<long long>(left.count(), 1, 500));
    SDL_Event event;
    if (SDL_WaitEventTimeout(&event, timeout) == 1) {
      if (event.type == SDL_QUIT) {
        break;
      }
      if (event.type == SDL_WINDOWEVENT) {
        frames_to_draw = 3;
      }
    }
  }
  return 0;
}
