#pragma once
// The out-of-service screen: a fixed notice in Vietnamese and English, side by side on a
// landscape screen and one above the other on a portrait one. Plain literals on purpose: this
// screen must read the same when the translation catalogues are what is broken.

#include <string>

#include "ui/theme.hpp"

namespace kiosk::tools {

struct OutOfServiceView {
  std::string centre;    // the centre's name, in the header
  std::string kiosk_id;  // shown small at the bottom so staff can report it; may be empty
};

/// Draws one frame of the screen over the whole display. UI thread only, between
/// ImGui::NewFrame() and ImGui::Render().
void draw_out_of_service(const OutOfServiceView& view, const ui::Fonts& fonts, float scale);

}  // namespace kiosk::tools
