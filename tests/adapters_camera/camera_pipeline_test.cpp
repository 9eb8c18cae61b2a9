// Synthetic frames through conversion → keep-latest → decode → debounce, the
// path CameraSource's threads drive, without a camera.

#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "adapters/camera/frame_pipeline.hpp"
#include "camera_test_support.hpp"

namespace kiosk::camera {
namespace {

using namespace std::chrono_literals;
using test::k_citizen_payload;
using Clock = std::chrono::steady_clock;

constexpr const char* k_uri = "camera:/dev/video0";

FramePipeline::Options options() {
  FramePipeline::Options result;
  result.source_uri = k_uri;
  return result;
}

// True once every pushed frame was either decoded or replaced.
bool all_processed(const FramePipeline& pipeline, std::uint64_t pushed) {
  return test::eventually([&] {
    const auto stats = pipeline.stats();
    return stats.frames == pushed && stats.decoded + stats.dropped == pushed;
  });
}

using CameraPipeline = test::CameraPipelineFixture;

TEST_F(CameraPipeline, YuyvFramePushedThirtyTimesIsOneScanWithTheExactBytes) {
  FramePipeline pipeline({}, options());
  pipeline.start(m_collector.scan_handler());
  for (int i = 0; i < 30; ++i) {
    ASSERT_TRUE(pipeline.push(yuyv(), Clock::now()));
  }
  ASSERT_TRUE(all_processed(pipeline, 30));
  pipeline.stop();
  const auto scans = m_collector.scans();
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0].bytes, k_citizen_payload);
  EXPECT_EQ(scans[0].source, k_uri);
  EXPECT_EQ(pipeline.stats().scans, 1U);
}

TEST_F(CameraPipeline, MjpegFramePushedThirtyTimesIsOneScanWithTheExactBytes) {
  FramePipeline pipeline({}, options());
  pipeline.start(m_collector.scan_handler());
  for (int i = 0; i < 30; ++i) {
    ASSERT_TRUE(pipeline.push(mjpeg(), Clock::now()));
  }
  ASSERT_TRUE(all_processed(pipeline, 30));
  pipeline.stop();
  const auto scans = m_collector.scans();
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0].bytes, k_citizen_payload);
}

TEST_F(CameraPipeline, SameCardInBothFormatsIsStillOneScan) {
  FramePipeline pipeline({}, options());
  pipeline.start(m_collector.scan_handler());
  for (int i = 0; i < 30; ++i) {
    const auto raw = i % 2 == 0 ? yuyv() : mjpeg();
    ASSERT_TRUE(pipeline.push(raw, Clock::now()));
    std::this_thread::sleep_for(5ms);  // let the decoder see both kinds
  }
  ASSERT_TRUE(all_processed(pipeline, 30));
  pipeline.stop();
  EXPECT_EQ(m_collector.scans().size(), 1U);
  EXPECT_GT(pipeline.stats().decoded, 1U);
}

TEST_F(CameraPipeline, NextCardIsASecondScanBecauseTheNewestFrameIsNeverLost) {
  const std::string other = "001195054321||Trần Thị Bình|02021990|Nữ|Hà Nội|05052022";
  const auto other_yuyv = test::to_yuyv(test::qr_frame(other, 640, 480), k_stride);
  FramePipeline pipeline({}, options());
  pipeline.start(m_collector.scan_handler());
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(pipeline.push(yuyv(), Clock::now()));
  }
  ASSERT_TRUE(test::eventually([&] { return m_collector.scans().size() == 1; }));
  ASSERT_TRUE(pipeline.push(test::yuyv_raw(other_yuyv, 640, 480, k_stride), Clock::now()));
  ASSERT_TRUE(all_processed(pipeline, 11));
  pipeline.stop();
  const auto scans = m_collector.scans();
  ASSERT_EQ(scans.size(), 2U);
  EXPECT_EQ(scans[0].bytes, k_citizen_payload);
  EXPECT_EQ(scans[1].bytes, other);
}

TEST_F(CameraPipeline, CorruptFramesAreCountedAndNeverReachTheDecoder) {
  FramePipeline pipeline({}, options());
  pipeline.start(m_collector.scan_handler());
  const std::vector<std::uint8_t> cut(m_mjpeg.begin(), m_mjpeg.begin() + 1000);
  const auto pushed = pipeline.push(test::mjpeg_raw(cut, 1280, 720), Clock::now());
  ASSERT_FALSE(pushed.has_value());
  EXPECT_EQ(pushed.error(), ConvertError::corrupt_jpeg);
  const auto stats = pipeline.stats();
  EXPECT_EQ(stats.corrupt, 1U);
  EXPECT_EQ(stats.frames, 0U);
  EXPECT_EQ(pipeline.latest_preview(), nullptr);
}

TEST_F(CameraPipeline, PreviewIsTheNewestFrameScaledToFit) {
  FramePipeline pipeline({}, options());  // not started: only the capture side
  EXPECT_EQ(pipeline.latest_preview(), nullptr);
  ASSERT_TRUE(pipeline.push(mjpeg(), Clock::now()));
  const auto first = pipeline.latest_preview();
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->width, 640);
  EXPECT_EQ(first->height, 360);
  EXPECT_EQ(first->sequence, 1U);
  const std::vector<std::uint8_t> first_grey = first->grey;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(pipeline.push(yuyv(), Clock::now()));
  }
  const auto latest = pipeline.latest_preview();
  EXPECT_EQ(latest->sequence, 4U);
  EXPECT_EQ(latest->width, 640);
  EXPECT_EQ(latest->grey, m_card.pixels);
  // A picture the UI still holds is never written to.
  EXPECT_EQ(first->sequence, 1U);
  EXPECT_EQ(first->height, 360);
  EXPECT_EQ(first->grey, first_grey);
  pipeline.clear();
  EXPECT_EQ(pipeline.latest_preview(), nullptr);
}

TEST_F(CameraPipeline, PreviewHeldByTheUiOutlivesThePipeline) {
  std::shared_ptr<const PreviewFrame> held;
  {
    FramePipeline pipeline({}, options());
    ASSERT_TRUE(pipeline.push(yuyv(), Clock::now()));
    held = pipeline.latest_preview();
  }
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->grey, m_card.pixels);
  held.reset();  // returns its buffer to a pool that is gone: simply freed
}

TEST_F(CameraPipeline, InjectedDecoderSeesEveryTakenFrame) {
  std::atomic<int> calls{0};
  FramePipeline pipeline(
      [&](const scan::GreyImage& image) -> tl::expected<scan::DecodedCode, scan::DecodeError> {
        ++calls;
        EXPECT_EQ(image.width, 640);
        return scan::DecodedCode{"HN-7K2Q", "HN-7K2Q"};
      },
      options());
  pipeline.start(m_collector.scan_handler());
  ASSERT_TRUE(pipeline.push(yuyv(), Clock::now()));
  ASSERT_TRUE(all_processed(pipeline, 1));
  pipeline.stop();
  EXPECT_EQ(calls.load(), 1);
  ASSERT_EQ(m_collector.scans().size(), 1U);
  EXPECT_EQ(m_collector.scans()[0].bytes, "HN-7K2Q");
}

TEST_F(CameraPipeline, ThrowingDecoderIsContained) {
  FramePipeline pipeline(
      [](const scan::GreyImage&) -> tl::expected<scan::DecodedCode, scan::DecodeError> {
        throw std::runtime_error("boom");
      },
      options());
  pipeline.start(m_collector.scan_handler());
  ASSERT_TRUE(pipeline.push(yuyv(), Clock::now()));
  ASSERT_TRUE(all_processed(pipeline, 1));
  pipeline.stop();
  EXPECT_TRUE(m_collector.scans().empty());
}

TEST_F(CameraPipeline, StopIsPromptWhileIdle) {
  FramePipeline pipeline({}, options());
  pipeline.start(m_collector.scan_handler());
  std::this_thread::sleep_for(20ms);
  const auto started = Clock::now();
  pipeline.stop();
  EXPECT_LT(Clock::now() - started, 500ms);
}

}  // namespace
}  // namespace kiosk::camera

namespace kiosk::camera {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// The card's code with one data module in twenty flipped (scratches, a
// glossy smear): the finder patterns are all there, the data is beyond
// repair, so it can be seen but not read.
GreyFrame damaged_card() {
  GreyFrame frame = test::qr_frame(test::k_citizen_payload, 640, 480);
  const int side = 57 * 6;  // version 10 with its quiet zone, 6 px per module
  const int left = (640 - side) / 2;
  const int top = (480 - side) / 2;
  for (int my = 13; my < 57 - 13; ++my) {
    for (int mx = 13; mx < 57 - 13; ++mx) {
      if ((mx * 7919 + my * 104729) % 20 != 0) {
        continue;
      }
      for (int y = 0; y < 6; ++y) {
        for (int x = 0; x < 6; ++x) {
          auto& px = frame.pixels[static_cast<std::size_t>((top + my * 6 + y) * 640 + left + mx * 6 + x)];
          px = px < 128 ? 235 : 25;
        }
      }
    }
  }
  return frame;
}

RawFrame as_yuyv(const GreyFrame& grey, std::vector<std::uint8_t>& storage) {
  storage = test::to_yuyv(grey, grey.width * 2);
  return test::yuyv_raw(storage, grey.width, grey.height, grey.width * 2);
}

TEST(CameraSighting, ACodeInViewButUnreadableIsReportedNotScanned) {
  FramePipeline::Options opts;
  opts.source_uri = "camera:/dev/video0";
  opts.sighting_interval = 0ms;
  FramePipeline pipeline({}, opts);
  std::atomic<int> scans{0};
  std::atomic<int> sightings{0};
  pipeline.start([&](ScanEvent) { ++scans; }, [&] { ++sightings; });
  std::vector<std::uint8_t> bytes;
  const RawFrame raw = as_yuyv(damaged_card(), bytes);
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(pipeline.push(raw, Clock::now()));
    ASSERT_TRUE(test::eventually([&] { return pipeline.stats().decoded + pipeline.stats().dropped ==
                                              static_cast<std::uint64_t>(i + 1); }));
  }
  pipeline.stop();
  EXPECT_EQ(scans.load(), 0);
  EXPECT_GE(sightings.load(), 1);
}

TEST(CameraSighting, AnEmptyViewAndAReadableCodeAreNoSighting) {
  FramePipeline::Options opts;
  opts.source_uri = "camera:/dev/video0";
  opts.sighting_interval = 0ms;
  FramePipeline pipeline({}, opts);
  std::atomic<int> scans{0};
  std::atomic<int> sightings{0};
  pipeline.start([&](ScanEvent) { ++scans; }, [&] { ++sightings; });
  GreyFrame empty;
  empty.width = 640;
  empty.height = 480;
  empty.pixels.assign(640 * 480, 128);
  std::vector<std::uint8_t> empty_bytes;
  std::vector<std::uint8_t> card_bytes;
  const RawFrame nothing = as_yuyv(empty, empty_bytes);
  const RawFrame card = as_yuyv(test::qr_frame(test::k_citizen_payload, 640, 480), card_bytes);
  ASSERT_TRUE(pipeline.push(nothing, Clock::now()));
  ASSERT_TRUE(test::eventually([&] { return pipeline.stats().decoded == 1; }));
  ASSERT_TRUE(pipeline.push(card, Clock::now()));
  ASSERT_TRUE(test::eventually([&] { return pipeline.stats().decoded == 2; }));
  pipeline.stop();
  EXPECT_EQ(scans.load(), 1);
  EXPECT_EQ(sightings.load(), 0);
}

}  // namespace
}  // namespace kiosk::camera
