// What "read aloud" says on each screen, in Vietnamese and in English, with
// the real catalogues: the key facts are there, the ID number and other
// personal fields are not.

#include "core/spoken_text.hpp"

#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "adapters/i18n/po_catalog.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

// The catalogues of the source tree. Until the lead merges the speech
// strings into po/en.po, the English comes from po/parts/speech.en.po.
std::shared_ptr<const Translations> catalogues() {
  static const std::shared_ptr<const Translations> loaded = [] {
    const fs::path dir = KIOSK_PO_DIR;
    auto translations = std::make_shared<Translations>();
    auto vi = i18n::read_po((dir / "vi.po").string());
    EXPECT_TRUE(vi.has_value()) << vi.error();
    translations->set(Lang::vi, vi ? std::move(*vi) : MessageCatalog{});
    auto en = i18n::read_po((dir / "en.po").string());
    EXPECT_TRUE(en.has_value()) << en.error();
    if (!en || !en->contains("Đã đọc thẻ.")) {
      en = i18n::read_po((dir / "parts" / "speech.en.po").string());
      EXPECT_TRUE(en.has_value()) << en.error();
    }
    translations->set(Lang::en, en ? std::move(*en) : MessageCatalog{});
    return translations;
  }();
  return loaded;
}

Tr vi() {
  return Tr(catalogues().get(), Lang::vi);
}
Tr en() {
  return Tr(catalogues().get(), Lang::en);
}

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

Vacancy welder() {
  Vacancy v;
  v.id = "vac-1";
  v.title = "Thợ hàn điện";
  v.employer_name = "Công ty Cổ phần Cơ khí Long Biên";
  v.salary_min_vnd = 8'000'000;
  v.salary_max_vnd = 12'500'000;
  v.salary_period = "month";
  v.ward_name = "Phường Long Biên";
  v.employment_type = "full_time";
  v.positions = 3;
  v.min_age = 18;
  v.max_age = 45;
  v.slots_available = 5;
  return v;
}

Slot morning_slot() {
  Slot s;
  s.id = "slot-1";
  s.starts_at = *parse_iso8601("2026-11-27T08:30:00+07:00");  // a Friday
  s.ends_at = *parse_iso8601("2026-11-27T09:00:00+07:00");
  s.venue = "Trung tâm Dịch vụ việc làm Hà Nội";
  s.booth = "Bàn số 5";
  s.capacity = 10;
  s.remaining = 4;
  return s;
}

// A session in progress, with every personal field the view can hold set,
// so each test can check none of it is spoken (but the given name).
JourneyView person_view(Screen screen) {
  JourneyView view;
  view.screen = screen;
  view.greeting_name = "An";
  view.person_name = "Nguyễn Văn An";
  view.home_area = "Phường Yên Hòa";
  view.phone = "0912345678";
  view.catalog_empty = false;
  Match m;
  m.vacancy = welder();
  view.matches = {m};
  m.vacancy.title = "Công nhân lắp ráp";
  m.vacancy.employer_name = "Công ty TNHH Điện tử Thăng Long";
  m.vacancy.ward_name = "";
  view.matches.push_back(m);
  view.matches_total = 12;
  view.matches_shown = 12;
  view.vacancy = welder();
  view.slots = {morning_slot()};
  view.chosen_slot = morning_slot();
  BookingConfirmation c;
  c.booking_id = "b-1";
  c.reference = "HN-4K7Q";
  c.slot = morning_slot();
  c.vacancy_title = "Thợ hàn điện";
  c.employer_name = "Công ty Cổ phần Cơ khí Long Biên";
  c.instructions = {"Mang theo thẻ căn cước và bản sao bằng cấp"};
  view.confirmation = c;
  view.printed = true;
  return view;
}

void expect_nothing_personal(const std::string& text) {
  EXPECT_FALSE(has(text, "001095012345")) << text;
  EXPECT_FALSE(has(text, "001******345")) << text;
  EXPECT_FALSE(has(text, "******")) << text;
  EXPECT_FALSE(has(text, "Nguyễn Văn An")) << text;
  EXPECT_FALSE(has(text, "0912345678")) << text;
  EXPECT_FALSE(has(text, "1995")) << text;  // the birth year
}

TEST(SpokenText, AVacancyInVietnameseAsBefore) {
  const std::string text = spoken_vacancy(welder(), Tr{});
  EXPECT_TRUE(has(text, "Thợ hàn điện.")) << text;
  EXPECT_TRUE(has(text, "Lương từ 8 đến 12 phẩy 5 triệu đồng một tháng.")) << text;
  EXPECT_TRUE(has(text, "Nơi làm việc: Phường Long Biên.")) << text;
  EXPECT_TRUE(has(text, "Toàn thời gian.")) << text;
  EXPECT_TRUE(has(text, "Độ tuổi từ 18 đến 45.")) << text;
  EXPECT_TRUE(has(text, "Còn 5 suất phỏng vấn.")) << text;
  EXPECT_EQ(text, spoken_vacancy(welder(), vi()));
}

TEST(SpokenText, AVacancyInEnglish) {
  const std::string text = spoken_vacancy(welder(), en());
  EXPECT_TRUE(has(text, "Thợ hàn điện.")) << text;  // the data stays as the employer wrote it
  EXPECT_TRUE(has(text, "Employer: Công ty Cổ phần Cơ khí Long Biên.")) << text;
  EXPECT_TRUE(has(text, "Pay from 8 to 12.5 million dong a month.")) << text;
  EXPECT_TRUE(has(text, "Place of work: Phường Long Biên.")) << text;
  EXPECT_TRUE(has(text, "3 people wanted.")) << text;
  EXPECT_TRUE(has(text, "Age 18 to 45.")) << text;
  EXPECT_TRUE(has(text, "5 interview places left.")) << text;
  EXPECT_FALSE(has(text, "Lương")) << text;
}

TEST(SpokenText, PayOfOtherKinds) {
  Vacancy v = welder();
  v.salary_max_vnd = 0;
  v.salary_min_vnd = 300'000;
  v.salary_period = "day";
  EXPECT_TRUE(has(spoken_vacancy(v, vi()), "Lương 0 phẩy 3 triệu đồng một ngày."));
  EXPECT_TRUE(has(spoken_vacancy(v, en()), "Pay 0.3 million dong a day."));
  v.salary_min_vnd = 0;
  EXPECT_TRUE(has(spoken_vacancy(v, vi()), "Lương thoả thuận."));
  EXPECT_TRUE(has(spoken_vacancy(v, en()), "Pay to be agreed."));
}

TEST(SpokenText, WelcomeSaysHowToScan) {
  const JourneyView view;  // no session: nothing personal exists
  const std::string v = spoken_screen(view, vi());
  EXPECT_TRUE(has(v, "mã QR ở mặt sau thẻ căn cước")) << v;
  const std::string e = spoken_screen(view, en());
  EXPECT_TRUE(has(e, "Hold the QR code on the back of your citizen ID card")) << e;
  EXPECT_TRUE(has(e, "The list of jobs is loading")) << e;  // the catalog is still empty
}

TEST(SpokenText, CheckIdSaysTheBirthYearButNoNumber) {
  JourneyView view = person_view(Screen::check_id);
  view.id_check = IdCheck{"001******345", 1995, "Nam"};
  view.card_read = true;
  const std::string v = spoken_screen(view, vi());
  EXPECT_TRUE(has(v, "Đã đọc số thẻ căn cước của bạn.")) << v;
  EXPECT_TRUE(has(v, "sinh năm 1995, giới tính Nam")) << v;
  EXPECT_TRUE(has(v, "Nếu đúng, chạm nút Đúng, tiếp tục.")) << v;
  const std::string e = spoken_screen(view, en());
  EXPECT_TRUE(has(e, "the card holder was born in 1995")) << e;
  EXPECT_TRUE(has(e, "If this is right, touch")) << e;
  for (const auto& text : {v, e}) {
    EXPECT_FALSE(has(text, "001******345")) << text;
    EXPECT_FALSE(has(text, "345")) << text;
    EXPECT_FALSE(has(text, "Nguyễn Văn An")) << text;
  }
}

TEST(SpokenText, ConsentSaysWhatWasReadAndTheChoice) {
  JourneyView view = person_view(Screen::consent);
  view.card_read = true;
  const std::string v = spoken_screen(view, vi());
  EXPECT_TRUE(has(v, "Đã đọc thẻ căn cước của bạn.")) << v;
  EXPECT_TRUE(has(v, "Xin chào An.")) << v;
  EXPECT_TRUE(has(v, "Nơi bạn ở: Phường Yên Hòa.")) << v;
  EXPECT_TRUE(has(v, "chạm nút Đồng ý, xem việc làm")) << v;
  const std::string e = spoken_screen(view, en());
  EXPECT_TRUE(has(e, "Your citizen ID card has been read.")) << e;
  EXPECT_TRUE(has(e, "Hello, An.")) << e;
  EXPECT_TRUE(has(e, "Where you live: Phường Yên Hòa.")) << e;
  EXPECT_TRUE(has(e, "deleted from the kiosk")) << e;
  expect_nothing_personal(v);
  expect_nothing_personal(e);
}

TEST(SpokenText, MatchesSayHowManyAndTheFirstTitles) {
  const JourneyView view = person_view(Screen::matches);
  const std::string v = spoken_screen(view, vi());
  EXPECT_TRUE(has(v, "Có 12 việc làm phù hợp với bạn.")) << v;
  EXPECT_TRUE(has(v,
                  "Việc thứ 1: Thợ hàn điện, Công ty Cổ phần Cơ khí Long Biên, tại Phường Long "
                  "Biên."))
      << v;
  EXPECT_TRUE(has(v, "Việc thứ 2: Công nhân lắp ráp, Công ty TNHH Điện tử Thăng Long.")) << v;
  const std::string e = spoken_screen(view, en());
  EXPECT_TRUE(has(e, "12 jobs suit you.")) << e;
  EXPECT_TRUE(has(e, "Job 1: Thợ hàn điện, Công ty Cổ phần Cơ khí Long Biên, in Phường Long Biên."))
      << e;
  EXPECT_TRUE(has(e, "Touch a job to see its details.")) << e;
  expect_nothing_personal(v);
  expect_nothing_personal(e);
}

TEST(SpokenText, CountsTakeTheRightEnglishForm) {
  JourneyView view = person_view(Screen::matches);
  view.matches_total = 1;
  view.matches_shown = 1;
  view.matches.resize(1);
  EXPECT_TRUE(has(spoken_screen(view, en()), "1 job suits you.")) << spoken_screen(view, en());
  EXPECT_EQ(spoken_seconds_left(1, en()), "1 second left.");
  EXPECT_EQ(spoken_seconds_left(10, en()), "10 seconds left.");
  EXPECT_EQ(spoken_seconds_left(10, vi()), "Còn 10 giây.");
}

TEST(SpokenText, NoMatchesSaysWhatToDo) {
  JourneyView view = person_view(Screen::matches);
  view.matches_total = 0;
  view.matches.clear();
  EXPECT_TRUE(has(spoken_screen(view, vi()), "hỏi cán bộ tư vấn tại quầy"));
  EXPECT_TRUE(has(spoken_screen(view, en()), "Ask an adviser at the counter"));
}

TEST(SpokenText, VacancySaysItsDetailsAndTheNextStep) {
  const JourneyView view = person_view(Screen::vacancy);
  const std::string v = spoken_screen(view, vi());
  EXPECT_TRUE(has(v, spoken_vacancy(welder(), vi()))) << v;
  EXPECT_TRUE(has(v, "Chạm nút Chọn giờ phỏng vấn.")) << v;
  const std::string e = spoken_screen(view, en());
  EXPECT_TRUE(has(e, "Pay from 8 to 12.5 million dong a month.")) << e;
  expect_nothing_personal(v);
  expect_nothing_personal(e);
}

TEST(SpokenText, SlotsSayTheirTimes) {
  const JourneyView view = person_view(Screen::slots);
  const std::string v = spoken_screen(view, vi());
  EXPECT_TRUE(has(v, "Giờ thứ 1: từ 8 giờ 30 đến 9 giờ, Thứ Sáu, ngày 27 tháng 11.")) << v;
  EXPECT_TRUE(has(v, "Tại Bàn số 5, Trung tâm Dịch vụ việc làm Hà Nội.")) << v;
  EXPECT_TRUE(has(v, "Còn 4 chỗ.")) << v;
  const std::string e = spoken_screen(view, en());
  EXPECT_TRUE(has(e,
                  "Time 1: from 8:30 in the morning to 9 o'clock in the morning, Friday 27 "
                  "November."))
      << e;
  EXPECT_TRUE(has(e, "4 places left.")) << e;
  expect_nothing_personal(v);
  expect_nothing_personal(e);
}

TEST(SpokenText, ConfirmSaysTheBookingButNotWhoOrThePhone) {
  const JourneyView view = person_view(Screen::confirm);
  const std::string v = spoken_screen(view, vi());
  EXPECT_TRUE(has(v, "Vị trí: Thợ hàn điện.")) << v;
  EXPECT_TRUE(has(v, "Thời gian: từ 8 giờ 30 đến 9 giờ, Thứ Sáu, ngày 27 tháng 11.")) << v;
  EXPECT_TRUE(has(v, "Địa điểm: Bàn số 5")) << v;
  const std::string e = spoken_screen(view, en());
  EXPECT_TRUE(has(e, "Position: Thợ hàn điện.")) << e;
  EXPECT_TRUE(has(e, "Time: from 8:30 in the morning")) << e;
  EXPECT_TRUE(has(e, "Please check your appointment.")) << e;
  expect_nothing_personal(v);
  expect_nothing_personal(e);
}

TEST(SpokenText, DoneSpellsTheReferenceAndSaysWhatNext) {
  const JourneyView view = person_view(Screen::done);
  const std::string v = spoken_screen(view, vi());
  EXPECT_TRUE(has(v, "Đặt lịch phỏng vấn thành công.")) << v;
  EXPECT_TRUE(has(v, "Mã đặt lịch của bạn là: H N, 4 K 7 Q.")) << v;
  EXPECT_TRUE(has(v, "Mang theo thẻ căn cước và bản sao bằng cấp.")) << v;
  EXPECT_TRUE(has(v, "Mời bạn nhận phiếu ở khe máy in")) << v;
  const std::string e = spoken_screen(view, en());
  EXPECT_TRUE(has(e, "Your interview is booked.")) << e;
  EXPECT_TRUE(has(e, "Your booking code is: H N, 4 K 7 Q.")) << e;
  EXPECT_TRUE(has(e, "Time: from 8:30 in the morning")) << e;
  EXPECT_TRUE(has(e, "Please take your slip from the printer slot")) << e;
  expect_nothing_personal(v);
  expect_nothing_personal(e);
}

TEST(SpokenText, AQueuedRequestGivesItsCode) {
  JourneyView view = person_view(Screen::done);
  view.confirmation.reset();
  view.queued = true;
  view.queued_code = "Q7M2";
  view.printed = false;
  EXPECT_TRUE(has(spoken_screen(view, vi()), "Mã yêu cầu của bạn là: Q 7 M 2."));
  EXPECT_TRUE(has(spoken_screen(view, en()), "Your request code is: Q 7 M 2."));
}

TEST(SpokenText, OtherScreensSaySomething) {
  for (const Screen s :
       {Screen::ward, Screen::occupations, Screen::filters, Screen::booking, Screen::printing}) {
    JourneyView view = person_view(s);
    view.wards = {{"00001", "Phường Yên Hòa"}, {"00002", "Phường Cầu Giấy"}};
    view.occupation_grid = {{"7212", "Thợ hàn", 4, false}};
    for (const Tr& t : {vi(), en()}) {
      const std::string text = spoken_screen(view, t);
      EXPECT_GT(text.size(), 20u) << static_cast<int>(s);
      expect_nothing_personal(text);
    }
  }
  JourneyView ward = person_view(Screen::ward);
  ward.wards = {{"00001", "Phường Yên Hòa"}, {"00002", "Phường Cầu Giấy"}};
  EXPECT_TRUE(
      has(spoken_screen(ward, en()), "At the top of the list: Phường Yên Hòa, Phường Cầu Giấy."));
}

TEST(SpokenText, TheIdleWarningAndTheCountdown) {
  JourneyView view = person_view(Screen::matches);
  view.idle_seconds_left = 15;
  EXPECT_EQ(spoken_idle_warning(vi()), "Bạn còn ở đây không? Chạm vào màn hình để tiếp tục.");
  EXPECT_EQ(spoken_idle_warning(en()), "Are you still there? Touch the screen to continue.");
  EXPECT_EQ(spoken_screen(view, vi()),
            "Bạn còn ở đây không? Chạm vào màn hình để tiếp tục. Còn 15 giây.");
  EXPECT_EQ(spoken_screen(view, en()),
            "Are you still there? Touch the screen to continue. 15 seconds left.");
  EXPECT_EQ(spoken_card_read(vi()), "Đã đọc thẻ.");
  EXPECT_EQ(spoken_card_read(en()), "Card read.");
}

TEST(SpokenText, VoicesForTheLanguages) {
  EXPECT_EQ(speech_voice(Lang::vi), "vi");
  EXPECT_EQ(speech_voice(Lang::en), "en");
}

TEST(SpokenText, AfternoonAndEveningTimes) {
  JourneyView view = person_view(Screen::slots);
  view.slots[0].starts_at = *parse_iso8601("2026-11-28T14:05:00+07:00");  // a Saturday
  view.slots[0].ends_at = *parse_iso8601("2026-11-28T18:00:00+07:00");
  EXPECT_TRUE(has(spoken_screen(view, vi()), "từ 14 giờ 5 đến 18 giờ, Thứ Bảy, ngày 28 tháng 11"))
      << spoken_screen(view, vi());
  EXPECT_TRUE(has(spoken_screen(view, en()),
                  "from 2:05 in the afternoon to 6 o'clock in the evening, Saturday 28 November"))
      << spoken_screen(view, en());
}

}  // namespace
}  // namespace kiosk
