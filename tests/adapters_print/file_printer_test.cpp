// FilePrinter and make_printer against a real folder.

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>
#include <stb/stb_image.h>

#include "adapters/print/file_printer.hpp"
#include "adapters/print/printer_factory.hpp"
#include "escpos_test_support.hpp"
#include "../support/source_test_support.hpp"

namespace kiosk::print {
namespace {

namespace fs = std::filesystem;

using TempDir = test_support::TempDir;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::unique_ptr<Printer> file_printer(const fs::path& directory, int width) {
  auto printer = make_printer("file:" + directory.string(), width);
  EXPECT_TRUE(printer.has_value()) << printer.error();
  return printer ? std::move(*printer) : nullptr;
}

TEST(FilePrinter, WritesAOneBitPngOfTheRollWidth) {
  TempDir dir;
  const fs::path slips = dir.path() / "var" / "slips";  // created on demand
  auto printer = file_printer(slips, 576);
  ASSERT_NE(printer, nullptr);
  auto receipt = printer->print(test::sample_slip());
  ASSERT_TRUE(receipt.has_value()) << receipt.error().message;

  const fs::path written(receipt->location);
  EXPECT_EQ(written.parent_path(), slips);
  EXPECT_TRUE(written.filename().string().starts_with("slip-"));
  EXPECT_TRUE(written.filename().string().ends_with("-HN-7K2Q.png")) << written;
  ASSERT_TRUE(fs::is_regular_file(written));
  EXPECT_EQ(std::distance(fs::directory_iterator(slips), fs::directory_iterator()),
            2);  // the PNG and the job, no temp left

  const std::string png = read_file(written);
  ASSERT_GT(png.size(), 33U);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  EXPECT_EQ(png[24], 1);  // bit depth
  EXPECT_EQ(png[25], 0);  // colour type: greyscale

  int width = 0;
  int height = 0;
  int channels = 0;
  stbi_uc* pixels = stbi_load(written.c_str(), &width, &height, &channels, 1);
  ASSERT_NE(pixels, nullptr);
  EXPECT_EQ(width, 576);
  EXPECT_GT(height, 576);
  int black = 0;
  int other = 0;
  for (int i = 0; i < width * height; ++i) {
    black += pixels[i] == 0 ? 1 : 0;
    other += pixels[i] != 0 && pixels[i] != 255 ? 1 : 0;
  }
  stbi_image_free(pixels);
  EXPECT_EQ(other, 0);
  EXPECT_GT(black, 0);
  EXPECT_LT(black, width * height / 4);  // white paper, black print
}

TEST(FilePrinter, WritesTheEscPosJobNextToThePng) {
  TempDir dir;
  auto printer = file_printer(dir.path(), 384);
  ASSERT_NE(printer, nullptr);
  auto receipt = printer->print(test::sample_slip());
  ASSERT_TRUE(receipt.has_value()) << receipt.error().message;
  const fs::path job_path = fs::path(receipt->location).replace_extension(".bin");
  ASSERT_TRUE(fs::is_regular_file(job_path));
  const std::string raw = read_file(job_path);
  const test::Bytes job(raw.begin(), raw.end());
  const auto decoded = test::decode_escpos(job, 384);
  ASSERT_TRUE(decoded.ok);
  EXPECT_TRUE(decoded.cut);
  EXPECT_EQ(decoded.status_queries, 0);
  EXPECT_EQ(test::read_qr(decoded.image), "HN-7K2Q");
}

TEST(FilePrinter, TwoPrintsOfOneSlipKeepBothFiles) {
  TempDir dir;
  auto printer = file_printer(dir.path(), 384);
  ASSERT_NE(printer, nullptr);
  auto first = printer->print(test::sample_slip());
  auto second = printer->print(test::sample_slip());
  ASSERT_TRUE(first && second);
  EXPECT_NE(first->location, second->location);
  EXPECT_TRUE(fs::exists(first->location) && fs::exists(second->location));
}

TEST(FilePrinter, UnwritableDirectoryIsOfflineNotACrash) {
  TempDir dir;
  const fs::path file = dir.path() / "a-file";
  std::ofstream(file) << "x";
  // Below a regular file nothing can be created, even as root.
  for (const fs::path& target : {file / "slips", file}) {
    auto printer = file_printer(target, 576);
    ASSERT_NE(printer, nullptr);
    auto receipt = printer->print(test::sample_slip());
    ASSERT_FALSE(receipt.has_value()) << target;
    EXPECT_EQ(receipt.error().kind, PrintError::offline);
    EXPECT_NE(receipt.error().message.find(target.string()), std::string::npos)
        << receipt.error().message;
  }
}

TEST(FilePrinter, RenderFailureIsFailed) {
  TempDir dir;
  auto printer = file_printer(dir.path(), 384);
  ASSERT_NE(printer, nullptr);
  const Slip slip{
      "BIG",
      {SlipBlock{SlipBlock::Kind::qr, std::string(2500, 'x'), SlipStyle::body, true, false}}};
  auto receipt = printer->print(slip);
  ASSERT_FALSE(receipt.has_value());
  EXPECT_EQ(receipt.error().kind, PrintError::failed);
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(FilePrinter, FactoryRejectsBadUrisNamingThem) {
  for (const std::string uri :
       {"lpt:/dev/lp0", "escpos-usb:", "escpos-tcp:", "escpos-tcp:10.0.0.5:port",
        "escpos-tcp:[::1", "escpos-tcp::9100", "cups:", "file:", "/var/slips"}) {
    auto printer = make_printer(uri, 576);
    ASSERT_FALSE(printer.has_value()) << uri;
    EXPECT_NE(printer.error().find(uri), std::string::npos) << printer.error();
  }
  auto bad_font =
      make_printer("file:/tmp/x", 576, SlipFonts{"/nonexistent/a.ttf", "/nonexistent/b.ttf"});
  ASSERT_FALSE(bad_font.has_value());
  EXPECT_NE(bad_font.error().find("/nonexistent/a.ttf"), std::string::npos) << bad_font.error();
  EXPECT_FALSE(make_printer("file:/tmp/x", 100).has_value());
}

TEST(FilePrinter, FactoryBuildsEveryBackendWithoutOpeningIt) {
  for (const std::string uri : {"escpos-usb:/dev/usb/lp0", "escpos-tcp:10.0.0.5:9100",
                                "escpos-tcp:printer.local", "escpos-tcp://[fe80::1]:9100",
                                "cups:slips", "file:/tmp/slips"}) {
    EXPECT_TRUE(make_printer(uri, 576).has_value()) << uri;
  }
}

TEST(FilePrinter, FactoryAcceptsFileUrls) {
  TempDir dir;
  auto printer = make_printer("file://" + dir.path().string(), 384);
  ASSERT_TRUE(printer.has_value()) << printer.error();
  auto receipt = (*printer)->print(test::sample_slip());
  ASSERT_TRUE(receipt.has_value()) << receipt.error().message;
  EXPECT_EQ(fs::path(receipt->location).parent_path(), dir.path());
}

}  // namespace
}  // namespace kiosk::print
