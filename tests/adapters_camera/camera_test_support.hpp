#pragma once
// Synthetic camera frames for the camera tests: a QR code rendered with
// ZXing's writer, laid on a canvas, as YUYV bytes or as a real JPEG made with
// libturbojpeg's compressor. Plus a collector of what a source delivers.

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/TextUtfEncoding.h>
#include <gtest/gtest.h>
#include <turbojpeg.h>

#include "adapters/camera/frame_convert.hpp"
#include "ports/code_source.hpp"

namespace kiosk::camera::test {

// A CCCD payload (made-up person) as the card's QR code carries it.
inline const std::string k_citizen_payload =
    "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34, Phường Yên Hòa, Thành "
    "phố Hà Nội|01082021";

/// A `width`×`height` frame of `background` with the QR code of `payload`
/// (UTF-8 behind an ECI, `scale` pixels per module, quiet zone) centred.
inline GreyFrame qr_frame(const std::string& payload, int width, int height, int scale = 6) {
  ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
  writer.setEncoding(ZXing::CharacterSet::UTF8).setMargin(4).setEccLevel(4);
  const ZXing::BitMatrix modules = writer.encode(ZXing::TextUtfEncoding::FromUtf8(payload), 0, 0);
  const int side = modules.width() * scale;
  if (side > width || side > height) {
    throw std::runtime_error("QR code does not fit the frame");
  }
  GreyFrame frame;
  frame.width = width;
  frame.height = height;
  frame.pixels.assign(static_cast<std::size_t>(width * height), 200);
  const int left = (width - side) / 2;
  const int top = (height - side) / 2;
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const bool dark = modules.get(x / scale, y / scale);
      frame.pixels[static_cast<std::size_t>((top + y) * width + left + x)] = dark ? 25 : 235;
    }
  }
  return frame;
}

/// `grey` as YUYV with `stride` bytes per row (padding 0xAB, chroma 0x80,
/// a varying pattern so a converter reading chroma would be caught).
inline std::vector<std::uint8_t> to_yuyv(const GreyFrame& grey, int stride) {
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(stride * grey.height), 0xAB);
  for (int y = 0; y < grey.height; ++y) {
    for (int x = 0; x < grey.width; ++x) {
      const std::size_t at = static_cast<std::size_t>(y * stride + 2 * x);
      bytes[at] = grey.pixels[static_cast<std::size_t>(y * grey.width + x)];
      bytes[at + 1] = static_cast<std::uint8_t>(x % 2 == 0 ? 0x80 + y % 7 : 0x80 - x % 5);
    }
  }
  return bytes;
}

/// A real JPEG of `grey`: colour (Y = grey) with 4:2:2 chroma like a UVC
/// camera's MJPEG, or single-component when `colour` is false.
inline std::vector<std::uint8_t> to_jpeg(const GreyFrame& grey, int quality = 90,
                                         bool colour = true) {
  tjhandle handle = tjInitCompress();
  std::vector<std::uint8_t> rgb;
  if (colour) {
    rgb.reserve(grey.pixels.size() * 3);
    for (const std::uint8_t value : grey.pixels) {
      rgb.insert(rgb.end(), {value, value, value});
    }
  }
  unsigned char* jpeg = nullptr;
  unsigned long size = 0;
  const int result = colour ? tjCompress2(handle, rgb.data(), grey.width, 0, grey.height, TJPF_RGB,
                                          &jpeg, &size, TJSAMP_422, quality, 0)
                            : tjCompress2(handle, grey.pixels.data(), grey.width, 0, grey.height,
                                          TJPF_GRAY, &jpeg, &size, TJSAMP_GRAY, quality, 0);
  std::vector<std::uint8_t> bytes;
  if (result == 0) {
    bytes.assign(jpeg, jpeg + size);
  }
  tjFree(jpeg);
  tjDestroy(handle);
  if (result != 0) {
    throw std::runtime_error("tjCompress2 failed");
  }
  return bytes;
}

inline RawFrame yuyv_raw(const std::vector<std::uint8_t>& bytes, int width, int height,
                         int stride) {
  return RawFrame{PixelFormat::yuyv, width, height, stride, bytes};
}

inline RawFrame mjpeg_raw(const std::vector<std::uint8_t>& bytes, int width, int height) {
  return RawFrame{PixelFormat::mjpeg, width, height, 0, bytes};
}

/// Mean absolute difference of two same-sized frames (255 if sizes differ).
inline double mean_abs_error(const GreyFrame& a, const GreyFrame& b) {
  if (a.width != b.width || a.height != b.height || a.pixels.size() != b.pixels.size()) {
    return 255.0;
  }
  double sum = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) {
    sum += std::abs(static_cast<int>(a.pixels[i]) - static_cast<int>(b.pixels[i]));
  }
  return sum / static_cast<double>(a.pixels.size());
}

/// Polls `done` every few milliseconds; true once it holds within `timeout`.
inline bool eventually(const std::function<bool()>& done,
                       std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

/// Records scans and statuses from a source's threads; read from the test's.
class Collector {
 public:
  CodeSource::ScanHandler scan_handler() {
    return [this](ScanEvent event) {
      const std::lock_guard lock(m_mutex);
      m_scans.push_back(std::move(event));
    };
  }
  CodeSource::StatusHandler status_handler() {
    return [this](SourceStatus status) {
      const std::lock_guard lock(m_mutex);
      m_statuses.push_back(std::move(status));
    };
  }
  std::vector<ScanEvent> scans() {
    const std::lock_guard lock(m_mutex);
    return m_scans;
  }
  std::vector<SourceStatus> statuses() {
    const std::lock_guard lock(m_mutex);
    return m_statuses;
  }
  std::vector<SourceState> states() {
    const std::lock_guard lock(m_mutex);
    std::vector<SourceState> out;
    for (const auto& status : m_statuses) {
      out.push_back(status.state);
    }
    return out;
  }

 private:
  std::mutex m_mutex;
  std::vector<ScanEvent> m_scans;
  std::vector<SourceStatus> m_statuses;
};

/// The fixture of every `CameraPipeline.` test (one class, as GoogleTest
/// requires across files): a citizen-ID card as YUYV (640×480, padded rows)
/// and as MJPEG (1280×720), and a collector.
class CameraPipelineFixture : public ::testing::Test {
 protected:
  static constexpr int k_stride = 640 * 2 + 64;

  RawFrame yuyv() const { return yuyv_raw(m_yuyv, 640, 480, k_stride); }
  RawFrame mjpeg() const { return mjpeg_raw(m_mjpeg, 1280, 720); }

  const GreyFrame m_card = qr_frame(k_citizen_payload, 640, 480);
  const std::vector<std::uint8_t> m_yuyv = to_yuyv(m_card, k_stride);
  const std::vector<std::uint8_t> m_mjpeg = to_jpeg(qr_frame(k_citizen_payload, 1280, 720));
  Collector m_collector;
};

}  // namespace kiosk::camera::test
