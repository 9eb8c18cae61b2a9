#include "adapters/scan/images_source.hpp"

#include <algorithm>
#include <exception>
#include <vector>

#include <pthread.h>

#include "adapters/scan/qr_decoder.hpp"
#include "core/log.hpp"

namespace kiosk::scan {
namespace {

namespace fs = std::filesystem;

bool is_image(const fs::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  });
  return extension == ".png" || extension == ".jpg" || extension == ".jpeg";
}

// The image files of `directory` sorted by name; throws on a listing error.
std::vector<fs::path> list_images(const fs::path& directory) {
  std::vector<fs::path> images;
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (entry.is_regular_file() && is_image(entry.path())) {
      images.push_back(entry.path());
    }
  }
  std::sort(images.begin(), images.end());
  return images;
}

}  // namespace

ImagesSource::ImagesSource(std::filesystem::path directory)
    : ImagesSource(std::move(directory), Options{}) {}

ImagesSource::ImagesSource(std::filesystem::path directory, Options options)
    : m_directory(std::move(directory)),
      m_uri("images:" + m_directory.string()),
      m_options(options) {}

ImagesSource::~ImagesSource() {
  stop();
}

void ImagesSource::start(ScanHandler on_scan, StatusHandler on_status) {
  stop();
  m_thread = std::jthread([this, on_scan = std::move(on_scan), on_status = std::move(on_status)](
                              const std::stop_token& stop) { run(stop, on_scan, on_status); });
}

void ImagesSource::stop() {
  if (m_thread.joinable()) {
    m_thread.request_stop();  // wakes the condition variable wait
    m_thread.join();
  }
}

void ImagesSource::run(const std::stop_token& stop, const ScanHandler& on_scan,
                       const StatusHandler& on_status) {
  ::pthread_setname_np(::pthread_self(), "scan-images");
  try {
    std::vector<fs::path> images;
    try {
      images = list_images(m_directory);
    } catch (const fs::filesystem_error& e) {
      logger("scan")->error("{}: cannot list: {}", m_uri, e.code().message());
      on_status(SourceStatus{SourceState::missing, m_uri,
                             "cannot list the folder: " + e.code().message()});
      return;
    }
    on_status(SourceStatus{SourceState::ready, m_uri, std::to_string(images.size()) + " images"});
    std::unique_lock lock(m_mutex);
    for (std::size_t i = 0; i < images.size() && !stop.stop_requested(); ++i) {
      if (i > 0 && m_wake.wait_for(lock, stop, m_options.delay, [] { return false; })) {
        break;
      }
      if (stop.stop_requested()) {
        break;
      }
      auto decoded = decode_image_file(images[i].string());
      if (!decoded) {
        logger("scan")->warn("{}: {}: {}", m_uri, images[i].filename().string(),
                             describe(decoded.error()));
        continue;
      }
      logger("scan")->info("{}: scan of {} bytes from {}", m_uri, decoded->bytes.size(),
                           images[i].filename().string());
      on_scan(ScanEvent{std::move(decoded->bytes), m_uri});
    }
    m_wake.wait(lock, stop, [] { return false; });  // idle until stopped
  } catch (const std::exception& e) {
    logger("scan")->error("{}: unexpected error: {}", m_uri, e.what());
    on_status(
        SourceStatus{SourceState::failed, m_uri, std::string("unexpected error: ") + e.what()});
  }
}

}  // namespace kiosk::scan
