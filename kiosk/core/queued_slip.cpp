#include "core/queued_slip.hpp"

#include <cctype>

#include <fmt/format.h>

namespace kiosk {
namespace {

SlipBlock line(std::string_view t, SlipStyle style, bool centered = false, bool bold = false) {
  return SlipBlock{SlipBlock::Kind::text, std::string(t), style, centered, bold};
}

SlipBlock mark(SlipBlock::Kind kind) { return SlipBlock{kind, {}, SlipStyle::body, false, false}; }

}  // namespace

std::string request_code(const std::string& idempotency_key) {
  std::string hex;
  for (const char c : idempotency_key) {
    if (std::isxdigit(static_cast<unsigned char>(c)) != 0) {
      hex += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (hex.size() == 8) {
      return hex.substr(0, 4) + "-" + hex.substr(4);
    }
  }
  return idempotency_key.substr(0, 12);  // not a UUID: the key itself, short
}

Slip make_queued_slip(const QueuedRequest& request, const SlipContext& context) {
  const Tr& t = context.tr;
  Slip slip;
  slip.reference = request.request_code;
  auto& b = slip.blocks;
  b.push_back(line(context.centre_name, SlipStyle::heading, true, true));
  b.push_back(mark(SlipBlock::Kind::rule));
  b.push_back(line(
      request.interest ? t.tr("ĐĂNG KÝ QUAN TÂM VIỆC LÀM") : t.tr("YÊU CẦU ĐẶT LỊCH ĐÃ ĐƯỢC LƯU"),
      SlipStyle::title, true, true));
  b.push_back(line(request.delivered ? t.tr("Trung tâm đã nhận đăng ký của bạn")
                                     : t.tr("Chưa gửi được đến Trung tâm"),
                   SlipStyle::body, true));
  b.push_back(mark(SlipBlock::Kind::gap));
  b.push_back(
      line(request.delivered ? t.tr("Mã đăng ký") : t.tr("Mã yêu cầu"), SlipStyle::small, true));
  b.push_back(line(request.request_code, SlipStyle::reference, true, true));
  b.push_back(SlipBlock{SlipBlock::Kind::qr, request.request_code, SlipStyle::body, true, false});
  b.push_back(mark(SlipBlock::Kind::rule));
  b.push_back(line(t.trf("Người lao động: {}", context.seeker_name), SlipStyle::body));
  b.push_back(line(t.trf("Vị trí: {}", request.vacancy_title), SlipStyle::body, false, true));
  b.push_back(line(t.trf("Đơn vị: {}", request.employer_name), SlipStyle::body));
  if (request.slot) {
    b.push_back(line(t.trf("Giờ bạn chọn: {} – {}, {}", format_vn_hhmm(request.slot->starts_at),
                           format_vn_hhmm(request.slot->ends_at),
                           format_weekday_date(request.slot->starts_at, t)),
                     SlipStyle::body, false, true));
  }
  b.push_back(mark(SlipBlock::Kind::rule));
  if (!request.delivered) {
    b.push_back(line(t.tr("Máy sẽ tự gửi yêu cầu này khi có mạng."), SlipStyle::body));
  }
  b.push_back(
      line(request.interest
               ? t.tr("Trung tâm sẽ liên hệ với bạn để hẹn lịch phỏng vấn; bạn cũng có thể hỏi "
                      "tại quầy và đưa mã ở trên.")
               : t.tr("Trung tâm sẽ liên hệ để xác nhận lịch hẹn; bạn cũng có thể hỏi tại quầy "
                      "và đưa mã yêu cầu ở trên."),
           SlipStyle::body));
  b.push_back(mark(SlipBlock::Kind::rule));
  b.push_back(line(t.trf("In lúc {} {}", format_vn_hhmm(context.printed_at),
                         format_vn_date(vn_date(context.printed_at))),
                   SlipStyle::small, true));
  return slip;
}

}  // namespace kiosk
