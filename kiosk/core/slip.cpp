#include "core/slip.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace kiosk {
namespace {

SlipBlock text(std::string_view t, SlipStyle style, bool centered = false, bool bold = false) {
  return SlipBlock{SlipBlock::Kind::text, std::string(t), style, centered, bold};
}

SlipBlock block(SlipBlock::Kind kind) { return SlipBlock{kind, {}, SlipStyle::body, false, false}; }

}  // namespace

void Slip::wipe() noexcept {
  for (auto& b : blocks) {
    secure_wipe(b.text);
  }
  blocks.clear();
}

Slip make_booking_slip(const BookingConfirmation& booking, const SlipContext& context) {
  const Tr& t = context.tr;
  Slip slip;
  slip.reference = booking.reference;
  auto& b = slip.blocks;
  b.push_back(text(context.centre_name, SlipStyle::heading, true, true));
  if (!context.session_title.empty()) {
    b.push_back(text(context.session_title, SlipStyle::body, true));
  }
  b.push_back(block(SlipBlock::Kind::rule));
  b.push_back(text(t.tr("PHIẾU HẸN PHỎNG VẤN"), SlipStyle::title, true, true));
  b.push_back(block(SlipBlock::Kind::gap));
  b.push_back(text(t.tr("Mã đặt lịch"), SlipStyle::small, true));
  b.push_back(text(booking.reference, SlipStyle::reference, true, true));
  b.push_back(SlipBlock{SlipBlock::Kind::qr, booking.reference, SlipStyle::body, true, false});
  b.push_back(block(SlipBlock::Kind::rule));
  b.push_back(text(t.trf("Người lao động: {}", context.seeker_name), SlipStyle::body));
  b.push_back(text(t.trf("Vị trí: {}", booking.vacancy_title), SlipStyle::body, false, true));
  b.push_back(text(t.trf("Đơn vị: {}", booking.employer_name), SlipStyle::body));
  b.push_back(block(SlipBlock::Kind::gap));
  b.push_back(text(t.trf("Thời gian: {} – {}", format_vn_hhmm(booking.slot.starts_at),
                         format_vn_hhmm(booking.slot.ends_at)),
                   SlipStyle::heading, false, true));
  b.push_back(
      text(format_weekday_date(booking.slot.starts_at, t), SlipStyle::heading, false, true));
  if (!booking.slot.booth.empty()) {
    b.push_back(
        text(t.trf("Phỏng vấn tại: {}", booking.slot.booth), SlipStyle::heading, false, true));
  }
  if (!booking.slot.venue.empty()) {
    b.push_back(text(t.trf("Địa điểm: {}", booking.slot.venue), SlipStyle::body));
  }
  if (!booking.instructions.empty()) {
    b.push_back(block(SlipBlock::Kind::rule));
    b.push_back(text(t.tr("Cần mang theo:"), SlipStyle::body, false, true));
    for (const auto& line : booking.instructions) {
      b.push_back(text("• " + line, SlipStyle::body));
    }
  }
  b.push_back(block(SlipBlock::Kind::rule));
  b.push_back(text(t.trf("In lúc {} {}", format_vn_hhmm(context.printed_at),
                         format_vn_date(vn_date(context.printed_at))),
                   SlipStyle::small, true));
  return slip;
}

Slip make_test_slip(std::string_view kiosk_id, const SlipContext& context) {
  const Tr& t = context.tr;
  Slip slip;
  slip.reference = "TEST";
  auto& b = slip.blocks;
  b.push_back(text(context.centre_name, SlipStyle::heading, true, true));
  b.push_back(block(SlipBlock::Kind::rule));
  b.push_back(text(t.tr("PHIẾU IN THỬ"), SlipStyle::title, true, true));
  b.push_back(text(t.trf("Ki-ốt {}", kiosk_id), SlipStyle::body, true));
  b.push_back(block(SlipBlock::Kind::gap));
  // Every size and the Vietnamese letters that need the most marks, so
  // staff see at once whether the printer drops or garbles anything.
  b.push_back(text("Ấ Ầ Ẩ Ẫ Ậ ắ ằ ẳ ẵ ặ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự Đ đ ₫", SlipStyle::body));
  b.push_back(text(t.tr("Chữ nhỏ"), SlipStyle::small));
  b.push_back(text(t.tr("Chữ tiêu đề"), SlipStyle::heading, false, true));
  b.push_back(text("TEST-0123", SlipStyle::reference, true, true));
  b.push_back(SlipBlock{SlipBlock::Kind::qr, "TEST-0123", SlipStyle::body, true, false});
  b.push_back(block(SlipBlock::Kind::rule));
  b.push_back(text(t.trf("In lúc {} {}", format_vn_hhmm(context.printed_at),
                         format_vn_date(vn_date(context.printed_at))),
                   SlipStyle::small, true));
  return slip;
}

}  // namespace kiosk
