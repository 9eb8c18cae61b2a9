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
