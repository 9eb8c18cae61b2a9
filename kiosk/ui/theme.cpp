#include "ui/theme.hpp"

#include <filesystem>

namespace kiosk::ui {
namespace {

// Everything the UI and the data may show: Latin with Vietnamese letters
// (Latin Extended-A/B and Extended Additional), combining marks, general
// punctuation (– — … “ ” •) and currency signs (₫).
constexpr ImWchar k_ranges[] = {
    0x0020, 0x024F,  // Basic Latin … Latin Extended-B (ơ ư đ)
    0x0300, 0x036F,  // combining diacritical marks
    0x1E00, 0x1EFF,  // Latin Extended Additional (ạ ả ấ … ỹ)
    0x2000, 0x206F,  // general punctuation
    0x20A0, 0x20CF,  // currency symbols
    0x2190, 0x2193,  // arrows ← ↑ → ↓
    0,
};

// The six fonts at `scale`; null members when a font could not be added.
Fonts add_fonts(ImFontAtlas& atlas, const std::filesystem::path& regular,
                const std::filesystem::path& bold, float scale) {
  const auto add = [&](const std::filesystem::path& file, float px) {
    ImFontConfig config;
    // Horizontal oversampling places small glyphs at half pixels; from 40 px
    // up nobody sees the difference, and skipping it halves those glyphs'
    // share of the atlas, so both sets still fit one 4096×4096 texture at
    // 1080 px (the large set alone would otherwise double it).
    config.OversampleH = px * scale >= 40.0f ? 1 : 2;
    config.OversampleV = 1;
    return atlas.AddFontFromFileTTF(file.c_str(), px * scale, &config, k_ranges);
  };
  Fonts f;
  f.body = add(regular, 34.0f);  // first font added is the default
  f.small = add(regular, 27.0f);
  f.bold = add(bold, 34.0f);
  f.heading = add(bold, 42.0f);
  f.title = add(bold, 58.0f);
  f.huge = add(bold, 120.0f);
  return f;
}

bool complete(const Fonts& f) {
  return f.small != nullptr && f.body != nullptr && f.bold != nullptr && f.heading != nullptr &&
         f.title != nullptr && f.huge != nullptr;
}

ImVec4 vec(ImU32 c) {
  return ImGui::ColorConvertU32ToFloat4(c);
}

}  // namespace

tl::expected<FontSets, std::string> load_fonts(const std::string& font_dir, float scale) {
  namespace fs = std::filesystem;
  const fs::path regular = fs::path(font_dir) / "NotoSans-Regular.ttf";
  const fs::path bold = fs::path(font_dir) / "NotoSans-Bold.ttf";
  for (const auto& p : {regular, bold}) {
    if (!fs::exists(p)) {
      return tl::unexpected("font not found: " + p.string() + " (Debian package fonts-noto-core)");
    }
  }
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  atlas.Clear();
  FontSets sets;
  sets.normal = add_fonts(atlas, regular, bold, scale);
  sets.large = add_fonts(atlas, regular, bold, scale * k_large_text_factor);
  if (!complete(sets.normal) || !complete(sets.large) || !atlas.Build()) {
    return tl::unexpected(std::string("could not build the font atlas from ") + font_dir);
  }
  return sets;
}

void use_palette(const Palette& p) {
  detail::g_palette = p;
  ImGuiStyle& style = ImGui::GetStyle();
  style.Colors[ImGuiCol_WindowBg] = vec(p.background);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  style.Colors[ImGuiCol_PopupBg] = vec(p.card);
  style.Colors[ImGuiCol_Border] = vec(p.card_border);
  style.Colors[ImGuiCol_Text] = vec(p.text);
  style.Colors[ImGuiCol_TextDisabled] = vec(p.disabled);
  style.Colors[ImGuiCol_ScrollbarBg] = vec(p.secondary);
  style.Colors[ImGuiCol_ScrollbarGrab] = vec(p.disabled);
  style.Colors[ImGuiCol_ScrollbarGrabHovered] = vec(p.disabled);
  style.Colors[ImGuiCol_ScrollbarGrabActive] = vec(p.muted);
}

void apply_style(float scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle{};
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0.0f;
  style.ChildBorderSize = 0.0f;
  style.FrameRounding = 14.0f;
  style.ChildRounding = 14.0f;
  style.ItemSpacing = ImVec2(20, 20);
  style.ScrollbarSize = 28.0f;
  style.ScrollbarRounding = 14.0f;
  style.TouchExtraPadding = ImVec2(4, 4);
  style.ScaleAllSizes(scale);
  use_palette(normal_palette());
}

}  // namespace kiosk::ui
