#include "decode_bench_runner.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include <ZXing/DecodeHints.h>
#include <ZXing/ReadBarcode.h>
#include <fmt/format.h>

#include "adapters/scan/decode_pipeline.hpp"
#include "zbar_reader.hpp"

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

void run_zxing(const corpus::CorpusFrame& frame, DecoderTally& t) {
  ++t.frames;
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
  ++t.frames;
  std::string bytes;
  const auto start = Clock::now();
  const bool found = reader.read(frame.pixels.data(), frame.width, frame.height, bytes);
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

std::string percent(const DecoderTally& t) {
  return fmt::format("{:.0f} % ({}/{}{})", 100.0 * t.rate(), t.read, t.frames,
                     t.wrong > 0 ? fmt::format(", {} wrong", t.wrong) : "");
}

std::string row(const std::string& size, const std::string& level, const CellReport& c) {
  std::string line =
      fmt::format("| {} | {} | {} | {} | {} | {} | {:.1f} | {:.1f} | {:.1f} |", size, level,
                  percent(c.zxing), percent(c.zbar), percent(c.kiosk), percent(c.kiosk_first),
                  c.zxing.median_ms(), c.zbar.median_ms(), c.kiosk.median_ms());
  if (c.thorough.frames > 0) {
    line += fmt::format(" {} | {:.1f} |", percent(c.thorough), c.thorough.median_ms());
  }
  return line + "\n";
}

void merge(DecoderTally& into, const DecoderTally& from) {
  into.frames += from.frames;
  into.read += from.read;
  into.wrong += from.wrong;
  into.ms.insert(into.ms.end(), from.ms.begin(), from.ms.end());
}

void merge(CellReport& into, const CellReport& from) {
  merge(into.zxing, from.zxing);
  merge(into.zbar, from.zbar);
  merge(into.kiosk, from.kiosk);
  merge(into.kiosk_first, from.kiosk_first);
  merge(into.thorough, from.thorough);
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

CellReport run_cell(const std::vector<const corpus::CorpusFrame*>& frames, bool thorough) {
  CellReport report;
  if (!frames.empty()) {
    report.size = fmt::format("{}x{}", frames.front()->width, frames.front()->height);
    report.level = std::string(corpus::level_name(frames.front()->level));
  }
  ZbarReader zbar;
  for (const corpus::CorpusFrame* frame : frames) {
    run_zxing(*frame, report.zxing);
    run_zbar(zbar, *frame, report.zbar);
    run_kiosk(*frame, report.kiosk, report.kiosk_first);
    if (thorough) {
      run_thorough(*frame, report.thorough);
    }
  }
  return report;
}

std::string format_table(const std::vector<CellReport>& cells) {
  const bool thorough = !cells.empty() && cells.front().thorough.frames > 0;
  std::string out = fmt::format(
      "| frame | level | zxing read | zbar read | kiosk read ({} frames) | kiosk 1st call | "
      "zxing ms | zbar ms | kiosk ms/call |{}\n|---|---|---:|---:|---:|---:|---:|---:|---:|{}\n",
      k_camera_calls, thorough ? " thorough read | thorough ms |" : "",
      thorough ? "---:|---:|" : "");
  std::map<std::string, CellReport> by_level;
  std::map<std::string, CellReport> by_size;
  CellReport all;
  for (const CellReport& c : cells) {
    out += row(c.size, c.level, c);
    merge(by_level[c.level], c);
    merge(by_size[c.size], c);
    merge(all, c);
  }
  for (const corpus::Level level : corpus::k_levels) {
    const std::string name(corpus::level_name(level));
    if (by_level.count(name) != 0) {
      out += row("all", "**" + name + "**", by_level[name]);
    }
  }
  for (const auto& [size, report] : by_size) {
    out += row("**" + size + "**", "all", report);
  }
  out += row("**all**", "**all**", all);
  return out;
}

}  // namespace kiosk::bench
