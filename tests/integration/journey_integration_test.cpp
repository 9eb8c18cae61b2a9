// The journey through the real adapters: the development central API over
// HTTP on loopback, libcurl, a real SQLite file, a real FIFO scan source,
// the PNG file printer, and the kiosk's own worker threads and UI queue.

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "../adapters_print/escpos_test_support.hpp"
#include "adapters/factory/adapter_factory.hpp"
#include "adapters/system/system_clock.hpp"
#include "app/sync_service.hpp"
#include "app/ui_queue.hpp"
#include "app/worker_runner.hpp"
#include "core/journey.hpp"
#include "tools/central_dev/dev_central.hpp"

namespace kiosk {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

constexpr const char* k_card =
    "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên "
    "Hòa, Thành phố Hà Nội|01082021";

class JourneyIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("kiosk-it-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    dev::DevCentralOptions options;
    options.data_dir = KIOSK_DATA_DIR;
    central = std::make_unique<dev::DevCentral>(options);
    const auto p = central->start("127.0.0.1", 0);
    ASSERT_TRUE(p.has_value()) << p.error();
    port = *p;
    profile.kiosk.id = "hn-it-01";
    profile.api.base_url = "http://127.0.0.1:" + std::to_string(port);
    profile.data.store_path = (dir / "kiosk.db").string();
    profile.data.outbox_path = (dir / "outbox.db").string();
    profile.printer.uri = "file:" + (dir / "slips").string();
  }
  void TearDown() override {
    central->stop();
    fs::remove_all(dir);
  }

  /// Drains the UI queue on this thread (the test is the UI thread) until
  /// `done` holds or 15 s pass.
  bool pump_until(UiQueue& queue, const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + 15s;
    while (std::chrono::steady_clock::now() < deadline) {
      queue.drain();
      if (done()) {
        return true;
      }
      std::this_thread::sleep_for(5ms);
    }
    return false;
  }

  nlohmann::json dev_bookings() const {
    httplib::Client client("127.0.0.1", port);
    const auto res = client.Get("/api/v1/_dev/bookings");
    return res ? nlohmann::json::parse(res->body) : nlohmann::json{};
  }

  fs::path dir;
  std::unique_ptr<dev::DevCentral> central;
  int port = 0;
  Profile profile;
};

TEST_F(JourneyIntegration, ScanToPrintedSlipBooksExactlyOnce) {
  UiQueue queue;
  SystemClock clock;
  auto api = make_central_api(profile, "dev-token");
  auto store = make_store(profile);
  ASSERT_TRUE(store.has_value()) << store.error();
  auto printer = make_slip_printer(profile);
  ASSERT_TRUE(printer.has_value()) << printer.error();
  WorkerRunner workers(queue, 2, "it-io");

  std::vector<std::string> keys;
  JourneyConfig config;
  config.kiosk_id = profile.kiosk.id;
  config.centre_name = profile.kiosk.centre;
  const auto wards = load_ward_table(std::string(KIOSK_DATA_DIR) + "/hanoi_wards.json");
  ASSERT_TRUE(wards.has_value()) << wards.error();
  config.wards = *wards;
  config.new_idempotency_key = [&keys] {
    keys.push_back(new_uuid_v4());
    return keys.back();
  };
  auto outbox = make_outbox(profile, "dev-token");
  ASSERT_TRUE(outbox.has_value()) << outbox.error();
  Journey journey(JourneyPorts{*api, **outbox, **printer, clock, workers}, config);

  SyncService sync(*api, **store, clock, 3600s, [&](SyncResult r) {
    queue.post([&journey, r] { journey.set_catalog(r.catalog, r.online); });
  });
  sync.start();
  ASSERT_TRUE(pump_until(queue, [&] { return !journey.view().catalog_empty; }));

  const std::string fifo = (dir / "scan").string();
  auto source = make_scan_source("fifo:" + fifo);
  ASSERT_TRUE(source.has_value()) << source.error();
  (*source)->start(
      [&](ScanEvent e) { queue.post([&journey, e = std::move(e)] { journey.on_scan(e); }); },
      [](SourceStatus) {});
  ASSERT_TRUE(pump_until(queue, [&] { return fs::exists(fifo); }));
  {
    const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    ASSERT_GE(fd, 0);
    const std::string line = std::string(k_card) + "\n";
    ASSERT_EQ(::write(fd, line.data(), line.size()), static_cast<ssize_t>(line.size()));
    ::close(fd);
  }
  ASSERT_TRUE(pump_until(queue, [&] { return journey.view().screen == Screen::consent; }));
  journey.handle(intent::AcceptConsent{});
  ASSERT_EQ(journey.view().screen, Screen::matches);
  ASSERT_FALSE(journey.view().matches.empty());

  const auto& matches = journey.view().matches;
  const auto bookable = std::find_if(matches.begin(), matches.end(),
                                     [](const Match& m) { return m.vacancy.slots_available > 0; });
  ASSERT_NE(bookable, matches.end());
  journey.handle(intent::OpenVacancy{bookable->vacancy.id});
  journey.handle(intent::ShowSlots{});
  ASSERT_TRUE(pump_until(queue, [&] { return !journey.view().slots_loading; }));
  const auto& slots = journey.view().slots;
  const auto open = std::find_if(slots.begin(), slots.end(),
                                 [](const Slot& s) { return s.remaining > 0; });
  ASSERT_NE(open, slots.end());
  const std::string slot_id = open->id;
  journey.handle(intent::ChooseSlot{slot_id});
  journey.handle(intent::ConfirmBooking{});
  ASSERT_TRUE(pump_until(queue, [&] { return journey.view().screen == Screen::done; }));
  ASSERT_TRUE(journey.view().printed) << journey.view().notice;
  const std::string reference = journey.view().confirmation->reference;

  // A slip PNG was written (beside it, the raw printer job).
  std::vector<fs::path> slips;
  for (const auto& e : fs::directory_iterator(dir / "slips")) {
    if (e.path().extension() == ".png") {
      slips.push_back(e.path());
    }
  }
  ASSERT_EQ(slips.size(), 1u);
  EXPECT_EQ(slips[0].extension(), ".png");
  EXPECT_NE(slips[0].filename().string().find(reference), std::string::npos);

  // The server holds exactly one booking, with the journey's key.
  auto held = dev_bookings();
  ASSERT_EQ(held["bookings"].size(), 1u);
  EXPECT_EQ(held["bookings"][0]["reference"], reference);
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(held["bookings"][0]["idempotency_key"], keys[0]);

  // The outbox went through the file first, and keeps only the record.
  const auto entries = (*outbox)->list();
  ASSERT_TRUE(entries.has_value());
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].idempotency_key, keys[0]);
  EXPECT_EQ((*entries)[0].state, DeliveryState::delivered);
  EXPECT_EQ((*entries)[0].reference, reference);

  // A second attempt with the same key (a retry after a lost answer) gets
  // the same booking back and creates none.
  BookingRequest replay{keys[0], profile.kiosk.id, bookable->vacancy.id, slot_id, "001095012345",
                        "Nguyễn Văn An", Date{1995, 3, 15}, Sex::male, {}};
  const auto again = api->book(replay);
  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_EQ(again->reference, reference);
  EXPECT_EQ(dev_bookings()["bookings"].size(), 1u);

  // Finishing wipes the session.
  journey.handle(intent::Finish{});
  EXPECT_EQ(journey.view().screen, Screen::welcome);
  EXPECT_FALSE(journey.has_person());
  (*source)->stop();
}

TEST_F(JourneyIntegration, CatalogSurvivesInTheCacheWhenTheApiIsDown) {
  SystemClock clock;
  auto api = make_central_api(profile, "dev-token");
  auto store = make_store(profile);
  ASSERT_TRUE(store.has_value());
  auto fetched = fetch_catalog(*api, clock);
  ASSERT_TRUE(fetched.has_value()) << fetched.error().message;
  ASSERT_TRUE((*store)->save(*fetched).has_value());
  central->stop();
  const auto offline = fetch_catalog(*api, clock);
  ASSERT_FALSE(offline.has_value());
  EXPECT_EQ(offline.error().kind, ApiError::offline);
  store->reset();
  auto reopened = make_store(profile);
  ASSERT_TRUE(reopened.has_value());
  const auto cached = (*reopened)->load();
  ASSERT_TRUE(cached.has_value());
  EXPECT_EQ(cached->vacancies.size(), fetched->vacancies.size());
  EXPECT_EQ(cached->sessions.size(), fetched->sessions.size());
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

// A network receipt printer that says "paper end" when asked (DLE EOT 4):
// the booking is made all the same, and the slip shows on the screen.
TEST_F(JourneyIntegration, PaperEndAtTheNetworkPrinterKeepsTheBookingAndShowsTheSlip) {
  print::test::PrinterStandIn printer_stand_in({{4, {0x72}}, {2, {0x12}}});
  profile.printer.uri = printer_stand_in.uri();
  UiQueue queue;
  SystemClock clock;
  auto api = make_central_api(profile, "dev-token");
  auto store = make_store(profile);
  auto outbox = make_outbox(profile, "dev-token");
  auto printer = make_slip_printer(profile);
  ASSERT_TRUE(store && outbox && printer);
  WorkerRunner workers(queue, 2, "it-io");
  JourneyConfig config;
  config.kiosk_id = profile.kiosk.id;
  config.centre_name = profile.kiosk.centre;
  Journey journey(JourneyPorts{*api, **outbox, **printer, clock, workers}, config);
  SyncService sync(*api, **store, clock, 3600s, [&](SyncResult r) {
    queue.post([&journey, r] { journey.set_catalog(r.catalog, r.online, r.search_index); });
  });
  sync.start();
  ASSERT_TRUE(pump_until(queue, [&] { return !journey.view().catalog_empty; }));

  journey.on_scan(ScanEvent{k_card, "test"});
  journey.handle(intent::AcceptConsent{});
  const auto& matches = journey.view().matches;
  const auto bookable = std::find_if(matches.begin(), matches.end(),
                                     [](const Match& m) { return m.vacancy.slots_available > 0; });
  ASSERT_NE(bookable, matches.end());
  journey.handle(intent::OpenVacancy{bookable->vacancy.id});
  journey.handle(intent::ShowSlots{});
  ASSERT_TRUE(pump_until(queue, [&] { return !journey.view().slots_loading; }));
  const auto& slots = journey.view().slots;
  const auto open =
      std::find_if(slots.begin(), slots.end(), [](const Slot& s) { return s.remaining > 0; });
  ASSERT_NE(open, slots.end());
  journey.handle(intent::ChooseSlot{open->id});
  journey.handle(intent::ConfirmBooking{});
  ASSERT_TRUE(pump_until(queue, [&] { return journey.view().screen == Screen::done; }));

  // Confirmed and held by the Centre, not printed, the slip on screen.
  ASSERT_TRUE(journey.view().confirmation.has_value());
  EXPECT_FALSE(journey.view().printed);
  ASSERT_TRUE(journey.view().slip.has_value());
  EXPECT_EQ(journey.view().slip->reference, journey.view().confirmation->reference);
  const auto held = dev_bookings();
  ASSERT_EQ(held["bookings"].size(), 1u);
  EXPECT_EQ(held["bookings"][0]["reference"], journey.view().confirmation->reference);
  // The printer was asked for its paper and got no raster.
  const auto bytes = printer_stand_in.captured();
  const std::array<std::uint8_t, 3> raster_command{0x1D, 0x76, 0x30};
  EXPECT_EQ(std::search(bytes.begin(), bytes.end(), raster_command.begin(), raster_command.end()),
            bytes.end());
  journey.handle(intent::Finish{});
  EXPECT_FALSE(journey.view().slip.has_value());
  sync.stop();
  workers.stop();
}

}  // namespace
}  // namespace kiosk
