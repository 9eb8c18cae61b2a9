// espeak-ng reads a vacancy aloud into a WAV file: real synthesis, checked
// for a plausible length and for sound rather than silence.

#include "adapters/speech/espeak_speech.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "core/spoken_text.hpp"

namespace kiosk::speech {
namespace {

namespace fs = std::filesystem;

Vacancy welder() {
  Vacancy v;
  v.id = "vac-1";
  v.title = "Thợ hàn điện";
  v.employer_name = "Công ty Cổ phần Cơ khí Long Biên";
  v.salary_min_vnd = 8'000'000;
  v.salary_max_vnd = 12'500'000;
  v.salary_period = "month";
  v.ward_name = "Phường Long Biên";
  v.employment_type = "full_time";
  v.slots_available = 5;
  return v;
}

TEST(SpokenText, SaysTheVacancyInPlainWords) {
  const std::string text = spoken_vacancy(welder(), Tr{});
  EXPECT_NE(text.find("Thợ hàn điện."), std::string::npos);
  EXPECT_NE(text.find("Lương từ 8 đến 12 phẩy 5 triệu đồng một tháng."), std::string::npos);
  EXPECT_NE(text.find("Nơi làm việc: Phường Long Biên."), std::string::npos);
  EXPECT_NE(text.find("Còn 5 suất phỏng vấn."), std::string::npos);
}

TEST(EspeakSpeech, SpeaksAVacancyInVietnameseToAWavFile) {
  const std::string text = spoken_vacancy(welder(), Tr{});
  const auto audio = synthesize(text, "vi");
  ASSERT_TRUE(audio.has_value()) << audio.error();
  ASSERT_GT(audio->sample_rate, 8000);
  // About 40 words: several seconds of speech, not a click and not minutes.
  const double seconds = static_cast<double>(audio->samples.size()) / audio->sample_rate;
  EXPECT_GT(seconds, 4.0);
  EXPECT_LT(seconds, 40.0);
  const auto loudest = std::max_element(
      audio->samples.begin(), audio->samples.end(),
      [](std::int16_t a, std::int16_t b) { return std::abs(a) < std::abs(b); });
  EXPECT_GT(std::abs(*loudest), 2000);  // sound, not silence

  const fs::path wav = fs::temp_directory_path() / "kiosk-speech-test.wav";
  ASSERT_TRUE(write_wav(wav, *audio).has_value());
  EXPECT_EQ(fs::file_size(wav), 44 + audio->samples.size() * 2);
  std::ifstream in(wav, std::ios::binary);
  char riff[4];
  in.read(riff, 4);
  EXPECT_EQ(std::string(riff, 4), "RIFF");
  fs::remove(wav);

  // A longer text takes longer to say.
  const auto longer = synthesize(text + " " + text, "vi");
  ASSERT_TRUE(longer.has_value());
  EXPECT_GT(longer->samples.size(), audio->samples.size() * 3 / 2);
}

TEST(EspeakSpeech, AnUnknownVoiceIsAClearError) {
  const auto audio = synthesize("xin chào", "no-such-voice");
  ASSERT_FALSE(audio.has_value());
  EXPECT_NE(audio.error().find("no-such-voice"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::speech
