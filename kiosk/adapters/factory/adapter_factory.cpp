#include "adapters/factory/adapter_factory.hpp"

#include <fstream>
#include <sstream>

#include "adapters/camera/camera_source.hpp"
#include "adapters/curl/curl_central_api.hpp"
#include "adapters/evdev/evdev_source.hpp"
#include "adapters/print/printer_factory.hpp"
#include "adapters/scan/code_source_factory.hpp"
#include "adapters/scan/decode_pipeline.hpp"
#include "adapters/serial/serial_source.hpp"
#include "adapters/sqlite/sqlite_booking_outbox.hpp"
#include "adapters/sqlite/sqlite_vacancy_store.hpp"

namespace kiosk {

tl::expected<std::shared_ptr<const WardTable>, std::string> load_ward_table(
    const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return tl::unexpected(path + ": cannot be read");
  }
  std::stringstream ss;
  ss << in.rdbuf();
  auto table = WardTable::from_json(ss.str());
  if (!table) {
    return tl::unexpected(path + ": " + table.error());
  }
  return std::make_shared<const WardTable>(std::move(*table));
}

std::unique_ptr<CentralApi> make_central_api(const Profile& profile, const std::string& token) {
  CurlApiSettings s;
  s.base_url = profile.api.base_url;
  s.token = token;
  s.ca_file = profile.api.ca_file;
  s.kiosk_id = profile.kiosk.id;
  s.connect_timeout = profile.api.connect_timeout;
  s.total_timeout = profile.api.total_timeout;
  s.max_response_bytes = profile.api.max_response_bytes;
  return std::make_unique<CurlCentralApi>(std::move(s));
}

tl::expected<std::unique_ptr<VacancyStore>, std::string> make_store(const Profile& profile) {
  // The cache holds nothing that is not also on the central API, so a
  // damaged file is set aside and rebuilt rather than stopping the kiosk.
  SqliteStoreSettings settings;
  settings.path = profile.data.store_path;
  settings.replace_corrupt = true;
  auto store = SqliteVacancyStore::open(settings);
  if (!store) {
    return tl::unexpected("vacancy cache " + profile.data.store_path + ": " +
                          store.error().message);
  }
  return std::unique_ptr<VacancyStore>(std::move(*store));
}

tl::expected<std::unique_ptr<BookingOutbox>, std::string> make_outbox(const Profile& profile,
                                                                      const std::string& token) {
  SqliteOutboxSettings settings;
  settings.path = profile.data.outbox_path;
  std::shared_ptr<CentralApi> api = make_central_api(profile, token);
  auto outbox = SqliteBookingOutbox::open(std::move(settings), std::move(api));
  if (!outbox) {
    return tl::unexpected("booking outbox " + profile.data.outbox_path + ": " +
                          outbox.error().message);
  }
  return std::unique_ptr<BookingOutbox>(std::move(*outbox));
}

tl::expected<std::unique_ptr<Printer>, std::string> make_slip_printer(const Profile& profile) {
  return print::make_slip_printer(profile.printer);
}

tl::expected<std::unique_ptr<CodeSource>, std::string> make_scan_source(const std::string& uri) {
  if (uri.starts_with("camera:")) {
    auto settings = camera::parse_camera_uri(uri);
    if (!settings) {
      return tl::unexpected(settings.error());
    }
    // The multi-frame pipeline keeps state between frames; the camera calls
    // its decoder from its decode thread only.
    auto pipeline = std::make_shared<scan::DecodePipeline>();
    return std::make_unique<camera::CameraSource>(
        std::move(*settings),
        [pipeline](const scan::GreyImage& frame) { return pipeline->decode(frame); });
  }
  if (uri.starts_with("serial:")) {
    return serial::make_serial_source(uri);
  }
  if (uri.starts_with("evdev:")) {
    return evdev::make_evdev_source(uri);
  }
  return scan::make_code_source(uri);
}

}  // namespace kiosk
