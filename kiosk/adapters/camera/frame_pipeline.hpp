#pragma once
// The device-free half of the camera source: conversion → keep-latest slot →
// QR decoding → debouncing → ScanEvent, plus the UI's preview picture.
// CameraSource feeds it from its capture thread; tests feed it directly.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include <tl/expected.hpp>

#include "adapters/camera/frame_convert.hpp"
#include "adapters/camera/latest_frame.hpp"
#include "adapters/camera/preview_slot.hpp"
#include "adapters/camera/scan_debouncer.hpp"
#include "adapters/scan/qr_decoder.hpp"
#include "ports/code_source.hpp"

namespace kiosk::camera {

class FramePipeline {
 public:
  /// Finds a code in one picture. Called on the decode thread only, so it
  /// may keep state between frames (a multi-frame strategy).
  using Decoder =
      std::function<tl::expected<scan::DecodedCode, scan::DecodeError>(const scan::GreyImage&)>;

  struct Options {
    std::string source_uri;  // ScanEvent::source and the log prefix
    std::chrono::milliseconds hold = ScanDebouncer::k_default_hold;
    int preview_max_width = 640;                       // 0: no preview is kept
    std::chrono::milliseconds stats_interval{60'000};  // debug log cadence
    /// How often, at most, a frame without a readable code is checked for a
    /// code that is there but not (yet) readable.
    std::chrono::milliseconds sighting_interval{250};
  };

  /// Called on the decode thread when a QR code is in view but could not be
  /// read yet (held at an angle, moving, out of focus). Must only post.
  using SightingHandler = std::function<void()>;

  struct Stats {
    std::uint64_t frames = 0;                      // converted and offered to the decoder
    std::uint64_t dropped = 0;                     // replaced before the decoder took them
    std::uint64_t corrupt = 0;                     // failed conversion
    std::uint64_t decoded = 0;                     // run through the decoder (code or not)
    std::uint64_t scans = 0;                       // delivered after debouncing
    std::chrono::microseconds decode_time{0};      // total over `decoded`
    std::chrono::microseconds max_decode_time{0};  // slowest single frame
  };

  /// `decoder` empty: a scan::QrDecoder with DecodeEffort::fast.
  FramePipeline(Decoder decoder, Options options);
  ~FramePipeline();
  FramePipeline(const FramePipeline&) = delete;
  FramePipeline& operator=(const FramePipeline&) = delete;

  /// Starts the "cam-decode" thread: it takes the newest frame, decodes it
  /// and calls `on_scan` (on that thread) for each new scan, with the code's
  /// raw bytes, and `on_sighting` (when set; at most once per
  /// `sighting_interval`) while a code is in view but unreadable. The
  /// debouncer starts afresh. A running thread is stopped first. Call
  /// start/stop from one thread.
  void start(CodeSource::ScanHandler on_scan, SightingHandler on_sighting = {});

  /// Stops and joins the decode thread promptly (within one decode); no
  /// `on_scan` runs after it returns. Idempotent.
  void stop();

  /// Capture side: converts `raw`, stamps it with `captured` and the next
  /// sequence number, updates the preview and offers it to the decoder,
  /// replacing a frame not yet decoded. A corrupt frame is counted and
  /// returned as the error; nothing is offered then. One thread at a time.
  tl::expected<void, ConvertError> push(const RawFrame& raw,
                                        std::chrono::steady_clock::time_point captured);

  /// The newest converted picture, at most `preview_max_width` wide; null
  /// before the first frame and after clear(). Any thread; the picture is
  /// never changed after it is published.
  std::shared_ptr<const PreviewFrame> latest_preview() const;

  /// Forgets the preview and any undecoded frame (the camera went away).
  /// Capture side.
  void clear();

  /// Counters since construction. Any thread.
  Stats stats() const;

 private:
  struct Handlers {
    CodeSource::ScanHandler on_scan;
    SightingHandler on_sighting;
  };
  void decode_loop(const std::stop_token& stop, const Handlers& handlers);
  void decode_frame(const GreyFrame& frame, ScanDebouncer& debouncer, const Handlers& handlers);
  void check_sighting(const GreyFrame& frame, const Handlers& handlers);
  void log_stats(Stats& last_logged) const;

  Decoder m_decoder;
  Options m_options;
  LatestFrame m_latest;

  PreviewSlot m_preview;
  std::uint64_t m_next_sequence = 1;  // capture side only
  std::chrono::steady_clock::time_point m_next_sighting_check{};  // decode thread only

  std::atomic<std::uint64_t> m_corrupt{0};
  std::atomic<std::uint64_t> m_decoded{0};
  std::atomic<std::uint64_t> m_scans{0};
  std::atomic<std::int64_t> m_decode_us{0};
  std::atomic<std::int64_t> m_max_decode_us{0};

  std::jthread m_thread;
};

}  // namespace kiosk::camera
