#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "ui/screens.hpp"
#include "ui/welcome_animation.hpp"

namespace kiosk::ui {
namespace {

// A citizen-ID card with its QR code, drawn so that people who have never
// used a kiosk see what to hold up.
void draw_card_picture(const UiContext& ctx, ImVec2 origin) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 size(ctx.px(430), ctx.px(272));
  const ImVec2 max(origin.x + size.x, origin.y + size.y);
  dl->AddRectFilled(ImVec2(origin.x + ctx.px(8), origin.y + ctx.px(10)),
                    ImVec2(max.x + ctx.px(8), max.y + ctx.px(10)), IM_COL32(0, 0, 0, 40),
                    ctx.px(24));
  dl->AddRectFilled(origin, max, IM_COL32(232, 240, 250, 255), ctx.px(24));
  dl->AddRect(origin, max, IM_COL32(120, 150, 190, 255), ctx.px(24), 0, ctx.px(3));
  // Lines of text on the card.
  for (int i = 0; i < 5; ++i) {
    const float y = origin.y + ctx.px(52 + 40 * i);
    dl->AddRectFilled(ImVec2(origin.x + ctx.px(34), y),
                      ImVec2(origin.x + ctx.px(i % 2 == 0 ? 180 : 140), y + ctx.px(14)),
                      IM_COL32(160, 180, 205, 255), ctx.px(7));
  }
  // The QR code: a fixed pattern of modules with three finder squares.
  const float module = ctx.px(9);
  const ImVec2 qr(max.x - ctx.px(34) - 21 * module, origin.y + ctx.px(40));
  dl->AddRectFilled(ImVec2(qr.x - module, qr.y - module),
                    ImVec2(qr.x + 22 * module, qr.y + 22 * module), IM_COL32_WHITE);
  const auto finder = [&](float fx, float fy) {
    dl->AddRectFilled(ImVec2(fx, fy), ImVec2(fx + 7 * module, fy + 7 * module), IM_COL32_BLACK);
    dl->AddRectFilled(ImVec2(fx + module, fy + module), ImVec2(fx + 6 * module, fy + 6 * module),
                      IM_COL32_WHITE);
    dl->AddRectFilled(ImVec2(fx + 2 * module, fy + 2 * module),
                      ImVec2(fx + 5 * module, fy + 5 * module), IM_COL32_BLACK);
  };
  finder(qr.x, qr.y);
  finder(qr.x + 14 * module, qr.y);
  finder(qr.x, qr.y + 14 * module);
  for (int r = 0; r < 21; ++r) {
    for (int c = 0; c < 21; ++c) {
      const bool in_finder = (r < 8 && c < 8) || (r < 8 && c > 12) || (r > 12 && c < 8);
      if (!in_finder && ((r * 7 + c * 13 + r * c) % 5 < 2)) {
        dl->AddRectFilled(ImVec2(qr.x + c * module, qr.y + r * module),
                          ImVec2(qr.x + (c + 1) * module, qr.y + (r + 1) * module),
                          IM_COL32_BLACK);
      }
    }
  }
}

// The camera's picture, mirrored like a mirror so moving the card feels
// natural, with a frame showing where to hold the card's QR code.
void draw_camera_preview(const UiContext& ctx, const FrameInfo& info, bool reading, ImVec2 pos,
                         ImVec2 box) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float w = box.x;
  float h = w / info.preview_aspect;
  if (h > box.y) {
    h = box.y;
    w = h * info.preview_aspect;
  }
  const ImVec2 min(pos.x + (box.x - w) / 2, pos.y);
  const ImVec2 max(min.x + w, min.y + h);
  dl->AddImageRounded(info.preview, min, max, ImVec2(1, 0), ImVec2(0, 1), IM_COL32_WHITE,
                      ctx.px(18));
  // The guide: a square in the middle with bold corners.
  const float side = h * 0.62f;
  const ImVec2 c((min.x + max.x) / 2, (min.y + max.y) / 2);
  const ImVec2 g0(c.x - side / 2, c.y - side / 2);
  const ImVec2 g1(c.x + side / 2, c.y + side / 2);
  dl->AddRect(g0, g1, reading ? colour::k_primary : IM_COL32(255, 255, 255, 120), ctx.px(12), 0,
              ctx.px(reading ? 6 : 2));
  const float arm = side * 0.22f;
  const float t = ctx.px(8);
  const ImU32 col = colour::k_primary;
  for (const auto& [corner, dx, dy] :
       {std::tuple{g0, 1.0f, 1.0f}, std::tuple{ImVec2(g1.x, g0.y), -1.0f, 1.0f},
        std::tuple{ImVec2(g0.x, g1.y), 1.0f, -1.0f}, std::tuple{g1, -1.0f, -1.0f}}) {
    dl->AddLine(corner, ImVec2(corner.x + dx * arm, corner.y), col, t);
    dl->AddLine(corner, ImVec2(corner.x, corner.y + dy * arm), col, t);
  }
  const std::string_view hint =
      reading ? ctx.tr("Đang đọc… giữ yên thẻ") : ctx.tr("Đặt mã QR vào giữa khung");
  // Wrapped inside the picture: a long translation in large text would
  // overhang it on one line.
  ImFont* font = ctx.fonts.bold;
  const float wrap = w - ctx.px(64);
  const ImVec2 ts =
      font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, hint.data(), hint.data() + hint.size());
  const ImVec2 tp(c.x - ts.x / 2, max.y - ts.y - ctx.px(16));
  dl->AddRectFilled(ImVec2(tp.x - ctx.px(16), tp.y - ctx.px(6)),
                    ImVec2(tp.x + ts.x + ctx.px(16), tp.y + ts.y + ctx.px(6)), colour::k_caption,
                    ctx.px(10));
  draw_text(ctx, dl, font, tp, colour::k_caption_text, hint, wrap);
}

void step(const UiContext& ctx, int number, std::string_view label, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float r = ctx.px(34);
  dl->AddCircleFilled(ImVec2(pos.x + r, pos.y + r), r, colour::k_header);
  const std::string n = std::to_string(number);
  const ImVec2 ns = ctx.fonts.heading->CalcTextSizeA(ctx.fonts.heading->FontSize, FLT_MAX, 0,
                                                     n.c_str());
  draw_text(ctx, dl, ctx.fonts.heading, ImVec2(pos.x + r - ns.x / 2, pos.y + r - ns.y / 2),
            colour::k_header_text, n);
  draw_text(ctx, dl, ctx.fonts.body, ImVec2(pos.x + 2 * r + ctx.px(20), pos.y + ctx.px(12)),
            colour::k_text, label, width - 2 * r - ctx.px(20));
  ImGui::Dummy(ImVec2(width, 2 * r));
}

}  // namespace

void draw_welcome(const UiContext& ctx, const JourneyView& view, const FrameInfo& info) {
  const float width = ImGui::GetContentRegionAvail().x;
  // Large text takes the room of the spacing, so a notice and the line
  // under it still fit.
  if (!view.large_text) {
    ImGui::Dummy(ImVec2(0, ctx.px(30)));
  }
  text_centered(ctx, ctx.fonts.title, colour::k_text, ctx.tr("Tìm việc làm phù hợp với bạn"));
  ImGui::Dummy(ImVec2(0, ctx.px(4)));
  text_centered(ctx, ctx.fonts.heading, colour::k_header,
                info.preview != nullptr
                    ? ctx.tr("Giữ mã QR ở mặt sau thẻ căn cước trước camera, vào giữa khung")
                    : ctx.tr("Đưa mã QR trên thẻ căn cước vào ô quét bên dưới màn hình"));
  ImGui::Dummy(ImVec2(0, ctx.px(view.large_text ? 24 : 50)));

  // Landscape: the picture on the left, the steps beside it. A narrow
  // (portrait) screen stacks them, the picture larger and centred.
  const ImVec2 row = ImGui::GetCursorScreenPos();
  const bool stacked = width < ctx.px(1300);
  const float pic_w = stacked ? std::min(width, ctx.px(760)) : width * 0.42f;
  const float pic_h = stacked ? ctx.px(480) : ctx.px(390);
  const float pic_x = stacked ? row.x + (width - pic_w) / 2 : row.x;
  if (info.preview != nullptr) {
    draw_camera_preview(ctx, info, view.reading, ImVec2(pic_x, row.y), ImVec2(pic_w, pic_h));
  } else if (info.welcome_animation) {
    draw_welcome_animation(ctx, ImVec2(pic_x, row.y), ImVec2(pic_w, pic_h + ctx.px(20)),
                           ctx.anim_time);
  } else {
    const float mid = pic_x + pic_w / 2;
    draw_card_picture(ctx, ImVec2(mid - ctx.px(215), row.y + ctx.px(10)));
    ImGui::GetWindowDrawList()->AddTriangleFilled(ImVec2(mid - ctx.px(40), row.y + ctx.px(330)),
                                                  ImVec2(mid + ctx.px(40), row.y + ctx.px(330)),
                                                  ImVec2(mid, row.y + ctx.px(390)),
                                                  colour::k_primary);
  }

  const float steps_w = stacked ? std::min(width, ctx.px(760)) : width - pic_w - ctx.px(40);
  ImGui::SetCursorScreenPos(stacked
                                ? ImVec2(row.x + (width - steps_w) / 2, row.y + pic_h + ctx.px(60))
                                : ImVec2(row.x + pic_w + ctx.px(40), row.y + ctx.px(10)));
  ImGui::BeginGroup();
  step(ctx, 1, ctx.tr("Quét mã QR trên thẻ căn cước"), steps_w);
  step(ctx, 2, ctx.tr("Xem và chọn việc làm phù hợp"), steps_w);
  step(ctx, 3, ctx.tr("Chọn giờ phỏng vấn"), steps_w);
  step(ctx, 4, ctx.tr("Nhận phiếu hẹn in ra"), steps_w);
  ImGui::EndGroup();

  ImGui::SetCursorScreenPos(
      ImVec2(row.x, stacked ? ImGui::GetItemRectMax().y + ctx.px(40) : row.y + ctx.px(430)));
  if (view.reading) {
    progress_banner(ctx, ctx.tr("Đang đọc mã QR… Bạn giữ yên thẻ trong giây lát"));
  } else if (!view.notice.empty()) {
    notice(ctx, ctx.t.trv(view.notice, view.notice_args));
  } else if (!info.scanner_ready) {
    notice(ctx, ctx.tr("Máy quét đang tạm ngừng hoạt động. Bạn hãy nhờ cán bộ hỗ trợ."));
  } else if (view.catalog_empty) {
    notice(ctx, ctx.tr("Danh sách việc làm đang được tải, bạn vui lòng đợi trong giây lát."));
  }
  ImGui::Dummy(ImVec2(0, ctx.px(8)));
  if (info.vacancy_count > 0) {
    text_centered(ctx, ctx.fonts.body, colour::k_muted,
                  ctx.trf("Hiện có {} việc làm đang tuyển · Thông tin trên thẻ chỉ dùng cho "
                          "lần tìm việc này và được xoá ngay sau đó",
                          info.vacancy_count));
  }
}

void draw_consent(const UiContext& ctx, const JourneyView& view) {
  const float width = ImGui::GetContentRegionAvail().x;
  const float button_h = ctx.px(120);
  begin_details(ctx, "##consent-details", button_h);
  if (view.card_read && !view.id_check) {
    success_banner(ctx, ctx.tr("Đã đọc thẻ căn cước của bạn"));
  } else {
    ImGui::Dummy(ImVec2(0, ctx.px(96)));
  }
  text(ctx, ctx.fonts.title, colour::k_text,
       view.greeting_name.empty() ? std::string(ctx.tr("Xin chào!"))
                                  : ctx.trf("Xin chào {}!", view.greeting_name));
  ImGui::Dummy(ImVec2(0, ctx.px(10)));
  const float pad = ctx.px(40);
  begin_panel(ctx, pad);
  const float inner = width - 2 * pad;
  text(ctx, ctx.fonts.heading, colour::k_text,
       ctx.tr("Máy sẽ dùng thông tin trên thẻ để tìm việc cho bạn"), inner);
  text(
      ctx, ctx.fonts.body, colour::k_muted,
      view.id_check
          ? ctx.tr("Chúng tôi dùng năm sinh để chọn việc đúng độ tuổi. Thông tin chỉ dùng cho lần "
                   "này và "
                   "được xoá khỏi máy ngay khi bạn kết thúc.")
          : ctx.tr(
                "Chúng tôi dùng ngày sinh để chọn việc đúng độ tuổi và địa chỉ để tìm việc gần nhà "
                "bạn. Thông tin chỉ dùng cho lần này và được xoá khỏi máy ngay khi bạn kết thúc."),
      inner);
  if (!view.id_check) {
    // The card may name a district that no longer exists: the person
    // confirms the ward read from it, or picks theirs.
    ImGui::Dummy(ImVec2(0, ctx.px(6)));
    const std::string_view change_label =
        view.home_area.empty() ? ctx.tr("Chọn phường, xã") : ctx.tr("Chọn nơi khác");
    // Wide enough for its label on one line, whatever the text size.
    const float label_w =
        ctx.fonts.bold
            ->CalcTextSizeA(ctx.fonts.bold->FontSize, FLT_MAX, 0, change_label.data(),
                            change_label.data() + change_label.size())
            .x;
    const ImVec2 change(std::max(ctx.px(360), label_w + ctx.px(56)), ctx.px(72));
    const float line_w = inner - change.x - ctx.px(24);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    text(ctx, ctx.fonts.bold, colour::k_text,
         view.home_area.empty() ? std::string(ctx.tr("Chưa rõ phường, xã nơi bạn ở"))
                                : ctx.trf("Nơi bạn ở: {}", view.home_area),
         line_w);
    ImGui::SetCursorScreenPos(ImVec2(at.x + inner - change.x, at.y - ctx.px(16)));
    if (button(ctx, "##ward", change_label, change, ButtonKind::secondary)) {
      ctx.emit(intent::OpenWardPicker{});
    }
  }
  end_panel(ctx, pad);
  end_details(ctx);
  if (button(ctx, "##agree", ctx.tr("Đồng ý, xem việc làm"), ImVec2(width, button_h))) {
    ctx.emit(intent::AcceptConsent{});
  }
}

}  // namespace kiosk::ui
