// The screens that narrow the list: the occupation grid, the filters, and
// the home-ward picker. Each shows, live, how many vacancies are left.

#include <algorithm>
#include <array>
#include <functional>
#include <optional>

#include <fmt/format.h>

#include "core/occupations.hpp"
#include "ui/keyboard.hpp"
#include "ui/screens.hpp"

namespace kiosk::ui {
namespace {

constexpr float k_bottom_bar = 110.0f;

// One occupation tile of the grid: label and count; green when chosen.
bool occupation_tile(const UiContext& ctx, const OccupationChoice& o, ImVec2 size) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool tapped = ImGui::InvisibleButton(o.isco08.c_str(), size) && !was_drag();
  const bool held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  const ImU32 fill = o.chosen ? (held ? colour::k_primary_active : colour::k_primary)
                              : (held ? colour::k_secondary : colour::k_card);
  dl->AddRectFilled(pos, max, fill, ctx.px(16));
  if (!o.chosen) {
    dl->AddRect(pos, max, colour::k_card_border, ctx.px(16), 0, ctx.px(2));
  }
  const ImU32 ink = o.chosen ? colour::k_header_text : colour::k_text;
  const float pad = ctx.px(24);
  draw_text(ctx, dl, ctx.fonts.bold, ImVec2(pos.x + pad, pos.y + ctx.px(16)), ink, o.label,
            size.x - 2 * pad);
  draw_text(
      ctx, dl, ctx.fonts.small, ImVec2(pos.x + pad, max.y - ctx.px(17) - ctx.fonts.small->FontSize),
      o.chosen ? colour::k_header_text : colour::k_muted,
      o.chosen
          ? ctx.trn("{} việc · đã chọn", "{} việc · đã chọn", static_cast<long long>(o.vacancies))
          : ctx.trn("{} việc", "{} việc", static_cast<long long>(o.vacancies)));
  return tapped;
}

// "Xem N việc" along the bottom of a refinement screen, with an optional
// secondary action on its left.
void bottom_bar(const UiContext& ctx, const JourneyView& view, std::string_view secondary,
                const Intent& secondary_intent) {
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x,
                                   ImGui::GetWindowPos().y + ImGui::GetWindowHeight() -
                                       ctx.px(k_bottom_bar)));
  const float gap = ctx.px(30);
  float main_w = width;
  if (!secondary.empty()) {
    main_w = (width - gap) * 0.6f;
    if (button(ctx, "##secondary", secondary, ImVec2(width - gap - main_w, ctx.px(k_bottom_bar)),
               ButtonKind::secondary)) {
      ctx.emit(secondary_intent);
    }
    ImGui::SameLine(0, gap);
  }
  const std::string label = view.matches_shown == 0
                                ? std::string(ctx.tr("Không còn việc nào: bỏ bớt lựa chọn"))
                                : ctx.trf("Xem {} việc phù hợp", view.matches_shown);
  if (button(ctx, "##show", label, ImVec2(main_w, ctx.px(k_bottom_bar)))) {
    ctx.emit(intent::ShowMatches{});
  }
}

// A titled row of chips, one of which is on.
template <class T>
void choice_row(const UiContext& ctx, std::string_view title,
                const std::vector<std::pair<T, std::string_view>>& options, const T& current,
                const std::function<void(const T&)>& choose) {
  text(ctx, ctx.fonts.bold, colour::k_text, title);
  bool first = true;
  int id = 0;
  for (const auto& [value, label] : options) {
    chip_row_place(ctx, toggle_chip_width(ctx, label), first);
    first = false;
    ImGui::PushID(title.data(), title.data() + title.size());
    ImGui::PushID(id++);
    if (toggle_chip(ctx, "##opt", label, value == current)) {
      choose(value);
    }
    ImGui::PopID();
    ImGui::PopID();
  }
  ImGui::Dummy(ImVec2(0, ctx.px(14)));
}

}  // namespace

void draw_occupations(const UiContext& ctx, const JourneyView& view) {
  text(ctx, ctx.fonts.title, colour::k_text, ctx.tr("Bạn muốn làm nghề gì?"));
  text(
      ctx, ctx.fonts.body, colour::k_muted,
      ctx.tr(
          "Chạm để chọn một hoặc nhiều nghề; việc đúng nghề được xếp lên trước. Chạm lần nữa để bỏ "
          "chọn."));
  ImGui::Dummy(ImVec2(0, ctx.px(6)));
  const float list_h = ImGui::GetContentRegionAvail().y - ctx.px(k_bottom_bar) - ctx.px(16);
  ImGui::BeginChild("grid", ImVec2(0, list_h), false, ImGuiWindowFlags_NoScrollbar);
  drag_to_scroll(ctx);
  // Three columns on a wide screen, two when tiles would get too narrow
  // for their labels (portrait, large text).
  const float gap = ctx.px(20);
  const float avail = ImGui::GetContentRegionAvail().x - ctx.px(16);
  const float min_tile = ctx.fonts.bold->FontSize * 11.0f;
  const int columns = std::clamp(static_cast<int>((avail + gap) / (min_tile + gap)), 2, 3);
  const float tile_w =
      (avail - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  // Every tile as tall as the longest label needs (two lines at least) and
  // the count under it, so large text does not run the two together.
  float label_h = 2 * ctx.fonts.bold->FontSize;
  for (const auto& o : view.occupation_grid) {
    label_h = std::max(label_h, text_height(ctx.fonts.bold, o.label, tile_w - ctx.px(48)));
  }
  const ImVec2 tile(tile_w,
                    ctx.px(16) + label_h + ctx.px(2) + ctx.fonts.small->FontSize + ctx.px(17));
  int column = 0;
  for (const auto& o : view.occupation_grid) {
    if (column > 0) {
      ImGui::SameLine(0, gap);
    }
    if (occupation_tile(ctx, o, tile)) {
      ctx.emit(intent::ToggleOccupation{o.isco08});
    }
    column = (column + 1) % columns;
  }
  if (view.occupation_grid.empty()) {
    notice(ctx, ctx.tr("Chưa có nghề nào trong danh sách việc làm của phiên này."));
  }
  scroll_position(ctx);
  ImGui::EndChild();
  bottom_bar(ctx, view, {}, intent::ShowMatches{});
}

void draw_filters(const UiContext& ctx, const JourneyView& view) {
  text(ctx, ctx.fonts.title, colour::k_text, ctx.tr("Lọc danh sách việc làm"));
  ImGui::Dummy(ImVec2(0, ctx.px(4)));
  const float list_h = ImGui::GetContentRegionAvail().y - ctx.px(k_bottom_bar) - ctx.px(16);
  ImGui::BeginChild("filters", ImVec2(0, list_h), false, ImGuiWindowFlags_NoScrollbar);
  drag_to_scroll(ctx);
  const TouchFilters& f = view.filters;
  const auto set = [&](auto change) {
    TouchFilters next = f;
    change(next);
    ctx.emit(intent::SetFilters{next});
  };
  std::vector<std::pair<char, std::string_view>> groups{{0, ctx.tr("Tất cả")}};
  for (const char g : view.occupation_groups) {
    groups.emplace_back(g, ctx.tr(isco_major_group_label(g)));
  }
  choice_row<char>(ctx, ctx.tr("Nhóm nghề"), groups, f.occupation_group,
                   [&](const char& g) { set([&](TouchFilters& t) { t.occupation_group = g; }); });
  if (view.home_known) {
    choice_row<int>(ctx, ctx.tr("Khoảng cách từ nhà bạn"),
                    {{0, ctx.tr("Không giới hạn")},
                     {3, ctx.tr("Dưới 3 km")},
                     {5, ctx.tr("Dưới 5 km")},
                     {10, ctx.tr("Dưới 10 km")},
                     {20, ctx.tr("Dưới 20 km")}},
                    f.max_km, [&](const int& km) { set([&](TouchFilters& t) { t.max_km = km; }); });
  }
  choice_row<std::string>(ctx, ctx.tr("Thời gian làm việc"),
                          {{"", ctx.tr("Tất cả")},
                           {"full_time", ctx.tr("Toàn thời gian")},
                           {"part_time", ctx.tr("Bán thời gian")},
                           {"seasonal", ctx.tr("Thời vụ")}},
                          f.employment_type, [&](const std::string& type) {
                            set([&](TouchFilters& t) { t.employment_type = type; });
                          });
  choice_row<int>(ctx, ctx.tr("Lương tối thiểu mỗi tháng"),
                  {{0, ctx.tr("Không yêu cầu")},
                   {5, ctx.tr("Từ 5 triệu ₫")},
                   {8, ctx.tr("Từ 8 triệu ₫")},
                   {10, ctx.tr("Từ 10 triệu ₫")},
                   {15, ctx.tr("Từ 15 triệu ₫")}},
                  f.min_salary_million,
                  [&](const int& m) { set([&](TouchFilters& t) { t.min_salary_million = m; }); });
  using Level = std::optional<EducationLevel>;
  choice_row<Level>(ctx, ctx.tr("Trình độ học vấn của bạn"),
                    {{std::nullopt, ctx.tr("Không chọn")},
                     {EducationLevel::lower_secondary, ctx.tr("THCS")},
                     {EducationLevel::upper_secondary, ctx.tr("THPT")},
                     {EducationLevel::vocational, ctx.tr("Trung cấp")},
                     {EducationLevel::college, ctx.tr("Cao đẳng")},
                     {EducationLevel::university, ctx.tr("Đại học")}},
                    f.education,
                    [&](const Level& e) { set([&](TouchFilters& t) { t.education = e; }); });
  scroll_position(ctx);
  ImGui::EndChild();
  bottom_bar(ctx, view, f.active() > 0 ? ctx.tr("Xoá bộ lọc") : std::string_view(),
             intent::SetFilters{});
}

void draw_ward(const UiContext& ctx, const JourneyView& view) {
  if (!view.keyboard_open) {
    text(ctx, ctx.fonts.title, colour::k_text, ctx.tr("Bạn đang sống ở phường, xã nào?"));
    text(
        ctx, ctx.fonts.body, colour::k_muted,
        ctx.tr("Chạm vào tên phường, xã; hoặc chạm ô tìm kiếm và gõ vài chữ đầu (không cần dấu)."));
    ImGui::Dummy(ImVec2(0, ctx.px(6)));
  }
  const float width = ImGui::GetContentRegionAvail().x;
  const std::string_view none_label = ctx.tr("Không có trong danh sách");
  // Wide enough for its label on one line, whatever the text size.
  const float none_w = ctx.fonts.bold
                           ->CalcTextSizeA(ctx.fonts.bold->FontSize, FLT_MAX, 0, none_label.data(),
                                           none_label.data() + none_label.size())
                           .x +
                       ctx.px(56);
  const ImVec2 none_size(std::max(ctx.px(420), none_w), ctx.px(view.keyboard_open ? 80 : 96));
  if (search_box(ctx, "##ward-search", view.ward_search, ctx.tr("Tìm phường, xã, ví dụ: yen hoa"),
                 view.keyboard_open, ImVec2(width - none_size.x - ctx.px(20), none_size.y))) {
    ctx.emit(intent::ShowKeyboard{true});
  }
  ImGui::SameLine(0, ctx.px(20));
  if (button(ctx, "##no-ward", none_label, none_size, ButtonKind::secondary)) {
    ctx.emit(intent::ChooseWard{""});
  }
  ImGui::Dummy(ImVec2(0, ctx.px(4)));
  const float list_h = view.keyboard_open
                           ? ImGui::GetContentRegionAvail().y - keyboard_height(ctx) - ctx.px(12)
                           : 0.0f;
  ImGui::BeginChild("wards", ImVec2(0, list_h), false, ImGuiWindowFlags_NoScrollbar);
  drag_to_scroll(ctx);
  const int columns = 3;
  const float gap = ctx.px(16);
  const float cell_w = (ImGui::GetContentRegionAvail().x - ctx.px(16) - gap * (columns - 1)) / columns;
  int column = 0;
  for (const auto& w : view.wards) {
    if (column > 0) {
      ImGui::SameLine(0, gap);
    }
    if (button(ctx, w.code.c_str(), w.name, ImVec2(cell_w, ctx.px(76)), ButtonKind::secondary)) {
      ctx.emit(intent::ChooseWard{w.code});
    }
    column = (column + 1) % columns;
  }
  if (view.wards.empty()) {
    notice(ctx, ctx.tr("Không tìm thấy phường, xã nào có tên như vậy. Bạn hãy xoá bớt chữ."));
  }
  scroll_position(ctx);
  ImGui::EndChild();
  if (!view.keyboard_open) {
    return;
  }
  ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x,
                                   ImGui::GetWindowPos().y + ImGui::GetWindowHeight() -
                                       keyboard_height(ctx)));
  std::string typed = view.ward_search;
  switch (keyboard(ctx, typed)) {
    case KeyboardResult::edited: ctx.emit(intent::SetWardSearch{typed}); break;
    case KeyboardResult::closed: ctx.emit(intent::ShowKeyboard{false}); break;
    case KeyboardResult::none: break;
  }
}

}  // namespace kiosk::ui
