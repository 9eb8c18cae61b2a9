// The screen for a card whose QR gave only its number (a keyboard scanner
// that cannot type Vietnamese): the person confirms what the number says.

#include <fmt/format.h>

#include "ui/screens.hpp"

namespace kiosk::ui {

void draw_check_id(const UiContext& ctx, const JourneyView& view) {
  if (!view.id_check) {
    return;
  }
  const IdCheck& facts = *view.id_check;
  const float width = ImGui::GetContentRegionAvail().x;
  const float buttons_h = ctx.px(120);
  begin_details(ctx, "##id-details", buttons_h);
  if (view.card_read) {
    success_banner(ctx, ctx.tr("Đã đọc số thẻ căn cước của bạn"));
  } else {
    ImGui::Dummy(ImVec2(0, ctx.px(96)));
  }
  text(ctx, ctx.fonts.title, colour::k_text, ctx.tr("Bạn hãy xác nhận thông tin này"));
  text(ctx, ctx.fonts.body, colour::k_muted,
       ctx.tr("Máy quét chỉ đọc được số thẻ, không đọc được họ tên. Theo số thẻ, chủ thẻ là:"),
       width);
  ImGui::Dummy(ImVec2(0, ctx.px(4)));
  const float pad = ctx.px(32);
  begin_panel(ctx, pad);
  const float inner = width - 2 * pad;
  text(ctx, ctx.fonts.heading, colour::k_text,
       ctx.trf("Sinh năm {} · {}", facts.birth_year, ctx.tr(facts.sex)), inner);
  text(ctx, ctx.fonts.body, colour::k_muted, ctx.trf("Số thẻ: {}", facts.masked_id), inner);
  end_panel(ctx, pad);
  ImGui::Dummy(ImVec2(0, ctx.px(4)));
  text(ctx, ctx.fonts.body, colour::k_muted,
       ctx.tr(
           "Nếu đúng, bạn vẫn xem và đặt lịch phỏng vấn được; khi đến phỏng vấn, bạn mang theo thẻ "
           "căn cước để cán bộ đối chiếu."),
       width);
  end_details(ctx);
  const float gap = ctx.px(30);
  const ImVec2 size((width - gap) / 2, buttons_h);
  if (button(ctx, "##id-wrong", ctx.tr("Không đúng"), size, ButtonKind::secondary)) {
    ctx.emit(intent::RejectIdFacts{});
  }
  ImGui::SameLine(0, gap);
  if (button(ctx, "##id-right", ctx.tr("Đúng, tiếp tục"), size)) {
    ctx.emit(intent::ConfirmIdFacts{});
  }
}

}  // namespace kiosk::ui
