// The ESC/POS printers against stand-ins: a port 9100 printer on loopback
// (the job decoded back into an image with the test's own GS v 0 reader, and
// its QR read with ZXing), paper end and cover open, a silent printer, no
// printer, and the device-file path (a regular file and a pty that answers).

#include <fcntl.h>
#include <pty.h>
#include <termios.h>

#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "adapters/print/printer_factory.hpp"
#include "escpos_test_support.hpp"
#include "../support/source_test_support.hpp"

namespace kiosk::print {
namespace {

using namespace std::chrono_literals;
using test::Bytes;
using test::PrinterStandIn;

constexpr std::uint8_t k_paper_ok = 0x12;         // DLE EOT 4: fixed bits only
constexpr std::uint8_t k_paper_end = 0x72;        // bits 5-6: roll paper end (+ fixed)
constexpr std::uint8_t k_paper_near_end = 0x1E;   // bits 2-3: near end (+ fixed)
constexpr std::uint8_t k_no_offline_cause = 0x12; // DLE EOT 2: fixed bits only
constexpr std::uint8_t k_cover_open = 0x16;       // DLE EOT 2 bit 2

EscPosTimeouts quick() {
  EscPosTimeouts t;
  t.connect = 1000ms;
  t.send = 2000ms;
  t.status = 200ms;
  t.status_after = 300ms;
  return t;
}

std::unique_ptr<Printer> printer_for(const std::string& uri, int width, bool cutter = true) {
  Profile::Printer settings;
  settings.uri = uri;
  settings.width_dots = width;
  settings.cutter = cutter;
  auto printer = make_slip_printer(settings, default_slip_fonts(), quick());
  EXPECT_TRUE(printer.has_value()) << printer.error();
  return printer ? std::move(*printer) : nullptr;
}

Bitmap1 rendered(int width) {
  auto renderer = SlipRenderer::create(width, default_slip_fonts());
  return (*renderer)->render(test::sample_slip())->image;
}

Bytes read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void expect_slip_job(const Bytes& captured, int width) {
  const auto job = test::decode_escpos(captured, width);
  ASSERT_TRUE(job.ok);
  EXPECT_TRUE(job.initialised);
  EXPECT_TRUE(job.cut);
  EXPECT_GT(job.bands, 1);
  // The slip as the printer would put it on paper, dot for dot.
  const Bitmap1 expected = rendered(width);
  EXPECT_EQ(job.image.width, expected.width);
  EXPECT_EQ(job.image.height, expected.height);
  EXPECT_EQ(job.image.bits, expected.bits);
  EXPECT_EQ(test::read_qr(job.image), "HN-7K2Q");
}

class EscPosTcp : public ::testing::TestWithParam<int> {};

TEST_P(EscPosTcp, PrintedSlipDecodesBackToTheBookingQr) {
  PrinterStandIn stand_in({{4, {k_paper_ok}}, {2, {k_no_offline_cause}}});
  auto printer = printer_for(stand_in.uri(), GetParam());
  ASSERT_NE(printer, nullptr);
  auto receipt = printer->print(test::sample_slip());
  ASSERT_TRUE(receipt.has_value()) << receipt.error().message;
  EXPECT_EQ(receipt->location, stand_in.uri());
  printer.reset();
  const Bytes captured = stand_in.captured();
  expect_slip_job(captured, GetParam());
  const auto job = test::decode_escpos(captured, GetParam());
  EXPECT_GE(job.status_queries, 4);  // 4 and 2, before and after
  EXPECT_LT(job.first_query_offset, job.raster_offset);  // asked before printing
}

INSTANTIATE_TEST_SUITE_P(Widths, EscPosTcp, ::testing::Values(384, 576));

TEST(EscPosTcpStatus, PaperEndIsOutOfPaperAndNoRasterIsSent) {
  PrinterStandIn stand_in({{4, {k_paper_end}}, {2, {0x32}}});
  auto printer = printer_for(stand_in.uri(), 576);
  auto receipt = printer->print(test::sample_slip());
  ASSERT_FALSE(receipt.has_value());
  EXPECT_EQ(receipt.error().kind, PrintError::out_of_paper);
  EXPECT_NE(receipt.error().message.find("paper end"), std::string::npos)
      << receipt.error().message;
  printer.reset();
  const auto job = test::decode_escpos(stand_in.captured(), 576);
  EXPECT_GE(job.status_queries, 1);
  EXPECT_EQ(job.bands, 0);
  EXPECT_EQ(job.raster_offset, -1);
}

TEST(EscPosTcpStatus, CoverOpenIsOutOfPaper) {
  PrinterStandIn stand_in({{4, {k_paper_ok}}, {2, {k_cover_open}}});
  auto printer = printer_for(stand_in.uri(), 384);
  auto receipt = printer->print(test::sample_slip());
  ASSERT_FALSE(receipt.has_value());
  EXPECT_EQ(receipt.error().kind, PrintError::out_of_paper);
  EXPECT_NE(receipt.error().message.find("cover"), std::string::npos);
  printer.reset();
  EXPECT_EQ(test::decode_escpos(stand_in.captured(), 384).bands, 0);
}

TEST(EscPosTcpStatus, PaperRunningOutDuringTheSlipIsOutOfPaper) {
  PrinterStandIn stand_in({{4, {k_paper_near_end, k_paper_end}}, {2, {k_no_offline_cause}}});
  auto printer = printer_for(stand_in.uri(), 576);
  auto receipt = printer->print(test::sample_slip());
  ASSERT_FALSE(receipt.has_value());
  EXPECT_EQ(receipt.error().kind, PrintError::out_of_paper);
  EXPECT_NE(receipt.error().message.find("after printing"), std::string::npos);
  printer.reset();
  EXPECT_GT(test::decode_escpos(stand_in.captured(), 576).bands, 0);
}

TEST(EscPosTcpStatus, APrinterThatNeverAnswersIsUnknownAndPrinted) {
  PrinterStandIn stand_in({});
  auto printer = printer_for(stand_in.uri(), 576);
  const auto started = std::chrono::steady_clock::now();
  auto receipt = printer->print(test::sample_slip());
  ASSERT_TRUE(receipt.has_value()) << receipt.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);  // one short wait each side
  printer.reset();
  expect_slip_job(stand_in.captured(), 576);
}

TEST(EscPosTcpStatus, NoPrinterListeningIsOffline) {
  int port = 0;
  {
    PrinterStandIn gone({});  // a port that was free a moment ago
    port = gone.port();
  }
  auto printer = printer_for("escpos-tcp:127.0.0.1:" + std::to_string(port), 384);
  auto receipt = printer->print(test::sample_slip());
  ASSERT_FALSE(receipt.has_value());
  EXPECT_EQ(receipt.error().kind, PrintError::offline);
  EXPECT_NE(receipt.error().message.find(std::to_string(port)), std::string::npos);
}

TEST(EscPosUsb, JobGoesToTheDeviceFileWithoutStatusQueries) {
  test_support::TempDir dir;
  const std::string device = (dir.path() / "lp0").string();
  std::ofstream(device).close();  // a regular file stands in for /dev/usb/lp0
  auto printer = printer_for("escpos-usb:" + device, 576);
  auto receipt = printer->print(test::sample_slip());
  ASSERT_TRUE(receipt.has_value()) << receipt.error().message;
  EXPECT_EQ(receipt->location, "escpos-usb:" + device);
  const Bytes written = read_bytes(device);
  expect_slip_job(written, 576);
  EXPECT_EQ(test::decode_escpos(written, 576).status_queries, 0);
}

TEST(EscPosUsb, MissingDeviceIsOffline) {
  auto printer = printer_for("escpos-usb:/dev/usb/lp-kiosk-test-none", 384);
  auto receipt = printer->print(test::sample_slip());
  ASSERT_FALSE(receipt.has_value());
  EXPECT_EQ(receipt.error().kind, PrintError::offline);
  EXPECT_NE(receipt.error().message.find("/dev/usb/lp-kiosk-test-none"), std::string::npos);
}

// A pty as a device that answers: the test plays the printer on the master.
TEST(EscPosUsb, DeviceAnsweringPaperEndIsOutOfPaper) {
  int master = -1;
  int slave = -1;
  char name[256] = {};
  ASSERT_EQ(::openpty(&master, &slave, name, nullptr, nullptr), 0);
  termios raw{};
  ::tcgetattr(slave, &raw);
  ::cfmakeraw(&raw);  // DLE EOT must pass as bytes, not as end-of-file
  ::tcsetattr(slave, TCSANOW, &raw);
  std::thread printer_side([master] {
    std::uint8_t query[3] = {};
    std::size_t got = 0;
    while (got < 3) {
      pollfd p{master, POLLIN, 0};
      if (::poll(&p, 1, 2000) <= 0) {
        return;
      }
      const ssize_t n = ::read(master, query + got, 3 - got);
      if (n <= 0) {
        return;
      }
      got += static_cast<std::size_t>(n);
    }
    const std::uint8_t answer = query[2] == 4 ? k_paper_end : k_no_offline_cause;
    ::write(master, &answer, 1);
  });
  auto printer = printer_for(std::string("escpos-usb:") + name, 384);
  auto receipt = printer->print(test::sample_slip());
  printer_side.join();
  ASSERT_FALSE(receipt.has_value());
  EXPECT_EQ(receipt.error().kind, PrintError::out_of_paper);
  ::close(slave);
  ::close(master);
}

}  // namespace
}  // namespace kiosk::print
