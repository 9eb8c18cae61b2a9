// kioskctl decode: real PNG files in, JSON out, personal fields masked.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "adapters/print/bitmap1.hpp"
#include "adapters/print/png_writer.hpp"
#include "adapters/print/qr_matrix.hpp"
#include "tools/kioskctl/decode_command.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_card =
    "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên "
    "Hòa, Thành phố Hà Nội|01082021";

// Writes `text` as a QR code PNG with 8-pixel modules and a quiet zone.
fs::path write_qr_png(const fs::path& path, const std::string& text) {
  const auto qr = print::encode_qr(text);
  EXPECT_TRUE(qr.has_value());
  constexpr int k_module = 8;
  constexpr int k_quiet = 4;
  print::Bitmap1 image;
  image.width = (qr->size + 2 * k_quiet) * k_module;
  image.width += (8 - image.width % 8) % 8;
  image.resize_rows((qr->size + 2 * k_quiet) * k_module);
  for (int y = 0; y < qr->size; ++y) {
    for (int x = 0; x < qr->size; ++x) {
      if (qr->at(x, y)) {
        image.fill((x + k_quiet) * k_module, (y + k_quiet) * k_module, k_module, k_module);
      }
    }
  }
  EXPECT_TRUE(print::write_png(image, path.string()).has_value());
  return path;
}

std::vector<nlohmann::json> run_decode(const std::vector<std::string>& files, int* status,
                                       DecodeOptions options = {}) {
  std::stringstream out;
  *status = decode_command(files, options, out);
  std::vector<nlohmann::json> lines;
  std::string line;
  while (std::getline(out, line)) {
    lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

class KioskctlDecode : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("kioskctl-" + std::to_string(::getpid()));
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  fs::path dir;
};

TEST_F(KioskctlDecode, CitizenIdIsPrintedMasked) {
  const auto file = write_qr_png(dir / "card.png", k_card);
  int status = -1;
  const auto lines = run_decode({file.string()}, &status);
  EXPECT_EQ(status, 0);
  ASSERT_EQ(lines.size(), 1u);
  const auto& j = lines[0];
  EXPECT_EQ(j["kind"], "citizen_id");
  EXPECT_EQ(j["citizen"]["id"], "001******345");
  EXPECT_EQ(j["citizen"]["name"], "N. V. A.");
  EXPECT_EQ(j["citizen"]["birth_year"], 1995);
  const std::string dumped = j.dump();
  for (const char* secret : {"001095012345", "Nguyễn", "15031995", "Trần Duy Hưng", "123456789"}) {
    EXPECT_EQ(dumped.find(secret), std::string::npos) << secret;
  }
}

TEST_F(KioskctlDecode, RevealAndRawPrintTheCardOnlyWhenAsked) {
  const auto file = write_qr_png(dir / "card.png", k_card);
  int status = -1;
  const auto lines = run_decode({file.string()}, &status, DecodeOptions{true, true});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["citizen"]["id"], "001095012345");
  EXPECT_EQ(lines[0]["citizen"]["name"], "Nguyễn Văn An");
  EXPECT_EQ(lines[0]["raw"], k_card);
  const auto args = parse_decode_args({"--json", "--reveal", "a.png"});
  ASSERT_TRUE(args.has_value());
  EXPECT_TRUE(args->first.reveal);
  EXPECT_FALSE(args->first.raw);
  EXPECT_FALSE(parse_decode_args({"--bogus", "a.png"}).has_value());
  EXPECT_FALSE(parse_decode_args({"--raw"}).has_value());
}

TEST_F(KioskctlDecode, ADamagedCardPrintsNoneOfItsText) {
  const auto file = write_qr_png(
      dir / "damaged.png", "001095012345|123456789|Nguyễn Văn An|31021995|Nam|Hà Nội|01082021");
  int status = -1;
  const auto lines = run_decode({file.string()}, &status);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["kind"], "damaged_citizen_id");
  EXPECT_EQ(lines[0]["citizen_error"], "bad_date");
  EXPECT_FALSE(lines[0].contains("text"));
  EXPECT_EQ(lines[0].dump().find("001095012345"), std::string::npos);
}

TEST_F(KioskctlDecode, OtherCodesAndUnreadableFilesAreReported) {
  const auto url = write_qr_png(dir / "url.png", "https://dichvuvieclam.hanoi.gov.vn");
  std::ofstream(dir / "broken.png") << "not an image";
  int status = -1;
  const auto lines =
      run_decode({url.string(), (dir / "broken.png").string(), (dir / "missing.png").string()},
                 &status);
  EXPECT_EQ(status, 1);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["kind"], "other");
  EXPECT_EQ(lines[0]["ok"], true);
  EXPECT_EQ(lines[0]["text"], "https://dichvuvieclam.hanoi.gov.vn");
  EXPECT_TRUE(lines[0].contains("ms"));
  EXPECT_EQ(lines[1]["ok"], false);
  EXPECT_EQ(lines[1]["error"], "unreadable_file");
  EXPECT_EQ(lines[2]["error"], "unreadable_file");
}

}  // namespace
}  // namespace kiosk
