#pragma once
// Shared fixtures of the print adapter tests: a booking slip full of long
// Vietnamese text, and turning a 1-bit raster into something QrDecoder reads.

#include <chrono>
#include <cstdint>
#include <vector>

#include "adapters/print/bitmap1.hpp"
#include "core/slip.hpp"

namespace kiosk::print::test {

inline Slip sample_slip() {
  using namespace std::chrono;
  BookingConfirmation booking;
  booking.booking_id = "b-20261127-0042";
  booking.reference = "HN-7K2Q";
  // 08:30–09:00 in Hanoi (UTC+7).
  booking.slot.starts_at = sys_days{year{2026} / 11 / 27} + hours{1} + minutes{30};
  booking.slot.ends_at = booking.slot.starts_at + minutes{30};
  booking.slot.venue =
      "Trung tâm Dịch vụ việc làm Hà Nội, số 215 Trung Kính, Phường Yên Hòa, Thành phố Hà Nội";
  booking.slot.booth = "B12";
  booking.vacancy_title = "Nhân viên kỹ thuật điện – điện tử (bảo trì thiết bị viễn thông)";
  booking.employer_name =
      "Công ty Trách nhiệm Hữu hạn Một thành viên Thương mại và Dịch vụ Kỹ thuật Điện tử Viễn "
      "thông Đống Đa";
  booking.instructions = {
      "Căn cước công dân (bản gốc) và 02 ảnh 3×4",
      "Sơ yếu lý lịch có xác nhận, bằng cấp, chứng chỉ…",
      "Mức lương khởi điểm: 9.500.000 ₫ – 12.000.000 ₫/tháng; đến sớm 15 phút và xuất trình “Phiếu "
      "hẹn” này",
  };
  SlipContext context;
  context.centre_name = "Trung tâm Dịch vụ việc làm Hà Nội";
  context.session_title = "Phiên giao dịch việc làm chuyên đề bộ đội xuất ngũ – 28/12";
  context.seeker_name = "Nguyễn Thị Ngọc Ánh";
  context.printed_at = sys_days{year{2026} / 11 / 20} + hours{2} + minutes{14};
  return make_booking_slip(booking, context);
}

/// A booking whose employer, title, booth and venue all wrap.
inline BookingConfirmation long_booking(std::string reference) {
  using namespace std::chrono;
  BookingConfirmation b;
  b.booking_id = "b-" + reference;
  b.reference = std::move(reference);
  b.slot.starts_at = sys_days{year{2026} / 12 / 28} + hours{7} + minutes{45};  // 14:45 in Hanoi
  b.slot.ends_at = b.slot.starts_at + minutes{15};
  b.slot.booth = "Gian số 47 – Khu B (tầng 2, cạnh cầu thang máy)";
  b.slot.venue =
      "Cung Văn hóa Lao động Hữu nghị Việt – Xô, số 91 Trần Hưng Đạo, Phường Cửa Nam, Thành phố "
      "Hà Nội (lối vào cổng phụ phố Trần Bình Trọng)";
  b.vacancy_title =
      "Công nhân vận hành xe quét, xe hút bụi và thiết bị thu gom rác thải sinh hoạt đô thị (ca "
      "đêm)";
  b.employer_name =
      "Công ty Trách nhiệm hữu hạn Một thành viên Dịch vụ Môi trường Đô thị Hà Nội – Chi nhánh "
      "Long Biên";
  b.instructions = {"Căn cước công dân (bản gốc) hoặc Giấy xác nhận thông tin cư trú",
                    "Giấy chứng nhận sức khỏe do cơ sở y tế cấp trong vòng 06 tháng",
                    "Bằng lái xe hạng C (đối với vị trí lái xe)"};
  return b;
}

/// A long centre, session and seeker name.
inline SlipContext long_context() {
  using namespace std::chrono;
  SlipContext c;
  c.centre_name = "Trung tâm Dịch vụ việc làm Hà Nội – Chi nhánh Long Biên, Gia Lâm";
  c.session_title =
      "Phiên giao dịch việc làm trực tuyến kết nối các quận, huyện và tỉnh lân cận tháng 12/2026";
  c.seeker_name = "Tôn Nữ Hoàng Phương Thảo Nguyễn";
  c.printed_at = sys_days{year{2026} / 12 / 20} + hours{3} + minutes{5};
  return c;
}

/// The long-names slip (employer, venue, seeker) of the gallery and the benchmark.
inline Slip long_slip() {
  return make_booking_slip(long_booking("LB-4Q7X"), long_context());
}

/// 0 (black) / 255 (white) greyscale, one byte per dot.
inline std::vector<std::uint8_t> to_grey(const Bitmap1& image) {
  std::vector<std::uint8_t> grey(static_cast<std::size_t>(image.width) *
                                 static_cast<std::size_t>(image.height));
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      grey[static_cast<std::size_t>(y * image.width + x)] = image.get(x, y) ? 0 : 255;
    }
  }
  return grey;
}

}  // namespace kiosk::print::test
