// kioskctl decode over ZXing-cpp's own QR sample images (shared/testdata):
// at least 145 of the 162 single-code images read right, none reads wrong.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tools/kioskctl/decode_command.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

std::string normalise(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') {
        ++i;
      }
    } else {
      out += s[i];
    }
  }
  return out;
}

TEST(KioskctlSamples, ReadsAtLeast145Of162AndNoneWrong) {
  const fs::path root = KIOSK_SHARED_TESTDATA "/zxing-cpp-qrcode";
  ASSERT_TRUE(fs::exists(root)) << root;
  int images = 0;
  int right = 0;
  int wrong = 0;
  for (int folder = 1; folder <= 6; ++folder) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(root / ("qrcode-" + std::to_string(folder)))) {
      const auto ext = e.path().extension().string();
      if (ext == ".png" || ext == ".jpg") {
        files.push_back(e.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& image : files) {
      fs::path expected_file = image;
      expected_file.replace_extension(".txt");
      if (!fs::exists(expected_file)) {
        continue;
      }
      ++images;
      std::ifstream in(expected_file, std::ios::binary);
      std::stringstream expected;
      expected << in.rdbuf();
      std::stringstream out;
      decode_command({image.string()}, DecodeOptions{true, false}, out);
      const auto j = nlohmann::json::parse(out.str());
      if (!j["ok"].get<bool>()) {
        continue;
      }
      if (normalise(j["raw"].get<std::string>()) == normalise(expected.str())) {
        ++right;
      } else {
        ++wrong;
        ADD_FAILURE() << image << " read as something else";
      }
    }
  }
  EXPECT_EQ(images, 162);
  EXPECT_GE(right, 145);
  EXPECT_EQ(wrong, 0);
  std::cout << right << " of " << images << " sample images read right, " << wrong << " wrong\n";
}

}  // namespace
}  // namespace kiosk
