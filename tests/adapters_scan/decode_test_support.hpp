#pragma once
// Helpers for the decode tests: plain ZXing-cpp as the reference decoder and
// the camera rule the benchmarks use.

#include <optional>
#include <string>

#include <ZXing/DecodeHints.h>
#include <ZXing/ReadBarcode.h>

#include "adapters/scan/decode_pipeline.hpp"
#include "tools/corpus/corpus.hpp"

namespace kiosk::scan::test {

/// Calls per frame under the camera rule (docs/PERFORMANCE.md).
inline constexpr int k_camera_calls = 5;

inline GreyImage view_of(const corpus::CorpusFrame& frame) {
  return GreyImage{frame.width, frame.height, frame.width, frame.pixels.data()};
}

/// Plain ZXing-cpp: one ReadBarcode call, QR only, default hints; the raw
/// bytes or nothing.
inline std::optional<std::string> plain_zxing(const corpus::CorpusFrame& frame) {
  const ZXing::ImageView view(frame.pixels.data(), frame.width, frame.height,
                              ZXing::ImageFormat::Lum);
  const ZXing::Result result =
      ZXing::ReadBarcode(view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
  if (!result.isValid()) {
    return std::nullopt;
  }
  return std::string(result.bytes().begin(), result.bytes().end());
}

/// A fresh pipeline handed the same frame up to k_camera_calls times; the
/// first read's bytes, or nothing.
inline std::optional<std::string> camera_read(const corpus::CorpusFrame& frame) {
  DecodePipeline pipeline;
  for (int call = 0; call < k_camera_calls; ++call) {
    const auto decoded = pipeline.decode(view_of(frame));
    if (decoded) {
      return decoded->bytes;
    }
  }
  return std::nullopt;
}

}  // namespace kiosk::scan::test
