#include "decode_bench_runner.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include <ZXing/DecodeHints.h>
#include <ZXing/ReadBarcode.h>
#include <fmt/format.h>
#include <zbar.h>

#include "adapters/scan/decode_pipeline.hpp"

namespace kiosk::bench {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

scan::GreyImage view_of(const corpus::CorpusFrame& frame) {
  return scan::GreyImage{frame.width, frame.height, frame.width, frame.pixels.data()};
}

// Records one call's outcome: nothing, the payload, or something else.
void tally(DecoderTally& t, const std::string* bytes, const std::string& payload, double ms) {
  t.ms.push_back(ms);
  if (bytes != nullptr) {
    (*bytes == payload ? t.read : t.wrong) += 1;
  }
}

// zbar with only its QR reader on, returning raw bytes (no charset guess).
class ZbarReader {
 public:
  ZbarReader() : m_scanner(zbar_image_scanner_create()) {
    zbar_image_scanner_set_config(m_scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(m_scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    zbar_image_scanner_set_config(m_scanner, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1);
  }
  ~ZbarReader() { zbar_image_scanner_destroy(m_scanner); }
  ZbarReader(const ZbarReader&) = delete;
  ZbarReader& operator=(const ZbarReader&) = delete;

  /// The first QR symbol's bytes, or false when none was read.
  bool read(const corpus::CorpusFrame& frame, std::string& bytes) {
    zbar_image_t* image = zbar_image_create();
    zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(image, static_cast<unsigned>(frame.width),
                        static_cast<unsigned>(frame.height));
    zbar_image_set_data(image, frame.pixels.data(), frame.pixels.size(), nullptr);
    bool found = false;
    if (zbar_scan_image(m_scanner, image) > 0) {
      const zbar_symbol_t* symbol = zbar_image_first_symbol(image);
      if (symbol != nullptr) {
        bytes.assign(zbar_symbol_get_data(symbol), zbar_symbol_get_data_length(symbol));
        found = true;
      }
    }
    zbar_image_destroy(image);
    return found;
  }

 private:
  zbar_image_scanner_t* m_scanner;
};

void run_zxing(const corpus::CorpusFrame& frame, DecoderTally& t) {
  const ZXing::ImageView view(frame.pixels.data(), frame.width, frame.height,
                              ZXing::ImageFormat::Lum);
  const auto start = Clock::now();
  const ZXing::Result result =
      ZXing::ReadBarcode(view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
  const double ms = ms_since(start);
  std::string bytes;
  if (result.isValid()) {
    bytes.assign(result.bytes().begin(), result.bytes().end());
  }
  tally(t, result.isValid() ? &bytes : nullptr, frame.payload, ms);
}

void run_zbar(ZbarReader& reader, const corpus::CorpusFrame& frame, DecoderTally& t) {
  std::string bytes;
  const auto start = Clock::now();
  const bool found = reader.read(frame, bytes);
  tally(t, found ? &bytes : nullptr, frame.payload, ms_since(start));
}

// The camera rule: the same frame up to k_camera_calls times, read at the
// first success; every call's time is one camera frame's cost.
void run_kiosk(const corpus::CorpusFrame& frame, DecoderTally& camera, DecoderTally& first) {
  scan::DecodePipeline pipeline;
  ++camera.frames;
  ++first.frames;
  for (int call = 0; call < k_camera_calls; ++call) {
    const auto start = Clock::now();
    const auto decoded = pipeline.decode(view_of(frame));
    const double ms = ms_since(start);
    camera.ms.push_back(ms);
    if (call == 0) {
      tally(first, decoded ? &decoded->bytes : nullptr, frame.payload, ms);
      first.ms.back() = ms;
    }
    if (decoded) {
      (decoded->bytes == frame.payload ? camera.read : camera.wrong) += 1;
      return;
    }
  }
}

void run_thorough(const corpus::CorpusFrame& frame, DecoderTally& t) {
  const auto start = Clock::now();
  const auto decoded = scan::decode_thorough(view_of(frame));
  ++t.frames;
  tally(t, decoded ? &decoded->bytes : nullptr, frame.payload, ms_since(start));
}

std::string row(const std::string& name, const std::string& size, const std::string& level,
                const DecoderTally& t) {
  return fmt::format("| {} | {} | {} | {} | {}/{} = {:.0f} % | {} | {:.1f} |\n", name, size,
                     level, t.frames, t.read, t.frames, 100.0 * t.rate(), t.wrong,
                     t.median_ms());
}

void merge(DecoderTally& into, const DecoderTally& from) {
  into.frames += from.frames;
  into.read += from.read;
  into.wrong += from.wrong;
  into.ms.insert(into.ms.end(), from.ms.begin(), from.ms.end());
}

}  // namespace

double DecoderTally::median_ms() const {
  if (ms.empty()) {
    return 0.0;
  }
  std::vector<double> sorted = ms;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(sorted.size() / 2),
                   sorted.end());
  return sorted[sorted.size() / 2];
}

CellReport run_cell(const std::vector<const corpus::CorpusFrame*>& frames) {
  CellReport report;
  if (!frames.empty()) {
    report.size = fmt::format("{}x{}", frames.front()->width, frames.front()->height);
    report.level = std::string(corpus::level_name(frames.front()->level));
  }
  ZbarReader zbar;
  for (const corpus::CorpusFrame* frame : frames) {
    ++report.zxing.frames;
    ++report.zbar.frames;
    run_zxing(*frame, report.zxing);
    run_zbar(zbar, *frame, report.zbar);
    run_kiosk(*frame, report.kiosk, report.kiosk_first);
    run_thorough(*frame, report.thorough);
  }
  return report;
}

std::string format_table(const std::vector<CellReport>& cells) {
  std::string out =
      "| decoder | frame | level | frames | read | wrong | median ms/call |\n"
      "|---|---|---|---:|---:|---:|---:|\n";
  std::map<std::string, std::map<std::string, DecoderTally>> by_level;
  std::map<std::string, std::map<std::string, DecoderTally>> by_size;
  for (const CellReport& c : cells) {
    const std::pair<const char*, const DecoderTally*> decoders[] = {
        {"zxing", &c.zxing},      {"zbar", &c.zbar},
        {"kiosk", &c.kiosk},      {"kiosk-1st", &c.kiosk_first},
        {"thorough", &c.thorough}};
    for (const auto& [name, tally_of] : decoders) {
      out += row(name, c.size, c.level, *tally_of);
      merge(by_level[c.level][name], *tally_of);
      merge(by_size[c.size][name], *tally_of);
    }
  }
  out += "\n| decoder | level (all sizes) | frames | read | wrong | median ms/call |\n"
         "|---|---|---:|---:|---:|---:|\n";
  for (const auto& [level, decoders] : by_level) {
    for (const auto& [name, t] : decoders) {
      out += row(name, "all", level, t);
    }
  }
  out += "\n| decoder | frame (all levels) | frames | read | wrong | median ms/call |\n";
  for (const auto& [size, decoders] : by_size) {
    for (const auto& [name, t] : decoders) {
      out += row(name, size, "all", t);
    }
  }
  return out;
}

}  // namespace kiosk::bench
