#include "adapters/camera/camera_source.hpp"

#include <cerrno>
#include <cstdint>
#include <exception>
#include <system_error>

#include <pthread.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "adapters/camera/v4l2_device.hpp"
#include "core/log.hpp"

namespace kiosk::camera {
namespace {

using Clock = std::chrono::steady_clock;

// Longest single wait for a frame; stop() wakes it at once anyway.
constexpr std::chrono::milliseconds k_frame_wait{500};
constexpr const char* k_disconnected = "Camera disconnected";

FramePipeline::Options pipeline_options(const CameraSettings& settings,
                                        const CameraSource::Options& options) {
  FramePipeline::Options result;
  result.source_uri = settings.uri;
  result.hold = options.hold;
  result.preview_max_width = options.preview_max_width;
  return result;
}

}  // namespace

CameraSource::CameraSource(CameraSettings settings, FramePipeline::Decoder decoder,
                           DeviceOpener opener)
    : CameraSource(std::move(settings), std::move(decoder), std::move(opener), Options{}) {}

CameraSource::CameraSource(CameraSettings settings, FramePipeline::Decoder decoder,
                           DeviceOpener opener, Options options)
    : m_settings(std::move(settings)),
      m_opener(opener ? std::move(opener) : DeviceOpener(open_v4l2_device)),
      m_options(options),
      m_pipeline(std::move(decoder), pipeline_options(m_settings, m_options)) {}

CameraSource::~CameraSource() {
  stop();
}

void CameraSource::start(ScanHandler on_scan, StatusHandler on_status) {
  stop();
  m_wake_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (m_wake_fd < 0) {
    const std::string detail = "cannot create eventfd: " + std::generic_category().message(errno);
    logger("scan")->error("{}: {}", m_settings.uri, detail);
    on_status(SourceStatus{SourceState::failed, m_settings.uri, detail});
    return;
  }
  m_reported_state = SourceState::starting;
  m_reported_detail.clear();
  // A code in view but not yet readable: the screen asks to hold still.
  // The status handler only posts, so both threads may call it.
  m_pipeline.start(std::move(on_scan), [on_status, uri = m_settings.uri] {
    on_status(SourceStatus{SourceState::ready, uri, k_status_reading});
  });
  m_capture = std::jthread([this, on_status = std::move(on_status)](const std::stop_token& stop) {
    run_capture(stop, on_status);
  });
}

void CameraSource::stop() {
  if (m_capture.joinable()) {
    m_capture.request_stop();  // also wakes the retry wait
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = ::write(m_wake_fd, &one, sizeof one);
    m_capture.join();
  }
  m_pipeline.stop();
  m_pipeline.clear();
  if (m_wake_fd >= 0) {
    ::close(m_wake_fd);
    m_wake_fd = -1;
  }
}

void CameraSource::run_capture(const std::stop_token& stop, const StatusHandler& on_status) {
  ::pthread_setname_np(::pthread_self(), "cam-capture");
  while (!stop.stop_requested()) {
    try {
      capture_once(stop, on_status);
    } catch (const std::exception& e) {
      const std::string detail = std::string("unexpected error: ") + e.what();
      report(SourceState::failed, detail, detail, on_status);
    } catch (...) {
      report(SourceState::failed, "unexpected error", "unexpected error", on_status);
    }
    std::unique_lock lock(m_retry_mutex);
    m_retry_wake.wait_for(lock, stop, m_options.retry_interval, [] { return false; });
  }
}

// One life of the device: open, stream until it fails or we stop, close.
void CameraSource::capture_once(const std::stop_token& stop, const StatusHandler& on_status) {
  auto device = m_opener(m_settings);
  if (!device) {
    report_fault(device.error(), on_status);
    return;
  }
  const std::string description = (*device)->description();
  report(SourceState::ready, description, "streaming " + description, on_status);
  const std::optional<DeviceError> ended = stream(stop, **device);
  device->reset();  // closed before anyone may open it again
  m_pipeline.clear();
  if (ended) {
    report_fault(*ended, on_status);
  }
}

std::optional<DeviceError> CameraSource::stream(const std::stop_token& stop, FrameDevice& device) {
  bool warned_corrupt = false;
  const FrameDevice::FrameConsumer consume = [&](const RawFrame& raw) {
    auto pushed = m_pipeline.push(raw, Clock::now());
    if (!pushed && !warned_corrupt) {
      // Once per streaming session; the debug statistics count the rest.
      logger("scan")->warn("{}: {}", m_settings.uri, describe(pushed.error()));
      warned_corrupt = true;
    }
  };
  auto last_frame = Clock::now();
  while (!stop.stop_requested()) {
    auto waited = device.next_frame(m_wake_fd, k_frame_wait, consume);
    if (!waited) {
      return waited.error();
    }
    if (*waited == FrameWait::woken) {
      break;
    }
    if (*waited == FrameWait::frame) {
      last_frame = Clock::now();
    } else if (Clock::now() - last_frame >= m_options.stall_timeout) {
      return DeviceError{DeviceFault::unusable, "Camera stopped sending pictures"};
    }
  }
  return std::nullopt;
}

void CameraSource::report_fault(const DeviceError& error, const StatusHandler& on_status) {
  if (error.fault == DeviceFault::missing) {
    report(SourceState::missing, k_disconnected, error.message, on_status);
  } else {
    report(SourceState::failed, error.message, error.message, on_status);
  }
}

// Reports and logs a status once, not at every retry.
void CameraSource::report(SourceState state, const std::string& detail,
                          const std::string& log_detail, const StatusHandler& on_status) {
  if (state == m_reported_state && detail == m_reported_detail) {
    return;
  }
  m_reported_state = state;
  m_reported_detail = detail;
  if (state == SourceState::ready) {
    logger("scan")->info("{}: {}", m_settings.uri, log_detail);
  } else if (state == SourceState::missing) {
    logger("scan")->warn("{}: camera missing ({}); retrying every {} ms", m_settings.uri,
                         log_detail, m_options.retry_interval.count());
  } else {
    logger("scan")->error("{}: camera unusable ({}); retrying every {} ms", m_settings.uri,
                          log_detail, m_options.retry_interval.count());
  }
  on_status(SourceStatus{state, m_settings.uri, detail});
}

tl::expected<std::unique_ptr<CameraSource>, std::string> make_camera_source(
    const std::string& uri) {
  auto settings = parse_camera_uri(uri);
  if (!settings) {
    return tl::unexpected(settings.error());
  }
  return std::make_unique<CameraSource>(std::move(*settings));
}

}  // namespace kiosk::camera
