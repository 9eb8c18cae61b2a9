// kiosk_first_frame_bench: one kiosk start, from the cache to the first
// rendered frame of the matches screen, in wall-clock time. One run per
// process (scripts/bench.sh runs it several times under Xvfb with Mesa's
// software renderer).
//
//   kiosk_first_frame_bench --store FILE [--overlap|--sequential] [--font-dir DIR]
//                           [--width W --height H]
//
// Timed from the top of main. The cache part: open the SQLite cache, purge
// and load the catalog (as SyncService::load_cache does), build the search
// index. The window part: read the ward table, open the window, load the
// fonts. Sequentially (the default, an upper bound), or with --overlap the
// cache part on a second thread while the main thread does the window
// part, as the kiosk does (its sync thread loads the cache). Then a Journey
// gets the catalog, a citizen-ID payload is scanned and consent accepted
// (which ranks), and one frame is drawn and presented. Prints one line:
//
//   first_frame: mode=… total_ms=… cpu_ms=… store_open_ms=… cache_load_ms=… …

#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/factory/adapter_factory.hpp"
#include "adapters/fake/fakes.hpp"
#include "adapters/fake/memory_outbox.hpp"
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
  bool overlap = false;
  std::string font_dir = "/usr/share/fonts/truetype/noto";
  int width = 1920;
  int height = 1080;
};

Args parse_args(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    const bool has_value = i + 1 < argc;
    if (flag == "--overlap" || flag == "--sequential") {
      a.overlap = flag == "--overlap";
    } else if (flag == "--store" && has_value) {
      a.store = argv[++i];
    } else if (flag == "--font-dir" && has_value) {
      a.font_dir = argv[++i];
    } else if (flag == "--width" && has_value) {
      a.width = std::stoi(argv[++i]);
    } else if (flag == "--height" && has_value) {
      a.height = std::stoi(argv[++i]);
    }
  }
  return a;
}

// The cache part: the catalog as the kiosk shows it, its search index, and
// the milliseconds of each step (an error text instead when it failed).
struct LoadedCache {
  std::shared_ptr<const Catalog> catalog;
  SearchIndex index;
  double store_open_ms = 0;
  double cache_load_ms = 0;
  double index_ms = 0;
  std::string error;
};

LoadedCache load_cache(const std::string& path, const Clock& clock) {
  LoadedCache out;
  auto step = BenchClock::now();
  Profile profile;
  profile.data.store_path = path;
  auto store = make_store(profile);
  if (!store) {
    out.error = store.error();
    return out;
  }
  out.store_open_ms = ms_since(step);
  step = BenchClock::now();
  static_cast<void>((*store)->purge_expired(clock.wall()));
  auto cached = (*store)->load();
  if (!cached || cached->vacancies.empty()) {
    out.error = "empty or unreadable cache " + path;
    return out;
  }
  drop_expired(*cached, clock.wall());
  out.catalog = std::make_shared<const Catalog>(std::move(*cached));
  out.cache_load_ms = ms_since(step);
  step = BenchClock::now();
  out.index = SearchIndex::build(out.catalog->vacancies);
  out.index_ms = ms_since(step);
  return out;
}

// The window part: ward table, window, fonts and the UI.
struct ScreenPart {
  std::shared_ptr<const WardTable> wards;
  std::unique_ptr<Window> window;
  std::unique_ptr<ui::KioskUi> ui;
  double wards_ms = 0;
  double window_ms = 0;
  double fonts_ms = 0;
  std::string error;
};

ScreenPart open_screen(const Args& args) {
  ScreenPart out;
  auto step = BenchClock::now();
  auto wards = load_ward_table(std::string(KIOSK_DATA_DIR) + "/hanoi_wards.json");
  if (!wards) {
    out.error = wards.error();
    return out;
  }
  out.wards = *wards;
  out.wards_ms = ms_since(step);
  step = BenchClock::now();
  auto window = Window::open(WindowOptions{"kiosk-first-frame", args.width, args.height, false});
  if (!window) {
    out.error = window.error();
    return out;
  }
  out.window = std::move(*window);
  out.window_ms = ms_since(step);
  step = BenchClock::now();
  auto fonts = ui::load_fonts(args.font_dir, out.window->scale());
  if (!fonts) {
    out.error = fonts.error();
    return out;
  }
  ui::apply_style(out.window->scale());
  out.window->rebuild_font_texture();
  out.ui = std::make_unique<ui::KioskUi>(*fonts, out.window->scale());
  out.fonts_ms = ms_since(step);
  return out;
}

int run(int argc, char** argv, BenchClock::time_point start) {
  const Args args = parse_args(argc, argv);
  if (args.store.empty()) {
    std::fprintf(stderr, "usage: kiosk_first_frame_bench --store FILE [--overlap]\n");
    return 2;
  }
  spdlog::set_level(spdlog::level::warn);
  SystemClock clock;
  LoadedCache cache;
  ScreenPart screen;
  if (args.overlap) {
    std::thread sync_thread([&] { cache = load_cache(args.store, clock); });
    screen = open_screen(args);
    sync_thread.join();
  } else {
    cache = load_cache(args.store, clock);
    if (cache.error.empty()) {
      screen = open_screen(args);
    }
  }
  if (!cache.error.empty() || !screen.error.empty()) {
    std::fprintf(stderr, "%s%s\n", cache.error.c_str(), screen.error.c_str());
    return 1;
  }
  auto step = BenchClock::now();
  // The journey's ports: nothing on the way to the matches screen calls
  // the API, the outbox, the printer or the task runner.
  fake::FakeCentralApi api;
  fake::MemoryOutbox outbox(api);
  fake::FakePrinter printer;
  fake::ManualTaskRunner runner;
  JourneyConfig config;
  config.wards = screen.wards;
  Journey journey(JourneyPorts{api, outbox, printer, clock, runner}, config);
  journey.set_catalog(cache.catalog, false);
  journey.on_scan(ScanEvent{k_card, "bench"});
  journey.handle(intent::AcceptConsent{});
  if (journey.view().screen != kiosk::Screen::matches || journey.view().matches.empty()) {
    std::fprintf(stderr, "not on a filled matches screen (screen %d, %zu matches)\n",
                 static_cast<int>(journey.view().screen), journey.view().matches.size());
    return 1;
  }
  const double journey_ms = ms_since(step);
  step = BenchClock::now();
  const ui::FrameInfo info{config.centre_name,
                           "bench",
                           format_vn_hhmm(clock.wall()),
                           format_vn_weekday_date(clock.wall()),
                           cache.catalog->vacancies.size(),
                           true,
                           {}};
  screen.window->begin_frame();
  static_cast<void>(screen.ui->draw(journey.view(), info, 0.0));
  screen.window->end_frame(true);
  const double frame_ms = ms_since(step);
  const double total = ms_since(start);
  const double cpu = process_cpu_ms();
  fmt::print(
      "first_frame: mode={} total_ms={:.0f} cpu_ms={:.0f} store_open_ms={:.1f} "
      "cache_load_ms={:.0f} index_ms={:.0f} wards_ms={:.1f} window_ms={:.0f} fonts_ms={:.0f} "
      "journey_ms={:.1f} frame_ms={:.0f} vacancies={} matches={} indexed={}\n",
      args.overlap ? "overlap" : "sequential", total, cpu, cache.store_open_ms, cache.cache_load_ms,
      cache.index_ms, screen.wards_ms, screen.window_ms, screen.fonts_ms, journey_ms, frame_ms,
      cache.catalog->vacancies.size(), journey.view().matches.size(), cache.index.vacancy_count());
  return 0;
}

}  // namespace
}  // namespace kiosk::bench

int main(int argc, char** argv) {
  const auto start = kiosk::bench::BenchClock::now();
  return kiosk::bench::run(argc, argv, start);
}
