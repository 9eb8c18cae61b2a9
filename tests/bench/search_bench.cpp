// kiosk_search_bench: the kiosk's free-text search over a realistic catalog
// (Vietnamese job titles, employers, occupations and Hanoi's 126 wards).
//
//   kiosk_search_bench [--vacancies=N] [Google Benchmark flags…]
//
// Benchmarks: Search/Build builds the SearchIndex over N vacancies (50,000
// by default); Search/Keystrokes types several phrases one character at a
// time, as on the on-screen keyboard, and times every keystroke's search
// (fold the query and find the positions), reporting median, p95 and max in
// ms as counters; Search/Query/<text> times single queries. After the
// benchmarks one summary line is printed for scripts:
//
//   search: vacancies=50000 words=… build_ms=… keystroke_median_ms=… keystroke_p95_ms=… …

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "bench_stats.hpp"
#include "core/search.hpp"
#include "core/vacancy.hpp"

namespace {

using kiosk::SearchIndex;
using kiosk::Vacancy;
using Clock = kiosk::bench::BenchClock;
using kiosk::bench::keystrokes;
using kiosk::bench::ms_since;
using kiosk::bench::percentile;

struct Occupation {
  const char* label;
  const char* title;
  const char* other_title;  // may be empty
};

// Occupations as the development central server names them
// (kiosk/tools/central_dev/dev_occupations.cpp) and the wards of Hanoi
// (assets/data/vn-admin-2025/hanoi_wards.json).
// clang-format off
constexpr Occupation k_occupations[] = {
    {"Quản lý tài chính", "Trưởng phòng tài chính kế toán", ""},
    {"Quản lý kinh doanh và tiếp thị", "Trưởng phòng kinh doanh", ""},
    {"Quản lý cửa hàng bán lẻ và bán buôn", "Cửa hàng trưởng", "Quản lý siêu thị mini"},
    {"Kỹ sư công nghiệp và sản xuất", "Kỹ sư sản xuất", "Kỹ sư quản lý chất lượng (QA)"},
    {"Kỹ sư xây dựng", "Kỹ sư giám sát công trình", "Kỹ sư dự toán"},
    {"Kỹ sư cơ khí", "Kỹ sư thiết kế cơ khí", "Kỹ sư bảo trì cơ khí"},
    {"Kỹ sư điện", "Kỹ sư điện", "Kỹ sư điện công trình"},
    {"Kỹ sư điện tử", "Kỹ sư điện tử", "Kỹ sư quy trình sản xuất (PE)"},
    {"Nhà thiết kế đồ họa và đa phương tiện", "Nhân viên thiết kế đồ họa", "Nhân viên dựng video"},
    {"Điều dưỡng viên", "Điều dưỡng viên", "Điều dưỡng phòng khám"},
    {"Giảng viên", "Giảng viên cao đẳng", "Giảng viên tiếng Anh"},
    {"Giáo viên tiểu học", "Giáo viên tiểu học", ""},
    {"Giáo viên mầm non", "Giáo viên mầm non", ""},
    {"Giáo viên ngoại ngữ", "Giáo viên tiếng Anh", "Giáo viên tiếng Nhật"},
    {"Kế toán viên", "Kế toán tổng hợp", "Kế toán thuế"},
    {"Chuyên viên nhân sự", "Chuyên viên tuyển dụng", "Chuyên viên tiền lương và phúc lợi"},
    {"Chuyên viên quảng cáo và tiếp thị", "Nhân viên marketing", "Chuyên viên digital marketing"},
    {"Lập trình viên phần mềm", "Lập trình viên C++", "Lập trình viên Java"},
    {"Lập trình viên web và đa phương tiện", "Lập trình viên web", "Lập trình viên front-end"},
    {"Quản trị hệ thống", "Chuyên viên quản trị hệ thống", "Chuyên viên quản trị mạng"},
    {"Luật sư", "Luật sư tập sự", "Luật sư tư vấn doanh nghiệp"},
    {"Chuyên viên pháp chế", "Chuyên viên pháp chế", "Chuyên viên pháp chế ngân hàng"},
    {"Biên dịch viên, phiên dịch viên", "Phiên dịch viên tiếng Nhật", "Biên dịch viên tiếng Anh"},
    {"Kỹ thuật viên xây dựng", "Kỹ thuật viên hiện trường", ""},
    {"Kỹ thuật viên điện", "Kỹ thuật viên điện", "Kỹ thuật viên điện nhà máy"},
    {"Kỹ thuật viên điện tử", "Kỹ thuật viên bảo trì thiết bị điện tử", "Kỹ thuật viên kiểm tra chất lượng (QC)"},
    {"Kỹ thuật viên cơ khí", "Kỹ thuật viên bảo trì máy", ""},
    {"Giám sát sản xuất", "Tổ trưởng sản xuất", "Trưởng ca sản xuất"},
    {"Kế toán", "Nhân viên kế toán", "Kế toán kho"},
    {"Nhân viên kinh doanh", "Nhân viên kinh doanh", "Nhân viên tư vấn bán hàng dự án"},
    {"Nhân viên pháp lý", "Trợ lý luật sư", "Nhân viên pháp lý"},
    {"Nhân viên văn phòng", "Nhân viên hành chính văn phòng", "Nhân viên văn thư"},
    {"Thư ký", "Thư ký giám đốc", "Trợ lý hành chính"},
    {"Nhân viên nhập liệu", "Nhân viên nhập liệu", ""},
    {"Giao dịch viên ngân hàng", "Giao dịch viên", "Giao dịch viên dịch vụ khách hàng"},
    {"Nhân viên tư vấn du lịch", "Nhân viên điều hành tour", "Nhân viên bán tour"},
    {"Nhân viên chăm sóc khách hàng qua điện thoại", "Nhân viên tổng đài chăm sóc khách hàng", "Nhân viên tổng đài tiếng Anh"},
    {"Lễ tân khách sạn", "Lễ tân khách sạn", ""},
    {"Lễ tân", "Lễ tân văn phòng", "Lễ tân phòng khám"},
    {"Nhân viên ghi sổ kế toán", "Nhân viên thống kê", "Nhân viên ghi sổ"},
    {"Nhân viên kho", "Nhân viên kho", "Thủ kho"},
    {"Nhân viên điều phối vận tải", "Nhân viên điều phối xe", ""},
    {"Hướng dẫn viên du lịch", "Hướng dẫn viên du lịch quốc tế", "Hướng dẫn viên du lịch nội địa"},
    {"Đầu bếp", "Đầu bếp món Việt", "Đầu bếp bếp Âu"},
    {"Nhân viên phục vụ bàn", "Nhân viên phục vụ nhà hàng", "Nhân viên phục vụ quán cà phê"},
    {"Nhân viên pha chế", "Nhân viên pha chế (barista)", ""},
    {"Thợ cắt tóc", "Thợ cắt tóc nam", "Thợ làm tóc"},
    {"Kỹ thuật viên chăm sóc sắc đẹp", "Kỹ thuật viên spa", "Kỹ thuật viên làm móng"},
    {"Nhân viên quản lý tòa nhà", "Nhân viên quản lý tòa nhà", ""},
    {"Nhân viên bán hàng", "Nhân viên bán hàng siêu thị", "Nhân viên tư vấn bán hàng điện máy"},
    {"Thu ngân", "Nhân viên thu ngân", ""},
    {"Nhân viên bán hàng qua điện thoại", "Nhân viên telesales", ""},
    {"Nhân viên trông trẻ", "Bảo mẫu", "Cô nuôi dạy trẻ"},
    {"Hộ lý", "Hộ lý bệnh viện", ""},
    {"Nhân viên chăm sóc người bệnh tại nhà", "Nhân viên chăm sóc người cao tuổi", "Hộ lý điều dưỡng"},
    {"Bảo vệ", "Nhân viên bảo vệ", "Bảo vệ tòa nhà"},
    {"Thợ xây", "Thợ xây", "Thợ xây, trát"},
    {"Thợ mộc", "Thợ mộc nội thất", ""},
    {"Thợ sửa ống nước", "Thợ điện nước", "Thợ lắp đặt đường ống"},
    {"Thợ điện lạnh", "Thợ điện lạnh", "Thợ lắp đặt điều hòa"},
    {"Thợ sơn", "Thợ sơn bả", ""},
    {"Thợ hàn", "Thợ hàn", "Thợ hàn CO2"},
    {"Thợ vận hành máy công cụ", "Thợ vận hành máy CNC", "Thợ tiện, phay"},
    {"Thợ sửa chữa ô tô", "Thợ sửa chữa ô tô", "Kỹ thuật viên gầm máy ô tô"},
    {"Thợ điện", "Thợ điện công trình", "Thợ điện bảo trì"},
    {"Thợ sửa chữa điện tử", "Thợ sửa chữa điện thoại, máy tính", ""},
    {"Thợ làm bánh", "Thợ làm bánh", "Nhân viên làm bánh ngọt"},
    {"Thợ may", "Thợ may đo", "Thợ may mẫu"},
    {"Công nhân vận hành máy ép nhựa", "Công nhân vận hành máy ép nhựa", ""},
    {"Công nhân may công nghiệp", "Công nhân may", "Công nhân may công nghiệp"},
    {"Công nhân lắp ráp cơ khí", "Công nhân lắp ráp cơ khí", "Công nhân lắp ráp phụ tùng ô tô"},
    {"Công nhân lắp ráp điện tử", "Công nhân lắp ráp điện tử", "Công nhân sản xuất linh kiện điện tử"},
    {"Lái xe ô tô con", "Lái xe taxi", "Lái xe văn phòng"},
    {"Lái xe buýt", "Lái xe buýt", ""},
    {"Lái xe tải hạng nặng", "Lái xe tải", "Lái xe container"},
    {"Lái xe nâng", "Lái xe nâng hàng", ""},
    {"Tạp vụ", "Nhân viên tạp vụ", "Nhân viên vệ sinh tòa nhà"},
    {"Lao động trồng trọt", "Lao động nông nghiệp", ""},
    {"Công nhân chăm sóc cây xanh", "Công nhân cây xanh đô thị", ""},
    {"Lao động phổ thông xây dựng", "Phụ hồ", "Lao động phổ thông công trình"},
    {"Công nhân đóng gói", "Công nhân đóng gói", "Nhân viên đóng gói hàng online"},
    {"Lao động phổ thông sản xuất", "Lao động phổ thông", "Công nhân sản xuất"},
    {"Công nhân bốc xếp", "Công nhân bốc xếp hàng hóa", ""},
    {"Phụ bếp", "Phụ bếp", "Nhân viên rửa bát"},
    {"Nhân viên giao hàng", "Nhân viên giao hàng", "Nhân viên giao hàng nội thành"},
};
constexpr const char* k_wards[] = {
    "Ba Đình", "Ngọc Hà", "Giảng Võ", "Hoàn Kiếm", "Cửa Nam", "Phú Thượng", "Hồng Hà", "Tây Hồ",
    "Bồ Đề", "Việt Hưng", "Phúc Lợi", "Long Biên", "Nghĩa Đô", "Cầu Giấy", "Yên Hoà", "Ô Chợ Dừa",
    "Láng", "Văn Miếu - Quốc Tử Giám", "Kim Liên", "Đống Đa", "Hai Bà Trưng", "Vĩnh Tuy",
    "Bạch Mai", "Vĩnh Hưng", "Định Công", "Tương Mai", "Lĩnh Nam", "Hoàng Mai", "Hoàng Liệt",
    "Yên Sở", "Phương Liệt", "Khương Đình", "Thanh Xuân", "Sóc Sơn", "Kim Anh", "Trung Giã",
    "Đa Phúc", "Nội Bài", "Đông Anh", "Phúc Thịnh", "Thư Lâm", "Thiên Lộc", "Vĩnh Thanh",
    "Phù Đổng", "Thuận An", "Gia Lâm", "Bát Tràng", "Từ Liêm", "Thượng Cát", "Đông Ngạc",
    "Xuân Đỉnh", "Tây Tựu", "Phú Diễn", "Xuân Phương", "Tây Mỗ", "Đại Mỗ", "Thanh Trì",
    "Thanh Liệt", "Đại Thanh", "Ngọc Hồi", "Nam Phù", "Yên Xuân", "Quang Minh", "Yên Lãng",
    "Tiến Thắng", "Mê Linh", "Kiến Hưng", "Hà Đông", "Yên Nghĩa", "Phú Lương", "Sơn Tây",
    "Tùng Thiện", "Đoài Phương", "Quảng Oai", "Cổ Đô", "Minh Châu", "Vật Lại", "Bất Bạt",
    "Suối Hai", "Ba Vì", "Yên Bài", "Phúc Thọ", "Phúc Lộc", "Hát Môn", "Đan Phượng", "Liên Minh",
    "Ô Diên", "Hoài Đức", "Dương Hoà", "Sơn Đồng", "An Khánh", "Dương Nội", "Quốc Oai", "Kiều Phú",
    "Hưng Đạo", "Phú Cát", "Thạch Thất", "Hạ Bằng", "Hoà Lạc", "Tây Phương", "Chương Mỹ",
    "Phú Nghĩa", "Xuân Mai", "Quảng Bị", "Trần Phú", "Hoà Phú", "Thanh Oai", "Bình Minh",
    "Tam Hưng", "Dân Hoà", "Thường Tín", "Hồng Vân", "Thượng Phúc", "Chương Dương", "Phú Xuyên",
    "Phượng Dực", "Chuyên Mỹ", "Đại Xuyên", "Vân Đình", "Ứng Thiên", "Ứng Hoà", "Hoà Xá", "Mỹ Đức",
    "Phúc Sơn", "Hồng Sơn", "Hương Sơn",
};
// clang-format on

constexpr const char* k_employer_kinds[] = {
    "Công ty TNHH", "Công ty CP", "Công ty TNHH MTV", "Tập đoàn",  "Hộ kinh doanh",
    "Cửa hàng",     "Nhà hàng",   "Trung tâm",        "Bệnh viện", "Trường Mầm non",
};
constexpr const char* k_employer_words[] = {
    "Điện tử",  "Cơ khí",     "May mặc",   "Thực phẩm", "Xây dựng",     "Vận tải",   "Thương mại",
    "Dịch vụ",  "Đầu tư",     "Công nghệ", "Phần mềm",  "Bánh kẹo",     "Nhựa",      "Bao bì",
    "Hà Thành", "Thăng Long", "Tràng An",  "Hồng Hà",   "Sông Đà",      "Kinh Bắc",  "Đông Đô",
    "Minh Anh", "Phú Thịnh",  "An Phát",   "Tân Phát",  "Hòa Bình",     "Việt Hưng", "Quang Minh",
    "Sao Mai",  "Hoàng Long", "Bình Minh", "Ánh Dương", "Trường Thành", "Đại Việt",  "Nam Á",
    "Kotobuki", "Sumiden",    "Daeho",     "Seiwa",     "Canon",        "Foster",    "Yazaki",
};
constexpr const char* k_employer_places[] = {"Việt Nam", "Hà Nội", "Vina", "Miền Bắc", "", ""};
constexpr const char* k_title_extras[] = {
    "",
    "",
    "",
    "",
    "",
    " - ca đêm",
    " (không yêu cầu kinh nghiệm)",
    " - làm việc tại KCN Quang Minh",
    " thu nhập từ 12 triệu",
    " tiếng Nhật",
    " bán thời gian",
    " - nhận việc ngay",
    " (nam/nữ)",
};

template <typename T, std::size_t N>
const T& pick(std::mt19937& rng, const T (&items)[N]) {
  return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

std::vector<std::string> make_employers(std::mt19937& rng, std::size_t count) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) {
    std::string name = fmt::format("{} {} {}", pick(rng, k_employer_kinds),
                                   pick(rng, k_employer_words), pick(rng, k_employer_words));
    const std::string place = pick(rng, k_employer_places);
    if (!place.empty()) {
      name += " " + place;
    }
    out.push_back(std::move(name));
  }
  return out;
}

std::vector<Vacancy> make_vacancies(std::size_t count) {
  std::mt19937 rng(20251127);
  const std::vector<std::string> employers = make_employers(rng, 3000);
  std::vector<Vacancy> out(count);
  for (std::size_t i = 0; i < count; ++i) {
    const Occupation& occ = pick(rng, k_occupations);
    Vacancy& v = out[i];
    v.id = fmt::format("v{:06}", i);
    const bool other = occ.other_title[0] != '\0' && (rng() & 1U) != 0;
    v.title = std::string(other ? occ.other_title : occ.title) + pick(rng, k_title_extras);
    v.employer_name =
        employers[std::uniform_int_distribution<std::size_t>(0, employers.size() - 1)(rng)];
    v.occupation_label = occ.label;
    v.ward_name = pick(rng, k_wards);
  }
  return out;
}

struct Summary {
  std::size_t words = 0;
  double build_ms = 0.0;
  std::size_t keystrokes = 0;
  double median_ms = 0.0;
  double p95_ms = 0.0;
  double max_ms = 0.0;
};

void bench_build(benchmark::State& state, const std::vector<Vacancy>& vacancies, Summary& out) {
  std::vector<double> samples;
  for (auto _ : state) {
    const auto start = Clock::now();
    SearchIndex index = SearchIndex::build(vacancies);
    samples.push_back(ms_since(start));
    out.words = index.word_count();
    benchmark::DoNotOptimize(index);
  }
  out.build_ms = percentile(samples, 0.5);
  state.counters["words"] = static_cast<double>(out.words);
}

void bench_keystrokes(benchmark::State& state, const SearchIndex& index, Summary& out) {
  const std::vector<std::string> typed = keystrokes();
  std::vector<double> samples;
  std::size_t found = 0;
  for (auto _ : state) {
    for (const std::string& text : typed) {
      const auto start = Clock::now();
      const auto hits = index.search(kiosk::make_search_query(text));
      samples.push_back(ms_since(start));
      found += hits.size();
    }
  }
  benchmark::DoNotOptimize(found);
  out.keystrokes = samples.size();
  out.median_ms = percentile(samples, 0.5);
  out.p95_ms = percentile(samples, 0.95);
  out.max_ms = percentile(samples, 1.0);
  state.counters["keystrokes"] = static_cast<double>(typed.size());
  state.counters["median_ms"] = out.median_ms;
  state.counters["p95_ms"] = out.p95_ms;
  state.counters["max_ms"] = out.max_ms;
}

void bench_query(benchmark::State& state, const SearchIndex& index, const std::string& text) {
  std::size_t hits = 0;
  for (auto _ : state) {
    hits = index.search(kiosk::make_search_query(text)).size();
    benchmark::DoNotOptimize(hits);
  }
  state.counters["hits"] = static_cast<double>(hits);
}

std::size_t take_vacancy_count(int& argc, char** argv) {
  std::size_t count = 50'000;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--vacancies=", 0) == 0) {
      count = std::stoul(arg.substr(12));
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  return count;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t count = take_vacancy_count(argc, argv);
  const std::vector<Vacancy> vacancies = make_vacancies(count);
  const SearchIndex index = SearchIndex::build(vacancies);
  Summary summary;
  benchmark::RegisterBenchmark("Search/Build", bench_build, std::cref(vacancies), std::ref(summary))
      ->Unit(benchmark::kMillisecond)
      ->Iterations(5);
  benchmark::RegisterBenchmark("Search/Keystrokes", bench_keystrokes, std::cref(index),
                               std::ref(summary))
      ->Unit(benchmark::kMillisecond)
      ->Iterations(20);
  for (const std::string text : {"t", "th", "thợ", "tho d", "tho dien", "ha noi", "cong ty"}) {
    benchmark::RegisterBenchmark(("Search/Query/" + text).c_str(), bench_query, std::cref(index),
                                 text)
        ->Unit(benchmark::kMicrosecond);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  fmt::print(
      "search: vacancies={} words={} build_ms={:.1f} keystrokes={} keystroke_median_ms={:.3f} "
      "keystroke_p95_ms={:.3f} keystroke_max_ms={:.3f}\n",
      vacancies.size(), summary.words, summary.build_ms, summary.keystrokes, summary.median_ms,
      summary.p95_ms, summary.max_ms);
  return 0;
}
