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

}  // namespace

tl::expected<Fonts, std::string> load_fonts(const std::string& font_dir, float scale) {
  namespace fs = std::filesystem;
  const fs::path regular = fs::path(font_dir) / "NotoSans-Regular.ttf";
  const fs::path bold = fs::path(font_dir) / "NotoSans-Bold.ttf";
  for (const auto& p : {regular, bold}) {
    if (!fs::exists(p)) {
      return tl::unexpected("font not found: " + p.string() + " (Debian package fonts-noto-core)");
    }
  }
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  const auto add = [&](const fs::path& file, float px) {
    return io.Fonts->AddFontFromFileTTF(file.c_str(), px * scale, &config, k_ranges);
  };
  Fonts f;
  f.body = add(regular, 34.0f);  // first font added is the default
  f.small = add(regular, 27.0f);
  f.bold = add(bold, 34.0f);
  f.heading = add(bold, 42.0f);
  f.title = add(bold, 58.0f);
  f.huge = add(bold, 120.0f);
  if (f.small == nullptr || f.body == nullptr || f.bold == nullptr || f.heading == nullptr ||
      f.title == nullptr || f.huge == nullptr || !io.Fonts->Build()) {
    return tl::unexpected(std::string("could not build the font atlas from ") + font_dir);
  }
  return f;
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
  style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(colour::k_background);
  style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(colour::k_text);
  style.Colors[ImGuiCol_ScrollbarBg] = ImGui::ColorConvertU32ToFloat4(colour::k_secondary);
  style.Colors[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(colour::k_disabled);
}

}  // namespace kiosk::ui
