#include <fmt/format.h>

#include "ui/screens.hpp"

namespace kiosk::ui {
namespace {

void fact(const UiContext& ctx, std::string_view label, std::string_view value, float width) {
  ImGui::BeginGroup();
  text(ctx, ctx.fonts.small, colour::k_muted, label, width);
  text(ctx, ctx.fonts.bold, colour::k_text, value, width);
  ImGui::EndGroup();
}

std::string age_text(const UiContext& ctx, const Vacancy& v) {
  if (v.min_age && v.max_age) {
    return ctx.trf("Từ {} đến {} tuổi", *v.min_age, *v.max_age);
  }
  if (v.min_age) {
    return ctx.trf("Từ {} tuổi", *v.min_age);
  }
  return std::string(ctx.tr("Không giới hạn"));
}

}  // namespace

void draw_vacancy(const UiContext& ctx, const JourneyView& view) {
  if (!view.vacancy) {
    return;
  }
  const Vacancy& v = *view.vacancy;
  const float width = ImGui::GetContentRegionAvail().x;
  const float button_h = ctx.px(130);
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("vacancy", ImVec2(0, ImGui::GetContentRegionAvail().y - button_h - spacing),
                    false, ImGuiWindowFlags_NoScrollbar);
  drag_to_scroll(ctx);
  text(ctx, ctx.fonts.title, colour::k_text, v.title);
  text(ctx, ctx.fonts.heading, colour::k_header, v.employer_name);
  ImGui::Dummy(ImVec2(0, ctx.px(8)));
  const float col = (width - ctx.px(40)) / 3;
  fact(ctx, ctx.tr("Mức lương"), format_salary(v, ctx.t), col);
  ImGui::SameLine(0, ctx.px(20));
  fact(ctx, ctx.tr("Hình thức"), ctx.tr(employment_type_label(v.employment_type)), col);
  ImGui::SameLine(0, ctx.px(20));
  fact(ctx, ctx.tr("Số lượng tuyển"), ctx.trn("{} người", "{} người", v.positions), col);
  fact(ctx, ctx.tr("Độ tuổi"), age_text(ctx, v), col);
  ImGui::SameLine(0, ctx.px(20));
  // The API's level names ("Cao đẳng") are the catalogues' own words.
  fact(ctx, ctx.tr("Học vấn"), ctx.tr(v.education.empty() ? "Không yêu cầu" : v.education), col);
  ImGui::SameLine(0, ctx.px(20));
  fact(ctx, ctx.tr("Kinh nghiệm"),
       v.experience_months > 0 ? ctx.trn("{} tháng", "{} tháng", v.experience_months)
                               : std::string(ctx.tr("Không cần kinh nghiệm")),
       col);
  fact(ctx, ctx.tr("Nơi làm việc"), v.address.empty() ? v.ward_name : v.address, width);
  if (!v.description.empty()) {
    ImGui::Dummy(ImVec2(0, ctx.px(4)));
    text(ctx, ctx.fonts.bold, colour::k_text, ctx.tr("Mô tả công việc"));
    text(ctx, ctx.fonts.body, colour::k_text, v.description);
  }
  if (!v.benefits.empty()) {
    text(ctx, ctx.fonts.bold, colour::k_text, ctx.tr("Quyền lợi"));
    for (const auto& b : v.benefits) {
      text(ctx, ctx.fonts.body, colour::k_text, "•  " + b);
    }
  }
  ImGui::EndChild();
  const bool has_slots = v.slots_available > 0;
  if (button(ctx, "##slots", has_slots ? ctx.tr("Chọn giờ phỏng vấn") : ctx.tr("Xem giờ phỏng vấn"),
             ImVec2(width, button_h))) {
    ctx.emit(intent::ShowSlots{});
  }
}

}  // namespace kiosk::ui
