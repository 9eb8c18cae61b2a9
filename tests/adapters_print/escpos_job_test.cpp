// encode_escpos_job and the DLE EOT answers, on small hand-made rasters.

#include <gtest/gtest.h>

#include "adapters/print/escpos_job.hpp"
#include "escpos_test_support.hpp"

namespace kiosk::print {
namespace {

using test::Bytes;

Bitmap1 blank(int width, int height) {
  Bitmap1 image;
  image.width = width;
  image.resize_rows(height);
  return image;
}

TEST(EscPosJob, BlankRowsBecomeFeedsAndBandsAreCutToTheirInk) {
  Bitmap1 image = blank(64, 300);
  image.fill(0, 10, 8, 5);    // rows 10-14, first byte only
  image.fill(40, 200, 8, 1);  // row 200, byte 5
  const auto job = encode_escpos_job(image, EscPosJobOptions{203, true, 128});
  const Bytes expected_head{0x1B, '@', 0x1D, 'P', 203, 203, 0x1B, 'J', 10,
                            0x1D, 'v',  '0', 0,   1,   0,   5,   0};
  ASSERT_GE(job.size(), expected_head.size());
  EXPECT_EQ(Bytes(job.begin(), job.begin() + static_cast<long>(expected_head.size())),
            expected_head);
  const Bytes tail{0x1D, 'V', 66, 0};
  EXPECT_EQ(Bytes(job.end() - 4, job.end()), tail);
  const auto decoded = test::decode_escpos(job, 64);
  ASSERT_TRUE(decoded.ok);
  EXPECT_EQ(decoded.bands, 2);
  EXPECT_EQ(decoded.image.height, 300);
  EXPECT_EQ(decoded.image.bits, image.bits);
  EXPECT_LT(job.size(), 64U);  // vs 2,400 bytes of raw raster
}

TEST(EscPosJob, TallInkIsSplitIntoBandsOfAtMostBandRows) {
  Bitmap1 image = blank(576, 1000);
  image.fill(0, 0, 576, 1000);
  const auto job = encode_escpos_job(image, EscPosJobOptions{203, true, 128});
  const auto decoded = test::decode_escpos(job, 576);
  ASSERT_TRUE(decoded.ok);
  EXPECT_EQ(decoded.bands, 8);  // 7 × 128 + 104
  EXPECT_EQ(decoded.image.bits, image.bits);
  const auto small = test::decode_escpos(encode_escpos_job(image, EscPosJobOptions{203, true, 24}),
                                         576);
  EXPECT_EQ(small.bands, 42);  // 41 × 24 + 16
}

TEST(EscPosJob, WithoutACutterItFeedsToTheTearBar) {
  const auto job = encode_escpos_job(blank(384, 8), EscPosJobOptions{203, false, 128});
  const auto decoded = test::decode_escpos(job, 384);
  EXPECT_TRUE(decoded.ok);
  EXPECT_FALSE(decoded.cut);
  EXPECT_GE(decoded.image.height, 8 + 90);  // about 12 mm more
  EXPECT_EQ(decoded.bands, 0);
}

TEST(EscPosJob, StatusQueriesAndAnswers) {
  EXPECT_EQ(status_query(StatusKind::paper), (std::array<std::uint8_t, 3>{0x10, 0x04, 4}));
  EXPECT_TRUE(is_status_answer(0x12));
  EXPECT_FALSE(is_status_answer(0x00));
  EXPECT_FALSE(is_status_answer(0xFF));
  EXPECT_FALSE(is_status_answer(0x13));  // bit 0 is fixed off

  PrinterCondition fine;
  apply_status(fine, StatusKind::paper, 0x12);
  apply_status(fine, StatusKind::offline_cause, 0x12);
  EXPECT_TRUE(fine.answered);
  EXPECT_FALSE(condition_failure(fine).has_value());

  PrinterCondition near_end;
  apply_status(near_end, StatusKind::paper, 0x1E);
  EXPECT_TRUE(near_end.paper_near_end);
  EXPECT_FALSE(condition_failure(near_end).has_value());  // still prints

  for (const std::uint8_t end : {0x72, 0x7E, 0x32, 0x52}) {
    PrinterCondition c;
    apply_status(c, StatusKind::paper, end);
    ASSERT_TRUE(condition_failure(c).has_value()) << int(end);
    EXPECT_EQ(condition_failure(c)->kind, PrintError::out_of_paper);
  }
  PrinterCondition stopped;  // DLE EOT 2 bit 5: printing stopped by paper end
  apply_status(stopped, StatusKind::offline_cause, 0x32);
  EXPECT_EQ(condition_failure(stopped)->kind, PrintError::out_of_paper);

  PrinterCondition cover;
  apply_status(cover, StatusKind::offline_cause, 0x16);
  EXPECT_EQ(condition_failure(cover)->kind, PrintError::out_of_paper);

  PrinterCondition cutter;
  apply_status(cutter, StatusKind::error_cause, 0x1A);
  EXPECT_EQ(condition_failure(cutter)->kind, PrintError::failed);

  PrinterCondition offline;
  apply_status(offline, StatusKind::printer, 0x1A);
  EXPECT_EQ(condition_failure(offline)->kind, PrintError::offline);

  PrinterCondition noise;
  apply_status(noise, StatusKind::paper, 0xFF);
  EXPECT_FALSE(noise.answered);
}

}  // namespace
}  // namespace kiosk::print
