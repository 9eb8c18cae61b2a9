// kiosk_first_frame_bench: one kiosk start, from the cache to the first
// rendered frame of the matches screen, in wall-clock time. One run per
// process (scripts/bench.sh runs it several times under Xvfb with Mesa's
// software renderer).
//
//   kiosk_first_frame_bench --store FILE [--font-dir DIR] [--width W --height H]
//
// Timed from the top of main, in the order a sequential start would take
// (the real kiosk opens the window while its sync thread loads the cache,
// so this is an upper bound): open the SQLite cache, purge and load the
// catalog (as SyncService::load_cache), build the search index, read the
// ward table, open the window and load the fonts, then hand the catalog to
// a Journey, scan a citizen-ID payload, accept consent (which ranks) and
// draw and present one frame. Prints one line for scripts:
//
//   first_frame: total_ms=… store_open_ms=… cache_load_ms=… index_ms=… …

#include <cstdio>
#include <string>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/fake/fakes.hpp"
#include "adapters/factory/adapter_factory.hpp"
#include "adapters/system/system_clock.hpp"
#include "app/window.hpp"
#include "bench_stats.hpp"
#include "core/catalog_changes.hpp"
#include "core/search.hpp"
#include "ui/kiosk_ui.hpp"

namespace kiosk::bench {
namespace {

constexpr const char* k_card =
    "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên "
    "Hòa, Thành phố Hà Nội|01082021";

struct Args {
  std::string store;
  std::string font_dir = "/usr/share/fonts/truetype/noto";
  int width = 1920;
  int height = 1080;
};

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--store") {
      a.store = argv[i + 1];
    } else if (flag == "--font-dir") {
      a.font_dir = argv[i + 1];
    } else if (flag == "--width") {
      a.width = std::stoi(argv[i + 1]);
    } else if (flag == "--height") {
      a.height = std::stoi(argv[i + 1]);
    }
  }
  return a;
}

// Milliseconds of each step, in order.
struct Steps {
  double store_open = 0;
  double cache_load = 0;
  double index = 0;
  double wards = 0;
  double window = 0;
  double fonts = 0;
  double journey = 0;
  double frame = 0;
};

int run(int argc, char** argv, BenchClock::time_point start) {
  const Args args = parse_args(argc, argv);
  if (args.store.empty()) {
    std::fprintf(stderr, "usage: kiosk_first_frame_bench --store FILE [--font-dir DIR]\n");
    return 2;
  }
  spdlog::set_level(spdlog::level::warn);
  Steps steps;
  auto step = BenchClock::now();
  const auto lap = [&step](double& into) {
    into = ms_since(step);
    step = BenchClock::now();
  };
  SystemClock clock;
  Profile profile;
  profile.data.store_path = args.store;
  auto store = make_store(profile);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().c_str());
    return 1;
  }
  lap(steps.store_open);
  static_cast<void>((*store)->purge_expired(clock.wall()));
  auto cached = (*store)->load();
  if (!cached || cached->vacancies.empty()) {
    std::fprintf(stderr, "empty or unreadable cache %s\n", args.store.c_str());
    return 1;
  }
  drop_expired(*cached, clock.wall());
  auto catalog = std::make_shared<const Catalog>(std::move(*cached));
  lap(steps.cache_load);
  const SearchIndex index = SearchIndex::build(catalog->vacancies);
  lap(steps.index);
  auto wards = load_ward_table(std::string(KIOSK_DATA_DIR) + "/hanoi_wards.json");
  if (!wards) {
    std::fprintf(stderr, "%s\n", wards.error().c_str());
    return 1;
  }
  lap(steps.wards);
  auto window = Window::open(WindowOptions{"kiosk-first-frame", args.width, args.height, false});
  if (!window) {
    std::fprintf(stderr, "%s\n", window.error().c_str());
    return 1;
  }
  lap(steps.window);
  auto fonts = ui::load_fonts(args.font_dir, (*window)->scale());
  if (!fonts) {
    std::fprintf(stderr, "%s\n", fonts.error().c_str());
    return 1;
  }
  ui::apply_style((*window)->scale());
  (*window)->rebuild_font_texture();
  ui::KioskUi kiosk_ui(*fonts, (*window)->scale());
  lap(steps.fonts);
  // The journey's ports: nothing on the way to the matches screen calls
  // the API, the printer or the task runner.
  fake::FakeCentralApi api;
  fake::FakePrinter printer;
  fake::ManualTaskRunner runner;
  JourneyConfig config;
  config.wards = *wards;
  Journey journey(JourneyPorts{api, printer, clock, runner}, config);
  journey.set_catalog(catalog, false);
  journey.on_scan(ScanEvent{k_card, "bench"});
  journey.handle(intent::AcceptConsent{});
  if (journey.view().screen != Screen::matches || journey.view().matches.empty()) {
    std::fprintf(stderr, "not on a filled matches screen (screen %d, %zu matches)\n",
                 static_cast<int>(journey.view().screen), journey.view().matches.size());
    return 1;
  }
  lap(steps.journey);
  const ui::FrameInfo info{config.centre_name, "bench", format_vn_hhmm(clock.wall()),
                           format_vn_weekday_date(clock.wall()), catalog->vacancies.size(),
                           true, {}};
  (*window)->begin_frame();
  static_cast<void>(kiosk_ui.draw(journey.view(), info, 0.0));
  (*window)->end_frame(true);
  lap(steps.frame);
  const double total = ms_since(start);
  fmt::print(
      "first_frame: total_ms={:.0f} store_open_ms={:.1f} cache_load_ms={:.0f} index_ms={:.0f} "
      "wards_ms={:.1f} window_ms={:.0f} fonts_ms={:.0f} journey_ms={:.1f} frame_ms={:.0f} "
      "vacancies={} matches={}\n",
      total, steps.store_open, steps.cache_load, steps.index, steps.wards, steps.window,
      steps.fonts, steps.journey, steps.frame, catalog->vacancies.size(),
      journey.view().matches.size());
  static_cast<void>(index.vacancy_count());
  return 0;
}

}  // namespace
}  // namespace kiosk::bench

int main(int argc, char** argv) {
  const auto start = kiosk::bench::BenchClock::now();
  return kiosk::bench::run(argc, argv, start);
}
