// The app's speech service with SDL's "dummy" audio driver, which opens a
// device that plays nothing but takes queued sound at the speed of real
// playback: what is queued can be seen, replaced and cleared.

#include "app/speech_service.hpp"

#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds k_patience{60'000};  // a guard against hanging, not a measurement

// About twenty seconds of speech: still queued when the test looks.
std::string long_text() {
  std::string text;
  for (int i = 0; i < 6; ++i) {
    text +=
        "Thợ hàn điện. Công ty Cổ phần Cơ khí Long Biên. Lương từ 8 đến 12 phẩy 5 triệu "
        "đồng một tháng. ";
  }
  return text;
}

class SpeechServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { ::setenv("SDL_AUDIODRIVER", "dummy", 1); }
};

TEST_F(SpeechServiceTest, ARequestIsSpokenToTheDevice) {
  SpeechService speech;
  speech.start();
  speech.say("Đã đọc thẻ.", "vi");
  ASSERT_TRUE(speech.wait_handled(1, k_patience));
  const SpeechStats stats = speech.stats();
  EXPECT_EQ(stats.spoken, 1u);
  EXPECT_TRUE(stats.device_open);
  EXPECT_FALSE(stats.no_sound);
  EXPECT_GT(stats.samples_queued, 22050u / 4);  // at least a quarter second of sound
  EXPECT_EQ(stats.last_text_bytes, std::string("Đã đọc thẻ.").size());
}

TEST_F(SpeechServiceTest, EnglishHasItsVoice) {
  SpeechService speech;
  speech.start();
  speech.say("Card read.", "en");
  ASSERT_TRUE(speech.wait_handled(1, k_patience));
  EXPECT_EQ(speech.stats().spoken, 1u);
  EXPECT_EQ(speech.stats().failed, 0u);
}

TEST_F(SpeechServiceTest, ANewerRequestReplacesAQueuedOne) {
  SpeechService speech;
  // Both wait for the thread: the first is still queued when the second comes.
  speech.say(long_text(), "vi");
  speech.say("Còn 10 giây.", "vi");
  speech.start();
  ASSERT_TRUE(speech.wait_handled(2, k_patience));
  const SpeechStats stats = speech.stats();
  EXPECT_EQ(stats.requests, 2u);
  EXPECT_EQ(stats.replaced, 1u);
  EXPECT_EQ(stats.spoken, 1u);
  EXPECT_EQ(stats.last_text_bytes, std::string("Còn 10 giây.").size());
}

TEST_F(SpeechServiceTest, StopEmptiesTheQueue) {
  SpeechService speech;
  speech.start();
  speech.say(long_text(), "vi");
  ASSERT_TRUE(speech.wait_handled(1, k_patience));
  ASSERT_EQ(speech.stats().spoken, 1u);
  ASSERT_GT(speech.queued_bytes(), 0u);  // seconds of sound still to play
  speech.stop();
  EXPECT_EQ(speech.queued_bytes(), 0u);
}

TEST_F(SpeechServiceTest, StopDropsAWaitingRequest) {
  SpeechService speech;
  speech.say(long_text(), "vi");
  speech.stop();
  speech.start();
  speech.say("Đã đọc thẻ.", "vi");
  ASSERT_TRUE(speech.wait_handled(2, k_patience));
  const SpeechStats stats = speech.stats();
  EXPECT_EQ(stats.silenced, 1u);
  EXPECT_EQ(stats.spoken, 1u);
  EXPECT_EQ(stats.last_text_bytes, std::string("Đã đọc thẻ.").size());
}

TEST_F(SpeechServiceTest, TheDeviceClosesWhenQuietAndOpensAgain) {
  SpeechService speech(milliseconds{0});
  speech.start();
  speech.say("Đã đọc thẻ.", "vi");
  ASSERT_TRUE(speech.wait_handled(1, k_patience));
  speech.stop();  // nothing left to play: the device may close at once
  for (int i = 0; i < 600 && speech.stats().device_open; ++i) {
    std::this_thread::sleep_for(milliseconds{100});
  }
  EXPECT_FALSE(speech.stats().device_open);
  speech.say("Card read.", "en");
  ASSERT_TRUE(speech.wait_handled(2, k_patience));
  EXPECT_EQ(speech.stats().spoken, 2u);
}

TEST(SpeechServiceNoSound, WithoutADeviceNothingIsSpoken) {
  ::setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
  SpeechService speech;
  speech.start();
  speech.say("Đã đọc thẻ.", "vi");
  ASSERT_TRUE(speech.wait_handled(1, k_patience));
  const SpeechStats stats = speech.stats();
  EXPECT_TRUE(stats.no_sound);
  EXPECT_FALSE(stats.device_open);
  EXPECT_EQ(stats.spoken, 0u);
  EXPECT_EQ(stats.failed, 1u);
  EXPECT_EQ(speech.queued_bytes(), 0u);
  speech.stop();  // harmless without a device
}

}  // namespace
}  // namespace kiosk
