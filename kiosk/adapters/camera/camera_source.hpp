#pragma once
// The `camera:` code source: a USB webcam reading the QR code of a citizen-ID
// card. A capture thread keeps the camera streaming (and reopens it after an
// unplug); a decode thread looks for codes in the newest picture only.

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <tl/expected.hpp>

#include "adapters/camera/camera_uri.hpp"
#include "adapters/camera/frame_device.hpp"
#include "adapters/camera/frame_pipeline.hpp"
#include "ports/code_source.hpp"

namespace kiosk::camera {

class CameraSource final : public CodeSource, public PreviewSource {
 public:
  struct Options {
    // Between attempts to open a missing or unusable camera.
    std::chrono::milliseconds retry_interval{1000};
    // A streaming camera silent this long is closed and opened again.
    std::chrono::milliseconds stall_timeout{5000};
    // The same card is one scan until unseen this long.
    std::chrono::milliseconds hold = ScanDebouncer::k_default_hold;
    // Width limit of latest_preview(); 0 keeps no preview.
    int preview_max_width = 640;
  };

  /// Nothing is opened until start(). `decoder` empty: scan::QrDecoder with
  /// DecodeEffort::fast; `opener` empty: the V4L2 device (tests pass fakes).
  explicit CameraSource(CameraSettings settings, FramePipeline::Decoder decoder = {},
                        DeviceOpener opener = {});
  CameraSource(CameraSettings settings, FramePipeline::Decoder decoder, DeviceOpener opener,
               Options options);
  ~CameraSource() override;
  CameraSource(const CameraSource&) = delete;
  CameraSource& operator=(const CameraSource&) = delete;

  /// Starts the "cam-capture" and "cam-decode" threads. Statuses come from
  /// cam-capture, on change only: `ready` (detail: the stream, e.g.
  /// "1280x720 MJPEG at 30 fps") once streaming; `missing` ("Camera
  /// disconnected") while the device is absent or after an unplug, retried
  /// every second until it is back; `failed` (the reason) while it is there
  /// but unusable, also retried. Scans come from cam-decode, debounced, with
  /// the code's raw bytes. Call from one thread; a running source is stopped
  /// first.
  void start(ScanHandler on_scan, StatusHandler on_status) override;

  /// Wakes and joins both threads (well under a second, also while the
  /// camera is missing), closes the camera and drops the preview; no
  /// handler runs after it returns. Idempotent.
  void stop() override;

  /// PreviewSource, for the UI's live preview: the newest picture
  /// (greyscale, at most Options::preview_max_width wide, `sequence` rising
  /// with each), or null when the camera is not streaming. Any thread; the
  /// picture is immutable, so the caller may read it while new ones arrive.
  std::shared_ptr<const PreviewFrame> latest_preview() const override {
    return m_pipeline.latest_preview();
  }

  /// Frame, drop, decode and scan counters. Any thread.
  FramePipeline::Stats stats() const { return m_pipeline.stats(); }

  /// PreviewSource: the counters as the staff screen shows them.
  std::optional<DecodeStats> decode_stats() const override {
    const auto s = stats();
    DecodeStats d;
    d.decoded = s.decoded;
    d.scans = s.scans;
    d.mean_decode_ms =
        s.decoded == 0
            ? 0
            : static_cast<long>(s.decode_time.count() / 1000 / static_cast<long>(s.decoded));
    d.max_decode_ms = static_cast<long>(s.max_decode_time.count() / 1000);
    return d;
  }

  const CameraSettings& settings() const { return m_settings; }

 private:
  void run_capture(const std::stop_token& stop, const StatusHandler& on_status);
  void capture_once(const std::stop_token& stop, const StatusHandler& on_status);
  /// Streams into the pipeline until stopped (nullopt) or the device fails.
  std::optional<DeviceError> stream(const std::stop_token& stop, FrameDevice& device);
  void report(SourceState state, const std::string& detail, const std::string& log_detail,
              const StatusHandler& on_status);
  void report_fault(const DeviceError& error, const StatusHandler& on_status);

  CameraSettings m_settings;
  DeviceOpener m_opener;
  Options m_options;
  FramePipeline m_pipeline;

  int m_wake_fd = -1;  // eventfd that stop() signals to end a poll
  std::mutex m_retry_mutex;
  std::condition_variable_any m_retry_wake;

  // cam-capture only: the last status reported, so repeats are not.
  SourceState m_reported_state = SourceState::starting;
  std::string m_reported_detail;

  std::jthread m_capture;
};

/// Parses a `camera:` URI (parse_camera_uri) into a CameraSource with the
/// default decoder and the V4L2 device; the parse error otherwise. Nothing
/// is opened until start().
tl::expected<std::unique_ptr<CameraSource>, std::string> make_camera_source(const std::string& uri);

}  // namespace kiosk::camera
