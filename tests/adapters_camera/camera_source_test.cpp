// CameraSource's capture thread against scripted devices (unplug, replug,
// stall) and against device paths that are no camera.

#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <poll.h>

#include <gtest/gtest.h>

#include "adapters/camera/camera_source.hpp"
#include "adapters/camera/v4l2_device.hpp"
#include "camera_test_support.hpp"

namespace kiosk::camera {
namespace {

using namespace std::chrono_literals;
using test::k_citizen_payload;
using Clock = std::chrono::steady_clock;

// Delivers one frame every few milliseconds; after `frames` of them (-1:
// never) it is "unplugged"; with `silent` it delivers nothing at all.
class ScriptedDevice final : public FrameDevice {
 public:
  ScriptedDevice(RawFrame frame, int frames, bool silent = false)
      : m_frame(frame), m_left(frames), m_silent(silent) {}

  tl::expected<FrameWait, DeviceError> next_frame(int wake_fd, std::chrono::milliseconds timeout,
                                                  const FrameConsumer& consume) override {
    pollfd wake{wake_fd, POLLIN, 0};
    const auto wait = m_silent ? std::min(timeout, 20ms) : 3ms;
    if (::poll(&wake, 1, static_cast<int>(wait.count())) > 0) {
      return FrameWait::woken;
    }
    if (m_silent) {
      return FrameWait::timeout;
    }
    if (m_left == 0) {
      return tl::unexpected(
          DeviceError{DeviceFault::missing, "fake: VIDIOC_DQBUF: No such device"});
    }
    if (m_left > 0) {
      --m_left;
    }
    consume(m_frame);
    return FrameWait::frame;
  }
  std::string description() const override { return "640x480 YUYV at 30 fps"; }

 private:
  RawFrame m_frame;
  int m_left;
  bool m_silent;
};

// Hands out the scripted outcomes in order, then "missing" forever.
class ScriptedOpener {
 public:
  enum class Step { missing, unusable, device, endless_device, silent_device };

  ScriptedOpener(RawFrame frame, std::deque<Step> steps)
      : m_frame(frame), m_steps(std::move(steps)) {}

  DeviceOpener opener() {
    return [this](
               const CameraSettings&) -> tl::expected<std::unique_ptr<FrameDevice>, DeviceError> {
      const std::lock_guard lock(m_mutex);
      const Step step = m_steps.empty() ? Step::missing : m_steps.front();
      if (!m_steps.empty()) {
        m_steps.pop_front();
      }
      switch (step) {
        case Step::device:
          return std::make_unique<ScriptedDevice>(m_frame, 20);
        case Step::endless_device:
          return std::make_unique<ScriptedDevice>(m_frame, -1);
        case Step::silent_device:
          return std::make_unique<ScriptedDevice>(m_frame, -1, true);
        case Step::unusable:
          return tl::unexpected(DeviceError{DeviceFault::unusable, "/dev/video0 is busy"});
        case Step::missing:
          break;
      }
      return tl::unexpected(DeviceError{DeviceFault::missing, "cannot open /dev/video0: ENOENT"});
    };
  }

 private:
  RawFrame m_frame;
  std::mutex m_mutex;
  std::deque<Step> m_steps;
};

using Step = ScriptedOpener::Step;

CameraSource::Options quick_options() {
  CameraSource::Options options;
  options.retry_interval = 20ms;
  options.stall_timeout = 100ms;
  return options;
}

CameraSettings settings() {
  return *parse_camera_uri("camera:/dev/video0?width=640&height=480");
}

using CameraPipeline = test::CameraPipelineFixture;

TEST_F(CameraPipeline, SourceRidesOutAnUnplugAndScansTheHeldCardOnce) {
  ScriptedOpener script(yuyv(), {Step::missing, Step::device, Step::missing, Step::endless_device});
  CameraSource source(settings(), {}, script.opener(), quick_options());
  source.start(m_collector.scan_handler(), m_collector.status_handler());
  const std::vector<SourceState> expected{SourceState::missing, SourceState::ready,
                                          SourceState::missing, SourceState::ready};
  ASSERT_TRUE(test::eventually([&] { return m_collector.states() == expected; }))
      << m_collector.states().size();
  ASSERT_TRUE(test::eventually([&] { return source.latest_preview() != nullptr; }));
  EXPECT_EQ(source.latest_preview()->width, 640);
  ASSERT_TRUE(test::eventually([&] { return source.stats().scans == 1; }));
  std::this_thread::sleep_for(100ms);  // more frames of the same card
  const auto started = Clock::now();
  source.stop();
  EXPECT_LT(Clock::now() - started, 1s);
  EXPECT_EQ(source.latest_preview(), nullptr);

  const auto statuses = m_collector.statuses();
  EXPECT_EQ(statuses[0].detail, "Camera disconnected");
  EXPECT_EQ(statuses[1].detail, "640x480 YUYV at 30 fps");
  EXPECT_EQ(statuses[2].detail, "Camera disconnected");
  EXPECT_EQ(statuses[0].source, "camera:/dev/video0?width=640&height=480");
  const auto scans = m_collector.scans();
  ASSERT_EQ(scans.size(), 1U);
  EXPECT_EQ(scans[0].bytes, k_citizen_payload);
  EXPECT_EQ(scans[0].source, "camera:/dev/video0?width=640&height=480");
}

TEST_F(CameraPipeline, SourceReportsAnUnusableCameraAndAStalledOne) {
  ScriptedOpener script(
      yuyv(), {Step::unusable, Step::unusable, Step::silent_device, Step::endless_device});
  CameraSource source(settings(), {}, script.opener(), quick_options());
  source.start(m_collector.scan_handler(), m_collector.status_handler());
  ASSERT_TRUE(test::eventually([&] { return m_collector.statuses().size() >= 4; }));
  source.stop();
  const auto statuses = m_collector.statuses();
  ASSERT_EQ(statuses.size(), 4U);  // the repeated "busy" is reported once
  EXPECT_EQ(statuses[0].state, SourceState::failed);
  EXPECT_EQ(statuses[0].detail, "/dev/video0 is busy");
  EXPECT_EQ(statuses[1].state, SourceState::ready);
  EXPECT_EQ(statuses[2].state, SourceState::failed);
  EXPECT_EQ(statuses[2].detail, "Camera stopped sending pictures");
  EXPECT_EQ(statuses[3].state, SourceState::ready);
}

TEST_F(CameraPipeline, MissingDeviceReportsMissingAndStopsPromptly) {
  auto source = make_camera_source("camera:/dev/kiosk-test-no-such-camera?width=640&height=480");
  ASSERT_TRUE(source.has_value()) << source.error();
  (*source)->start(m_collector.scan_handler(), m_collector.status_handler());
  ASSERT_TRUE(test::eventually([&] { return !m_collector.statuses().empty(); }));
  std::this_thread::sleep_for(50ms);  // now inside the 1 s retry wait
  const auto started = Clock::now();
  (*source)->stop();
  EXPECT_LT(Clock::now() - started, 500ms);
  const auto statuses = m_collector.statuses();
  ASSERT_EQ(statuses.size(), 1U);
  EXPECT_EQ(statuses[0].state, SourceState::missing);
  EXPECT_EQ(statuses[0].detail, "Camera disconnected");
  EXPECT_TRUE(m_collector.scans().empty());
}

TEST_F(CameraPipeline, DeviceThatIsNoCameraIsUnusable) {
  const auto opened = V4l2Device::open(*parse_camera_uri("camera:/dev/null"));
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().fault, DeviceFault::unusable);
  EXPECT_NE(opened.error().message.find("not a Video4Linux device"), std::string::npos)
      << opened.error().message;
  const auto missing = V4l2Device::open(*parse_camera_uri("camera:/dev/kiosk-test-none"));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().fault, DeviceFault::missing);
}

TEST_F(CameraPipeline, FactoryResultFitsTheAppsPorts) {
  tl::expected<std::unique_ptr<CodeSource>, std::string> source =
      make_camera_source("camera:/dev/video0");
  ASSERT_TRUE(source.has_value());
  // The app finds the live preview by asking the source for this port.
  const auto* preview = dynamic_cast<const PreviewSource*>(source->get());
  ASSERT_NE(preview, nullptr);
  EXPECT_EQ(preview->latest_preview(), nullptr);  // not started
}

TEST_F(CameraPipeline, FactoryRejectsABadUri) {
  const auto source = make_camera_source("camera:/dev/video0?fps=fast");
  ASSERT_FALSE(source.has_value());
  EXPECT_NE(source.error().find("'fps'"), std::string::npos);
}

TEST_F(CameraPipeline, SourceCanBeRestarted) {
  ScriptedOpener script(yuyv(), {Step::endless_device, Step::endless_device});
  CameraSource source(settings(), {}, script.opener(), quick_options());
  source.start(m_collector.scan_handler(), m_collector.status_handler());
  ASSERT_TRUE(test::eventually([&] { return m_collector.scans().size() == 1; }));
  source.stop();
  source.start(m_collector.scan_handler(), m_collector.status_handler());
  // A fresh start forgets the last card: the held card is a new scan.
  ASSERT_TRUE(test::eventually([&] { return m_collector.scans().size() == 2; }));
  source.stop();
}

}  // namespace
}  // namespace kiosk::camera
