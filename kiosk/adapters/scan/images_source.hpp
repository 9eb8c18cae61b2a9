#pragma once
// The `images:DIR` code source: plays the QR codes in a folder of PNG/JPEG
// images as scans, for demos and tests of the whole flow without a camera.

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "ports/code_source.hpp"

namespace kiosk::scan {

class ImagesSource final : public CodeSource {
 public:
  struct Options {
    std::chrono::milliseconds delay{2000};  // between two images
  };

  explicit ImagesSource(std::filesystem::path directory);
  ImagesSource(std::filesystem::path directory, Options options);
  ~ImagesSource() override;
  ImagesSource(const ImagesSource&) = delete;
  ImagesSource& operator=(const ImagesSource&) = delete;

  /// Starts the "scan-images" thread: it reports `missing` when DIR is not a
  /// readable directory, else `ready`, then decodes each .png/.jpg/.jpeg
  /// file in name order and delivers each code's raw bytes as a scan (images
  /// without a readable code are logged and skipped), waiting `delay`
  /// between images; then it stays idle. A running source is stopped first.
  void start(ScanHandler on_scan, StatusHandler on_status) override;

  /// Interrupts any wait and joins; no handler runs after it returns.
  void stop() override;

 private:
  void run(const std::stop_token& stop, const ScanHandler& on_scan, const StatusHandler& on_status);

  std::filesystem::path m_directory;
  std::string m_uri;
  Options m_options;
  std::mutex m_mutex;
  std::condition_variable_any m_wake;
  std::jthread m_thread;
};

}  // namespace kiosk::scan
