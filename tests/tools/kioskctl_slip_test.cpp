// kioskctl slip: a booking confirmation JSON (201 body plus context) printed
// to a file: folder and to a port 9100 stand-in, with the outcome as one JSON
// line that never carries the slip's text.

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "../adapters_print/escpos_test_support.hpp"
#include "../support/source_test_support.hpp"
#include "tools/kioskctl/slip_command.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_seeker = "Tôn Nữ Hoàng Phương Thảo Nguyễn";

nlohmann::json booking_json() {
  return {
      {"booking_id", "b-0001"},
      {"reference", "LB-4Q7X"},
      {"slot",
       {{"id", "s-1"},
        {"starts_at", "2026-12-28T14:45:00+07:00"},
        {"ends_at", "2026-12-28T15:00:00+07:00"},
        {"venue", "Cung Văn hóa Lao động Hữu nghị Việt – Xô, số 91 Trần Hưng Đạo, Hà Nội"},
        {"booth", "Gian số 47 – Khu B"}}},
      {"vacancy",
       {{"id", "v-1"},
        {"title", "Công nhân vận hành xe quét"},
        {"employer",
         {{"name", "Công ty Trách nhiệm hữu hạn Một thành viên Dịch vụ Môi trường Đô thị Hà Nội – "
                   "Chi nhánh Long Biên"}}}}},
      {"instructions", {"Căn cước công dân (bản gốc)"}},
      {"seeker_name", k_seeker},
      {"session_title", "Phiên giao dịch việc làm tháng 12/2026"},
      {"printed_at", "2026-12-20T10:05:00+07:00"}};
}

struct SlipRun {
  int code = 0;
  nlohmann::json line;
  std::string text;
};

SlipRun run(const std::vector<std::string>& args) {
  const auto options = parse_slip_args(args);
  EXPECT_TRUE(options.has_value()) << options.error();
  std::ostringstream out;
  SlipRun r;
  r.code = slip_command(*options, out);
  r.text = out.str();
  r.line = nlohmann::json::parse(r.text, nullptr, false);
  EXPECT_EQ(r.text.find("Thảo"), std::string::npos) << "slip text in the output";
  return r;
}

class SlipTool : public ::testing::Test {
 protected:
  void SetUp() override {
    m_booking = (m_dir.path() / "booking.json").string();
    std::ofstream(m_booking) << booking_json().dump();
  }
  test_support::TempDir m_dir;
  std::string m_booking;
};

TEST_F(SlipTool, PrintsToAFolderAsPngAndJob) {
  const fs::path slips = m_dir.path() / "slips";
  const SlipRun r = run({"--booking", m_booking, "--printer", "file:" + slips.string(), "--width", "384"});
  ASSERT_EQ(r.code, 0) << r.text;
  EXPECT_EQ(r.line["reference"], "LB-4Q7X");
  const fs::path png = r.line["location"].get<std::string>();
  EXPECT_TRUE(fs::is_regular_file(png));
  std::ifstream in(fs::path(png).replace_extension(".bin"), std::ios::binary);
  const print::test::Bytes job{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const auto decoded = print::test::decode_escpos(job, 384);
  ASSERT_TRUE(decoded.ok);
  EXPECT_EQ(print::test::read_qr(decoded.image), "LB-4Q7X");
}

TEST_F(SlipTool, PrintsToAPort9100Printer) {
  print::test::PrinterStandIn printer({{4, {0x12}}, {2, {0x12}}});
  const SlipRun r = run({"--booking", m_booking, "--printer", printer.uri()});
  ASSERT_EQ(r.code, 0) << r.text;
  EXPECT_EQ(r.line["location"], printer.uri());
  const auto decoded = print::test::decode_escpos(printer.captured(), 576);
  EXPECT_EQ(print::test::read_qr(decoded.image), "LB-4Q7X");
}

TEST_F(SlipTool, PaperEndIsReportedAndExitsOne) {
  print::test::PrinterStandIn printer({{4, {0x72}}, {2, {0x32}}});
  const SlipRun r = run({"--booking", m_booking, "--printer", printer.uri()});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.line["ok"], false);
  EXPECT_EQ(r.line["error"], "out_of_paper");
  EXPECT_EQ(r.line["reference"], "LB-4Q7X");
}

TEST_F(SlipTool, BadInputExitsTwo) {
  std::ofstream(m_dir.path() / "bad.json") << R"({"reference": "X"})";
  const SlipRun r = run({"--booking", (m_dir.path() / "bad.json").string(), "--printer", "file:/tmp"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.line["error"], "input");
  const SlipRun unknown = run({"--booking", m_booking, "--printer", "lpt:1"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_FALSE(parse_slip_args({"--booking", m_booking}).has_value());
  EXPECT_FALSE(parse_slip_args({"--printer", "file:/tmp"}).has_value());
  EXPECT_FALSE(parse_slip_args({"--booking", m_booking, "--printer", "x", "--width", "wide"})
                   .has_value());
}

}  // namespace
}  // namespace kiosk
