// ImagesSource over a folder of zxing-cpp sample images.

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include <gtest/gtest.h>

#include "adapters/scan/images_source.hpp"
#include "scan_test_support.hpp"

namespace kiosk::scan {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using test::Collector;
using test::TempDir;

const fs::path k_samples = fs::path(KIOSK_SHARED_TESTDATA) / "zxing-cpp-qrcode";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Copies a sample image under a new name, returning its expected content.
std::string place(const TempDir& dir, const std::string& sample, const std::string& extension,
                  const std::string& name) {
  fs::copy_file(k_samples / (sample + extension), dir.path() / name);
  return read_file(k_samples / (sample + ".txt"));
}

TEST(ImagesSource, DeliversCodesInNameOrderThenIdles) {
  TempDir dir;
  // Named so that name order differs from copy order.
  const std::string second = place(dir, "qrcode-2/#1314", ".jpg", "b-second.JPG");
  const std::string first = place(dir, "qrcode-1/1", ".png", "a-first.png");
  place(dir, "qrcode-2/13", ".png", "c-no-code.png");  // a known miss: skipped
  const std::string third = place(dir, "qrcode-2/#142", ".jpg", "d-third.jpeg");
  std::ofstream(dir.path() / "e-notes.txt") << "not an image\n";

  ImagesSource source(dir.path(), ImagesSource::Options{0ms});
  Collector collector;
  source.start(collector.scan_handler(), collector.status_handler());
  ASSERT_TRUE(collector.wait_scans(3));
  std::this_thread::sleep_for(100ms);  // nothing more comes
  const auto before = std::chrono::steady_clock::now();
  source.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, 1s);

  EXPECT_EQ(collector.payloads(), (std::vector<std::string>{first, second, third}));
  ASSERT_FALSE(collector.statuses().empty());
  EXPECT_EQ(collector.statuses().front().state, SourceState::ready);
  EXPECT_EQ(collector.statuses().front().detail, "4 images");
  EXPECT_EQ(collector.scans().front().source, "images:" + dir.path().string());
}

TEST(ImagesSource, StopInterruptsTheDelay) {
  TempDir dir;
  const std::string first = place(dir, "qrcode-1/1", ".png", "1.png");
  place(dir, "qrcode-1/11", ".png", "2.png");
  ImagesSource source(dir.path(), ImagesSource::Options{10s});
  Collector collector;
  source.start(collector.scan_handler(), collector.status_handler());
  ASSERT_TRUE(collector.wait_scans(1));
  const auto before = std::chrono::steady_clock::now();
  source.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - before, 1s);
  EXPECT_EQ(collector.payloads(), std::vector<std::string>{first});
}

TEST(ImagesSource, MissingFolderIsReported) {
  ImagesSource source("/nonexistent/kiosk-images");
  Collector collector;
  source.start(collector.scan_handler(), collector.status_handler());
  ASSERT_TRUE(collector.wait_status());
  source.stop();
  EXPECT_EQ(collector.statuses().front().state, SourceState::missing);
  EXPECT_TRUE(collector.payloads().empty());
}

}  // namespace
}  // namespace kiosk::scan
