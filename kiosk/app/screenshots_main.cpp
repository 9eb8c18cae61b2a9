// kiosk-screenshots: walks the whole journey against the development central
// API (in-process, real HTTP on loopback) and saves every screen as a PNG.
// Fails when any text on any screen lacks a glyph in the font.
//
//   kiosk-screenshots --out DIR [--width 1920 --height 1080] [--font-dir DIR]

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <SDL.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include "adapters/factory/adapter_factory.hpp"
#include "adapters/fake/fakes.hpp"
#include "adapters/fake/memory_outbox.hpp"
#include "adapters/i18n/po_catalog.hpp"
#include "adapters/print/qr_matrix.hpp"
#include "app/preview_texture.hpp"
#include "app/screenshot_shooter.hpp"
#include "app/screenshots_booking.hpp"
#include "app/slip_picture.hpp"
#include "app/window.hpp"
#include "core/catalog_sync.hpp"
#include "tools/central_dev/dev_central.hpp"
#include "ui/kiosk_ui.hpp"

namespace kiosk {
namespace {

constexpr const char* k_card =
    "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên "
    "Hòa, Thành phố Hà Nội|01082021";

// Search with the on-screen keyboard, an empty result, the occupation grid
// with related occupations, and the filters; leaves the list as it was.
bool shoot_refinement(Shooter& shoot, Journey& journey) {
  journey.handle(intent::ShowKeyboard{true});
  journey.handle(intent::SetSearch{"nhan vien"});
  shoot.frame(true, "search-keyboard");
  journey.handle(intent::ShowKeyboard{false});
  journey.handle(intent::SetSearch{"phi hanh gia"});
  shoot.frame(true, "search-empty");
  journey.handle(intent::SetSearch{""});
  journey.handle(intent::OpenOccupations{});
  const auto grid = journey.view().occupation_grid;
  if (grid.size() < 2) {
    std::cerr << "the occupation grid has fewer than two tiles\n";
    return false;
  }
  journey.handle(intent::ToggleOccupation{grid[0].isco08});
  shoot.frame(true, "occupations");
  journey.handle(intent::ShowMatches{});
  shoot.frame(true, "matches-occupation");
  journey.handle(intent::OpenFilters{});
  TouchFilters filters;
  filters.max_km = 10;
  filters.min_salary_million = 8;
  journey.handle(intent::SetFilters{filters});
  shoot.frame(true, "filters");
  journey.handle(intent::SetFilters{});
  journey.handle(intent::ShowMatches{});
  journey.handle(intent::ToggleOccupation{grid[0].isco08});
  return true;
}

// What the camera sees while someone holds a card up: a grey room, a light
// card and its QR code, a little noise.
PreviewFrame synthetic_camera_picture() {
  PreviewFrame f;
  f.width = 640;
  f.height = 480;
  f.sequence = 1;
  f.grey.resize(static_cast<std::size_t>(f.width) * f.height);
  std::uint32_t noise = 12345;
  for (int y = 0; y < f.height; ++y) {
    for (int x = 0; x < f.width; ++x) {
      noise = noise * 1664525u + 1013904223u;
      const int base = 70 + (x + y) / 20 + static_cast<int>(noise >> 29);
      f.grey[static_cast<std::size_t>(y) * f.width + x] = static_cast<std::uint8_t>(base);
    }
  }
  const auto qr = print::encode_qr(k_card);
  const int module = 4;
  const int size = qr ? qr->size * module : 0;
  const int cx = 330;
  const int cy = 250;
  for (int y = cy - size / 2 - 70; y < cy + size / 2 + 60; ++y) {
    for (int x = cx - size / 2 - 150; x < cx + size / 2 + 40; ++x) {
      if (x >= 0 && y >= 0 && x < f.width && y < f.height) {
        f.grey[static_cast<std::size_t>(y) * f.width + x] = 215;
      }
    }
  }
  for (int y = 0; qr && y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      if (qr->at(x / module, y / module)) {
        f.grey[static_cast<std::size_t>(cy - size / 2 + y) * f.width + (cx - size / 2 + x)] = 25;
      }
    }
  }
  return f;
}

int run(int argc, char** argv) {
  std::filesystem::path out = "screenshots";
  int width = 1920;
  int height = 1080;
  std::string font_dir = "/usr/share/fonts/truetype/noto";
  std::string locale_dir = KIOSK_LOCALE_DIR;
  Lang lang = Lang::vi;
  bool large_text = false;
  bool high_contrast = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--large-text") {
      large_text = true;
      continue;
    }
    if (a == "--high-contrast") {
      high_contrast = true;
      continue;
    }
    if (i + 1 >= argc) {
      break;
    }
    ++i;
    if (a == "--lang") {
      lang = lang_from_code(argv[i]).value_or(Lang::vi);
    } else if (a == "--locale-dir") {
      locale_dir = argv[i];
    } else if (a == "--out") {
      out = argv[i];
    } else if (a == "--width") {
      width = std::stoi(argv[i]);
    } else if (a == "--height") {
      height = std::stoi(argv[i]);
    } else if (a == "--font-dir") {
      font_dir = argv[i];
    }
  }
  std::filesystem::create_directories(out);
  dev::DevCentralOptions dev_options;
  dev_options.data_dir = KIOSK_DATA_DIR;
  dev::DevCentral central(dev_options);
  const auto port = central.start("127.0.0.1", 0);
  if (!port) {
    std::cerr << "dev server: " << port.error() << "\n";
    return 1;
  }
  Profile profile;
  profile.api.base_url = "http://127.0.0.1:" + std::to_string(*port);
  profile.printer.uri = "file:" + (out / "slips").string();
  auto api = make_central_api(profile, dev_options.token);
  auto printer = make_slip_printer(profile);
  if (!printer) {
    std::cerr << printer.error() << "\n";
    return 1;
  }
  // Today at 09:41 in Hanoi, so the header clock reads the same every run.
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now() +
                                                           k_vietnam_utc_offset);
  fake::FakeClock clock(std::chrono::time_point_cast<std::chrono::seconds>(
      today + std::chrono::hours{9} + std::chrono::minutes{41} - k_vietnam_utc_offset));
  fake::ManualTaskRunner runner;
  JourneyConfig config;
  config.kiosk_id = "hn-demo-01";
  config.centre_name = profile.kiosk.centre;
  auto wards = load_ward_table(std::string(KIOSK_DATA_DIR) + "/hanoi_wards.json");
  if (!wards) {
    std::cerr << wards.error() << "\n";
    return 1;
  }
  config.wards = *wards;
  auto translations = i18n::load_translations(locale_dir);
  if (!translations) {
    std::cerr << translations.error() << "\n";
    return 1;
  }
  config.translations = *translations;
  config.default_lang = lang;
  config.large_text = large_text;
  config.high_contrast = high_contrast;
  // The screenshots walk the journey against the development server; an
  // outbox in memory is enough for pictures.
  fake::MemoryOutbox outbox(*api);
  SwitchPrinter switch_printer(**printer);
  Journey journey(JourneyPorts{*api, outbox, switch_printer, clock, runner}, config);
  auto catalog = fetch_catalog(*api, clock);
  if (!catalog) {
    std::cerr << "sync failed: " << catalog.error().message << "\n";
    return 1;
  }
  const std::size_t vacancy_count = catalog->vacancies.size();
  const auto shared_catalog = std::make_shared<const Catalog>(std::move(*catalog));
  journey.set_catalog(shared_catalog, true);

  auto window = Window::open(WindowOptions{"kiosk-screenshots", width, height, false});
  if (!window) {
    std::cerr << window.error() << "\n";
    return 1;
  }
  auto fonts = ui::load_fonts(font_dir, (*window)->scale());
  if (!fonts) {
    std::cerr << fonts.error() << "\n";
    return 1;
  }
  ui::apply_style((*window)->scale());
  (*window)->rebuild_font_texture();
  ui::KioskUi ui(*fonts, (*window)->scale());
  ui.set_translations(*translations);
  ui::FrameInfo info;
  info.centre_name = profile.kiosk.centre;
  info.kiosk_name = "Ki-ốt sảnh chính";
  info.clock_text = format_vn_hhmm(clock.wall());
  info.date_text = format_weekday_date(clock.wall(), Tr(translations->get(), lang));
  info.vacancy_count = vacancy_count;
  Shooter shoot{**window, ui, journey, info, out};

  shoot.frame(true, "welcome");
  journey.on_scan(ScanEvent{"https://zalo.me/g/abcdef", "demo"});
  shoot.frame(true, "welcome-foreign-qr");
  // The same welcome screen on a kiosk with a camera: the live picture with
  // the card guide, and each kind of scan error.
  PreviewTexture preview;
  preview.update(synthetic_camera_picture());
  shoot.info.preview = preview.id();
  shoot.info.preview_aspect = preview.aspect();
  clock.advance(config.notice_timeout);
  journey.tick();
  shoot.frame(true, "camera-waiting");
  journey.on_reading();
  shoot.frame(true, "camera-reading");
  journey.on_scan(ScanEvent{"001095012345|123456789|Nguyễn Văn", "camera"});
  shoot.frame(true, "camera-incomplete");
  // A keyboard scanner that typed only the number: the person confirms
  // what the number says, or is told what to do instead.
  journey.on_scan(ScanEvent{"001095012345", "evdev", true});
  shoot.frame(true, "check-id");
  journey.handle(intent::RejectIdFacts{});
  shoot.frame(true, "check-id-rejected");
  journey.on_scan(ScanEvent{"001095012345||Nguy\xEF\xBF\xBDn|15031995|Nam|HN|01082021", "camera"});
  shoot.frame(true, "camera-garbled");
  journey.on_scan(ScanEvent{"001195012345||Trn Th Bnh|29022000|N|HN|01072024", "evdev", true});
  shoot.frame(true, "keyboard-text-lost");
  shoot.info.preview = nullptr;
  clock.advance(config.notice_timeout);
  journey.tick();
  journey.on_scan(ScanEvent{k_card, "demo"});
  shoot.frame(true, "consent");
  journey.handle(intent::OpenWardPicker{});
  journey.handle(intent::SetWardSearch{"cau"});
  shoot.frame(true, "ward-picker");
  journey.handle(intent::ChooseWard{journey.view().wards.front().code});
  journey.handle(intent::AcceptConsent{});
  shoot.frame(true, "matches");
  if (!shoot_refinement(shoot, journey)) {
    return 1;
  }
  const auto& matches = journey.view().matches;
  auto with_slots = std::find_if(matches.begin(), matches.end(),
                                 [](const Match& m) { return m.vacancy.slots_available > 0; });
  if (with_slots == matches.end()) {
    std::cerr << "no vacancy with open slots\n";
    return 1;
  }
  journey.handle(intent::OpenVacancy{with_slots->vacancy.id});
  shoot.frame(true, "vacancy");
  journey.handle(intent::ShowSlots{});
  shoot.frame(true, "slots-loading");
  runner.run_all();
  shoot.frame(true, "slots");
  const auto& slots = journey.view().slots;
  auto open = std::find_if(slots.begin(), slots.end(), [](const Slot& s) { return s.remaining > 0; });
  if (open == slots.end()) {
    std::cerr << "no open slot\n";
    return 1;
  }
  journey.handle(intent::ChooseSlot{open->id});
  shoot.frame(true, "confirm");
  journey.handle(intent::ShowKeyboard{true});
  journey.handle(intent::SetPhone{"0912345"});
  shoot.frame(true, "confirm-phone");
  journey.handle(intent::SetPhone{"0912345678"});
  journey.handle(intent::ShowKeyboard{false});
  journey.handle(intent::ConfirmBooking{});
  shoot.frame(true, "booking");
  runner.run_all();
  shoot.frame(true, "done");
  clock.advance(std::chrono::seconds{5});
  journey.handle(intent::Finish{});
  // The idle warning, on a fresh session.
  journey.on_scan(ScanEvent{k_card, "demo"});
  journey.handle(intent::AcceptConsent{});
  clock.advance(config.idle_timeout - std::chrono::seconds{12});
  journey.tick();
  shoot.frame(true, "idle-warning");
  SlipPicture slip_picture;
  if (!shoot_booking_paths(
          BookingShots{shoot, journey, central, runner, switch_printer, slip_picture, k_card})) {
    return 1;
  }
  // The same list from the cache while the central API is unreachable.
  journey.handle(intent::Cancel{});
  journey.set_catalog(shared_catalog, false);
  journey.on_scan(ScanEvent{k_card, "demo"});
  journey.handle(intent::AcceptConsent{});
  shoot.frame(true, "matches-offline");
  if (!large_text && !high_contrast) {
    // Staff mode has one presentation: the staff's own, whatever a job
    // seeker chose.
    shoot_staff(shoot, lang, preview.id(), preview.aspect());
  }

  central.stop();
  if (!ui.audit().missing().empty()) {
    std::cerr << "missing glyphs:";
    for (const unsigned c : ui.audit().missing()) {
      std::cerr << " U+" << std::hex << c;
    }
    std::cerr << "\n";
    return 3;
  }
  std::cout << shoot.count << " screens, every glyph present\n";
  return 0;
}

}  // namespace
}  // namespace kiosk

int main(int argc, char** argv) { return kiosk::run(argc, argv); }
