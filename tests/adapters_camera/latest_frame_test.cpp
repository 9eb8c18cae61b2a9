// The keep-latest slot between the capture thread and the decode worker.

#include <chrono>
#include <cstdint>
#include <stop_token>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "adapters/camera/latest_frame.hpp"

namespace kiosk::camera {
namespace {

using namespace std::chrono_literals;

GreyFrame numbered(LatestFrame& slot, std::uint64_t sequence) {
  GreyFrame frame = slot.take_spare();
  frame.width = 64;
  frame.height = 48;
  frame.pixels.resize(std::size_t{64} * 48);
  frame.pixels[0] = static_cast<std::uint8_t>(sequence);
  frame.sequence = sequence;
  return frame;
}

TEST(LatestFrame, SlowConsumerSeesIncreasingFramesAndNeverLosesTheNewest) {
  constexpr std::uint64_t k_frames = 3000;
  LatestFrame slot;
  std::jthread producer([&] {
    for (std::uint64_t sequence = 1; sequence <= k_frames; ++sequence) {
      slot.put(numbered(slot, sequence));
      if (sequence % 10 == 0) {
        std::this_thread::sleep_for(20us);  // a camera delivers in bursts
      }
    }
  });
  std::vector<std::uint64_t> seen;
  const std::stop_source never;
  while (seen.empty() || seen.back() != k_frames) {
    auto frame = slot.wait_take(never.get_token(), 2s);
    ASSERT_TRUE(frame.has_value()) << "the newest frame was lost after " << seen.back();
    EXPECT_EQ(frame->pixels[0], static_cast<std::uint8_t>(frame->sequence));
    seen.push_back(frame->sequence);
    std::this_thread::sleep_for(50us);  // a decoder is slower than a camera
    slot.recycle(std::move(*frame));
  }
  producer.join();
  for (std::size_t i = 1; i < seen.size(); ++i) {
    ASSERT_LT(seen[i - 1], seen[i]);
  }
  EXPECT_EQ(slot.put_count(), k_frames);
  EXPECT_GT(slot.dropped(), 0U);
  EXPECT_EQ(slot.dropped() + seen.size(), k_frames);
  EXPECT_FALSE(slot.wait_take(never.get_token(), 1ms).has_value());  // nothing new
}

TEST(LatestFrame, PutReplacesAnUntakenFrameAndCountsTheDrop) {
  LatestFrame slot;
  const std::stop_source never;
  slot.put(numbered(slot, 1));
  slot.put(numbered(slot, 2));
  slot.put(numbered(slot, 3));
  EXPECT_EQ(slot.dropped(), 2U);
  auto frame = slot.wait_take(never.get_token(), 0ms);
  ASSERT_TRUE(frame.has_value());
  EXPECT_EQ(frame->sequence, 3U);
}

TEST(LatestFrame, WaitTakeReturnsPromptlyWhenStopped) {
  LatestFrame slot;
  std::stop_source stop;
  const auto started = std::chrono::steady_clock::now();
  std::jthread stopper([&] {
    std::this_thread::sleep_for(50ms);
    stop.request_stop();
  });
  EXPECT_FALSE(slot.wait_take(stop.get_token(), 10s).has_value());
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
  slot.put(numbered(slot, 1));
  EXPECT_FALSE(slot.wait_take(stop.get_token(), 10s).has_value());  // stopped wins
}

TEST(LatestFrame, WaitTakeTimesOutWithoutAFrame) {
  LatestFrame slot;
  const std::stop_source never;
  const auto started = std::chrono::steady_clock::now();
  EXPECT_FALSE(slot.wait_take(never.get_token(), 20ms).has_value());
  EXPECT_GE(std::chrono::steady_clock::now() - started, 20ms);
}

TEST(LatestFrame, BuffersAreReusedNotReallocated) {
  LatestFrame slot;
  const std::stop_source never;
  slot.put(numbered(slot, 1));
  auto frame = slot.wait_take(never.get_token(), 0ms);
  ASSERT_TRUE(frame.has_value());
  const std::uint8_t* buffer = frame->pixels.data();
  slot.recycle(std::move(*frame));
  const GreyFrame spare = slot.take_spare();
  EXPECT_EQ(spare.pixels.data(), buffer);
  EXPECT_EQ(spare.sequence, 0U);
}

TEST(LatestFrame, ClearDropsTheWaitingFrameUncounted) {
  LatestFrame slot;
  const std::stop_source never;
  slot.put(numbered(slot, 1));
  slot.clear();
  EXPECT_FALSE(slot.wait_take(never.get_token(), 0ms).has_value());
  EXPECT_EQ(slot.dropped(), 0U);
}

}  // namespace
}  // namespace kiosk::camera
