#include "adapters/camera/frame_pipeline.hpp"

#include <exception>
#include <utility>

#include <pthread.h>

#include "adapters/scan/finder_patterns.hpp"
#include "core/log.hpp"
#include "core/text.hpp"

namespace kiosk::camera {
namespace {

using Clock = std::chrono::steady_clock;

// How long the decode thread sleeps between looks at its stop token when no
// frames come (the camera is missing); stop() wakes it earlier anyway.
constexpr std::chrono::milliseconds k_idle_wait{250};

FramePipeline::Decoder default_decoder() {
  return [decoder = scan::QrDecoder(scan::DecodeEffort::fast)](const scan::GreyImage& image) {
    return decoder.decode(image);
  };
}

double to_ms(std::chrono::microseconds time) {
  return static_cast<double>(time.count()) / 1000.0;
}

}  // namespace

FramePipeline::FramePipeline(Decoder decoder, Options options)
    : m_decoder(decoder ? std::move(decoder) : default_decoder()),
      m_options(std::move(options)),
      m_preview(m_options.preview_max_width) {}

FramePipeline::~FramePipeline() {
  stop();
}

void FramePipeline::start(CodeSource::ScanHandler on_scan, SightingHandler on_sighting) {
  stop();
  m_next_sighting_check = {};
  m_thread = std::jthread([this, handlers = Handlers{std::move(on_scan), std::move(on_sighting)}](
                              const std::stop_token& stop) { decode_loop(stop, handlers); });
}

void FramePipeline::stop() {
  if (m_thread.joinable()) {
    m_thread.request_stop();  // wakes LatestFrame::wait_take
    m_thread.join();
  }
}

tl::expected<void, ConvertError> FramePipeline::push(const RawFrame& raw,
                                                     Clock::time_point captured) {
  GreyFrame frame = m_latest.take_spare();
  if (auto converted = convert_frame(raw, frame); !converted) {
    m_corrupt.fetch_add(1, std::memory_order_relaxed);
    m_latest.recycle(std::move(frame));
    return converted;
  }
  frame.captured = captured;
  frame.sequence = m_next_sequence++;
  m_preview.publish(frame);
  m_latest.put(std::move(frame));
  return {};
}

std::shared_ptr<const PreviewFrame> FramePipeline::latest_preview() const {
  return m_preview.latest();
}

void FramePipeline::clear() {
  m_latest.clear();
  m_preview.clear();
}

FramePipeline::Stats FramePipeline::stats() const {
  Stats stats;
  stats.frames = m_latest.put_count();
  stats.dropped = m_latest.dropped();
  stats.corrupt = m_corrupt.load(std::memory_order_relaxed);
  stats.decoded = m_decoded.load(std::memory_order_relaxed);
  stats.scans = m_scans.load(std::memory_order_relaxed);
  stats.decode_time = std::chrono::microseconds(m_decode_us.load(std::memory_order_relaxed));
  stats.max_decode_time =
      std::chrono::microseconds(m_max_decode_us.load(std::memory_order_relaxed));
  return stats;
}

void FramePipeline::decode_loop(const std::stop_token& stop, const Handlers& handlers) {
  ::pthread_setname_np(::pthread_self(), "cam-decode");
  ScanDebouncer debouncer(m_options.hold);
  Stats last_logged = stats();
  auto next_log = Clock::now() + m_options.stats_interval;
  while (!stop.stop_requested()) {
    if (std::optional<GreyFrame> frame = m_latest.wait_take(stop, k_idle_wait)) {
      decode_frame(*frame, debouncer, handlers);
      m_latest.recycle(std::move(*frame));
    }
    if (Clock::now() >= next_log) {
      log_stats(last_logged);
      next_log = Clock::now() + m_options.stats_interval;
    }
  }
}

void FramePipeline::decode_frame(const GreyFrame& frame, ScanDebouncer& debouncer,
                                 const Handlers& handlers) {
  tl::expected<scan::DecodedCode, scan::DecodeError> decoded =
      tl::unexpected(scan::DecodeError::no_code);
  const auto started = Clock::now();
  try {
    decoded = m_decoder(grey_image(frame));
  } catch (const std::exception& e) {
    // Once per frame at most, and never with content: the decoder saw none.
    logger("scan")->error("{}: decoder failed: {}", m_options.source_uri, e.what());
  } catch (...) {
    logger("scan")->error("{}: decoder failed", m_options.source_uri);
  }
  const auto took = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started);
  m_decoded.fetch_add(1, std::memory_order_relaxed);
  m_decode_us.fetch_add(took.count(), std::memory_order_relaxed);
  if (took.count() > m_max_decode_us.load(std::memory_order_relaxed)) {
    m_max_decode_us.store(took.count(), std::memory_order_relaxed);  // only this thread writes
  }
  if (!decoded) {
    check_sighting(frame, handlers);
    return;
  }
  secure_wipe(decoded->text);
  if (!debouncer.accept(decoded->bytes, frame.captured)) {
    secure_wipe(decoded->bytes);
    return;
  }
  m_scans.fetch_add(1, std::memory_order_relaxed);
  // Length and source only: the content is personal data.
  logger("scan")->info("{}: scan of {} bytes", m_options.source_uri, decoded->bytes.size());
  handlers.on_scan(ScanEvent{std::move(decoded->bytes), m_options.source_uri});
}

void FramePipeline::check_sighting(const GreyFrame& frame, const Handlers& handlers) {
  // A frame with no readable code costs one more plain ZXing pass, and only
  // a few times a second: enough to tell the person "hold still".
  const auto now = Clock::now();
  if (!handlers.on_sighting || now < m_next_sighting_check) {
    return;
  }
  m_next_sighting_check = now + m_options.sighting_interval;
  if (scan::qr_sighted(grey_image(frame))) {
    handlers.on_sighting();
  }
}

void FramePipeline::log_stats(Stats& last_logged) const {
  const Stats now = stats();
  const std::uint64_t decoded = now.decoded - last_logged.decoded;
  if (now.frames == last_logged.frames && now.corrupt == last_logged.corrupt) {
    return;  // nothing came (camera missing): nothing to say
  }
  const auto decode_time = now.decode_time - last_logged.decode_time;
  logger("scan")->debug(
      "{}: {} frames, {} dropped, {} corrupt, {} decoded (avg {:.1f} ms, max {:.1f} ms), {} scans",
      m_options.source_uri, now.frames - last_logged.frames, now.dropped - last_logged.dropped,
      now.corrupt - last_logged.corrupt, decoded,
      decoded == 0 ? 0.0 : to_ms(decode_time) / static_cast<double>(decoded),
      to_ms(now.max_decode_time), now.scans - last_logged.scans);
  last_logged = now;
}

}  // namespace kiosk::camera
