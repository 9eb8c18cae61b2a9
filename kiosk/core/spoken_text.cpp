#include "core/spoken_text.hpp"

#include <algorithm>
#include <array>
#include <chrono>

#include <fmt/format.h>

namespace kiosk {
namespace {

constexpr std::size_t k_matches_spoken = 3;  // the list's first few, then "touch one"
constexpr std::size_t k_slots_spoken = 6;
constexpr std::size_t k_choices_spoken = 5;  // wards, occupations

constexpr std::array<const char*, 7> k_weekdays = {N_("Chủ Nhật"), N_("Thứ Hai"), N_("Thứ Ba"),
                                                   N_("Thứ Tư"),   N_("Thứ Năm"), N_("Thứ Sáu"),
                                                   N_("Thứ Bảy")};
constexpr std::array<const char*, 12> k_months = {
    N_("Tháng 1"), N_("Tháng 2"), N_("Tháng 3"), N_("Tháng 4"),  N_("Tháng 5"),  N_("Tháng 6"),
    N_("Tháng 7"), N_("Tháng 8"), N_("Tháng 9"), N_("Tháng 10"), N_("Tháng 11"), N_("Tháng 12")};

// Sentences joined by spaces; a piece without final punctuation gets a
// full stop, so the synthesiser pauses between facts.
class Speech {
 public:
  Speech& say(std::string_view s) {
    if (s.empty()) {
      return *this;
    }
    if (!m_text.empty()) {
      m_text += ' ';
    }
    m_text += s;
    if (const char last = s.back(); last != '.' && last != '?' && last != '!' && last != ':') {
      m_text += '.';
    }
    return *this;
  }
  std::string take() { return std::move(m_text); }

 private:
  std::string m_text;
};

// 8000000 -> "8", 12500000 -> "12 phẩy 5" / "12.5": millions as read aloud.
std::string millions(std::int64_t vnd, const Tr& t) {
  const std::int64_t whole = vnd / 1'000'000;
  const std::int64_t tenths = (vnd % 1'000'000) / 100'000;
  return tenths == 0 ? fmt::format("{}", whole) : t.trf("{} phẩy {}", whole, tenths);
}

std::string spoken_pay(const Vacancy& v, const Tr& t) {
  if (v.salary_min_vnd <= 0) {
    return v.salary_text.empty() ? std::string(t.tr("Lương thoả thuận."))
                                 : t.trf("Lương: {}.", v.salary_text);
  }
  const std::string_view per = v.salary_period == "day"    ? t.tr("một ngày")
                               : v.salary_period == "hour" ? t.tr("một giờ")
                                                           : t.tr("một tháng");
  if (v.salary_max_vnd > v.salary_min_vnd) {
    return t.trf("Lương từ {} đến {} triệu đồng {}.", millions(v.salary_min_vnd, t),
                 millions(v.salary_max_vnd, t), per);
  }
  return t.trf("Lương {} triệu đồng {}.", millions(v.salary_min_vnd, t), per);
}

// "8 giờ 30" / "8:30 a.m.", in Vietnam time.
std::string spoken_clock(WallTime at, const Tr& t) {
  const auto local = at + k_vietnam_utc_offset;
  const std::chrono::hh_mm_ss hms(local - std::chrono::floor<std::chrono::days>(local));
  const int hour = static_cast<int>(hms.hours().count());
  const int minute = static_cast<int>(hms.minutes().count());
  const int hour12 = hour % 12 == 0 ? 12 : hour % 12;
  const std::string_view part = hour < 12 ? t.tr("sáng") : hour < 18 ? t.tr("chiều") : t.tr("tối");
  // Arguments: 24-hour, 12-hour, minute, part of the day; each language
  // uses those it needs.
  return minute == 0 ? t.trf("{0} giờ", hour, hour12, minute, part)
                     : t.trf("{0} giờ {2}", hour, hour12, minute, part);
}

// "Thứ Sáu, ngày 27 tháng 11" / "Friday, 27 November".
std::string spoken_date(WallTime at, const Tr& t) {
  const auto local = at + k_vietnam_utc_offset;
  const std::chrono::weekday wd{std::chrono::floor<std::chrono::days>(local)};
  const Date d = vn_date(at);
  return t.trf("{0}, ngày {1} tháng {2}", t.tr(k_weekdays[wd.c_encoding()]), d.day, d.month,
               t.tr(k_months[static_cast<std::size_t>(std::clamp(d.month, 1, 12) - 1)]));
}

std::string spoken_slot_time(const Slot& s, const Tr& t) {
  return t.trf("từ {} đến {}, {}", spoken_clock(s.starts_at, t), spoken_clock(s.ends_at, t),
               spoken_date(s.starts_at, t));
}

std::string slot_place(const Slot& s) {
  if (s.booth.empty()) {
    return s.venue;
  }
  return s.venue.empty() ? s.booth : s.booth + ", " + s.venue;
}

// "HN-2412" -> "H N, 2 4 1 2": a code read one sign at a time.
std::string spelled(std::string_view code) {
  std::string out;
  for (const char c : code) {
    if (c == '-' || c == ' ' || c == '/' || c == '.') {
      if (!out.empty() && out.back() != ',') {
        out += ',';
      }
      continue;
    }
    if (!out.empty()) {
      out += ' ';
    }
    out += c;
  }
  return out;
}

// "touch the X button", with the button's own label in the session's language.
std::string touch(std::string_view button_msgid, const Tr& t) {
  return t.trf("Chạm nút {}.", t.tr(button_msgid));
}

void say_notice(Speech& s, const JourneyView& view, const Tr& t) {
  if (!view.notice.empty()) {
    s.say(t.trv(view.notice, view.notice_args));
  }
}

std::string welcome(const JourneyView& view, const Tr& t) {
  Speech s;
  s.say(t.tr("Tìm việc làm phù hợp với bạn."));
  if (view.reading) {
    s.say(t.tr("Đang đọc mã QR. Bạn giữ yên thẻ trong giây lát."));
    return s.take();
  }
  s.say(
      t.tr("Bạn hãy đưa mã QR ở mặt sau thẻ căn cước vào ô quét hoặc trước camera của máy, "
           "rồi giữ yên thẻ trong giây lát."));
  s.say(t.tr("Sau đó bạn chọn việc làm, chọn giờ phỏng vấn và nhận phiếu hẹn in ra."));
  s.say(t.tr("Thông tin trên thẻ chỉ dùng cho lần tìm việc này và được xoá ngay sau đó."));
  say_notice(s, view, t);
  if (view.notice.empty() && view.catalog_empty) {
    s.say(t.tr("Danh sách việc làm đang được tải, bạn vui lòng đợi trong giây lát."));
  }
  return s.take();
}

std::string check_id(const JourneyView& view, const Tr& t) {
  Speech s;
  if (!view.id_check) {
    return s.take();
  }
  if (view.card_read) {
    s.say(t.tr("Đã đọc số thẻ căn cước của bạn."));
  }
  s.say(t.tr("Máy quét chỉ đọc được số thẻ, không đọc được họ tên."));
  s.say(t.trf("Theo số thẻ, chủ thẻ sinh năm {}, giới tính {}.", view.id_check->birth_year,
              t.tr(view.id_check->sex)));
  s.say(t.trf("Nếu đúng, chạm nút {}.", t.tr("Đúng, tiếp tục")));
  s.say(t.trf("Nếu không đúng, chạm nút {}.", t.tr("Không đúng")));
  s.say(t.tr("Khi đến phỏng vấn, bạn mang theo thẻ căn cước để cán bộ đối chiếu."));
  return s.take();
}

std::string consent(const JourneyView& view, const Tr& t) {
  Speech s;
  if (view.card_read && !view.id_check) {
    s.say(t.tr("Đã đọc thẻ căn cước của bạn."));
  }
  s.say(view.greeting_name.empty() ? std::string(t.tr("Xin chào."))
                                   : t.trf("Xin chào {}.", view.greeting_name));
  if (view.id_check) {
    s.say(t.tr("Máy sẽ dùng năm sinh trên thẻ để chọn việc đúng độ tuổi của bạn."));
  } else {
    s.say(
        t.tr("Máy sẽ dùng ngày sinh trên thẻ để chọn việc đúng độ tuổi, và nơi ở để tìm việc "
             "gần nhà bạn."));
    s.say(view.home_area.empty() ? std::string(t.tr("Máy chưa rõ phường, xã nơi bạn ở."))
                                 : t.trf("Nơi bạn ở: {}.", view.home_area));
  }
  s.say(t.tr("Thông tin chỉ dùng cho lần này và được xoá khỏi máy ngay khi bạn kết thúc."));
  s.say(t.trf("Để xem việc làm, chạm nút {}.", t.tr("Đồng ý, xem việc làm")));
  if (!view.id_check) {
    s.say(t.trf("Để đổi nơi ở, chạm nút {}.",
                t.tr(view.home_area.empty() ? N_("Chọn phường, xã") : N_("Chọn nơi khác"))));
  }
  return s.take();
}

std::string ward(const JourneyView& view, const Tr& t) {
  Speech s;
  s.say(t.tr("Bạn hãy chọn phường, xã nơi bạn đang sống."));
  if (view.wards.empty()) {
    s.say(t.tr("Không tìm thấy phường, xã nào có tên như vậy. Bạn hãy xoá bớt chữ."));
  } else {
    s.say(t.trn("Danh sách có {} phường, xã.", "Danh sách có {} phường, xã.",
                static_cast<long long>(view.wards.size())));
    std::string first;
    for (std::size_t i = 0; i < std::min(view.wards.size(), k_choices_spoken); ++i) {
      first += (i == 0 ? "" : ", ") + view.wards[i].name;
    }
    s.say(t.trf("Đầu danh sách: {}.", first));
  }
  s.say(t.tr("Chạm vào tên để chọn, hoặc chạm ô tìm kiếm và gõ vài chữ đầu của tên."));
  s.say(t.trf("Nếu không có trong danh sách, chạm nút {}.", t.tr("Không có trong danh sách")));
  return s.take();
}

std::string matches(const JourneyView& view, const Tr& t) {
  Speech s;
  if (view.matches_total == 0) {
    s.say(view.catalog_empty
              ? t.tr("Danh sách việc làm chưa tải xong. Bạn hãy đợi một lát rồi quét thẻ lại, "
                     "hoặc hỏi cán bộ tư vấn tại quầy.")
              : t.tr("Hiện chưa có vị trí nào phù hợp với độ tuổi của bạn trong phiên này. Bạn "
                     "hãy hỏi cán bộ tư vấn tại quầy để được giới thiệu thêm."));
    return s.take();
  }
  s.say(t.trn("Có {} việc làm phù hợp với bạn.", "Có {} việc làm phù hợp với bạn.",
              static_cast<long long>(view.matches_total)));
  say_notice(s, view, t);
  if (view.matches.empty()) {
    s.say(
        t.tr("Không có việc nào khớp với lựa chọn của bạn. Bạn hãy xoá bớt tìm kiếm hoặc bộ "
             "lọc."));
    return s.take();
  }
  if (view.matches_shown < view.matches_total) {
    s.say(t.trn("Với lựa chọn của bạn, còn {} việc.", "Với lựa chọn của bạn, còn {} việc.",
                static_cast<long long>(view.matches_shown)));
  }
  for (std::size_t i = 0; i < std::min(view.matches.size(), k_matches_spoken); ++i) {
    const Vacancy& v = view.matches[i].vacancy;
    s.say(v.ward_name.empty() ? t.trf("Việc thứ {}: {}, {}.", i + 1, v.title, v.employer_name)
                              : t.trf("Việc thứ {}: {}, {}, tại {}.", i + 1, v.title,
                                      v.employer_name, v.ward_name));
  }
  s.say(t.tr("Chạm vào một việc để xem chi tiết. Kéo danh sách lên để xem thêm việc."));
  return s.take();
}

std::string occupations(const JourneyView& view, const Tr& t) {
  Speech s;
  s.say(t.tr("Bạn muốn làm nghề gì? Chạm để chọn một hoặc nhiều nghề; chạm lần nữa để bỏ chọn."));
  for (std::size_t i = 0; i < std::min(view.occupation_grid.size(), k_choices_spoken); ++i) {
    const OccupationChoice& o = view.occupation_grid[i];
    s.say(o.label + ", " + t.trn("{} việc", "{} việc", static_cast<long long>(o.vacancies)));
  }
  if (!view.chosen_occupations.empty()) {
    s.say(t.trn("Bạn đã chọn {} nghề.", "Bạn đã chọn {} nghề.",
                static_cast<long long>(view.chosen_occupations.size())));
  }
  s.say(t.trn("Có {} việc phù hợp với lựa chọn này.", "Có {} việc phù hợp với lựa chọn này.",
              static_cast<long long>(view.matches_shown)));
  return s.take();
}

std::string filters(const JourneyView& view, const Tr& t) {
  Speech s;
  s.say(
      t.tr("Bạn có thể lọc danh sách theo nhóm nghề, khoảng cách, thời gian làm việc, mức "
           "lương và trình độ học vấn."));
  s.say(t.trn("Đang bật {} bộ lọc.", "Đang bật {} bộ lọc.",
              static_cast<long long>(view.filters.active())));
  s.say(t.trn("Có {} việc phù hợp với lựa chọn này.", "Có {} việc phù hợp với lựa chọn này.",
              static_cast<long long>(view.matches_shown)));
  return s.take();
}

std::string vacancy(const JourneyView& view, const Tr& t) {
  if (!view.vacancy) {
    return {};
  }
  Speech s;
  s.say(spoken_vacancy(*view.vacancy, t));
  s.say(touch(
      view.vacancy->slots_available > 0 ? N_("Chọn giờ phỏng vấn") : N_("Xem giờ phỏng vấn"), t));
  return s.take();
}

std::string slots(const JourneyView& view, const Tr& t) {
  Speech s;
  if (view.vacancy) {
    s.say(t.trf("Chọn giờ phỏng vấn cho vị trí {}, {}.", view.vacancy->title,
                view.vacancy->employer_name));
  }
  say_notice(s, view, t);
  if (view.slots_loading) {
    s.say(t.tr("Đang tải lịch phỏng vấn, bạn vui lòng đợi."));
    return s.take();
  }
  if (view.can_register_interest && view.slots.empty()) {
    s.say(
        t.tr("Bạn vẫn có thể đăng ký quan tâm vị trí này: máy lưu lại và gửi khi có mạng, rồi "
             "Trung tâm sẽ gọi cho bạn để hẹn lịch phỏng vấn."));
    s.say(touch(N_("Đăng ký quan tâm vị trí này"), t));
    return s.take();
  }
  std::size_t open = 0;
  for (const Slot& slot : view.slots) {
    if (slot.remaining <= 0) {
      continue;
    }
    if (++open <= k_slots_spoken) {
      s.say(t.trf("Giờ thứ {}: {}.", open, spoken_slot_time(slot, t)));
      if (const std::string place = slot_place(slot); !place.empty()) {
        s.say(t.trf("Tại {}.", place));
      }
      s.say(t.trn("Còn {} chỗ.", "Còn {} chỗ.", slot.remaining));
    }
  }
  if (open == 0) {
    s.say(t.tr("Các giờ phỏng vấn đã hết chỗ. Bạn hãy quay lại và chọn việc khác."));
    return s.take();
  }
  s.say(t.tr("Chạm vào một giờ để chọn."));
  return s.take();
}

std::string confirm(const JourneyView& view, const Tr& t) {
  Speech s;
  if (!view.vacancy) {
    return s.take();
  }
  s.say(view.interest ? t.tr("Đăng ký quan tâm vị trí này.")
                      : t.tr("Bạn hãy kiểm tra lại lịch hẹn."));
  s.say(t.trf("Vị trí: {}.", view.vacancy->title));
  s.say(t.trf("Đơn vị: {}.", view.vacancy->employer_name));
  if (view.chosen_slot && !view.interest) {
    s.say(t.trf("Thời gian: {}.", spoken_slot_time(*view.chosen_slot, t)));
    if (const std::string place = slot_place(*view.chosen_slot); !place.empty()) {
      s.say(t.trf("Địa điểm: {}.", place));
    }
  } else {
    s.say(t.tr("Sau đó, Trung tâm sẽ gọi cho bạn để hẹn lịch phỏng vấn."));
  }
  if (!view.phone_locked) {
    s.say(t.tr("Bạn có thể nhập số điện thoại để Trung tâm liên hệ, không bắt buộc."));
  }
  say_notice(s, view, t);
  s.say(touch(view.can_retry  ? N_("Thử lại")
              : view.interest ? N_("Gửi đăng ký")
                              : N_("Xác nhận đặt lịch"),
              t));
  if (view.can_leave_queued) {
    s.say(t.trf("Hoặc chạm nút {} để máy tự gửi sau.", t.tr("Để máy tự gửi sau")));
  }
  return s.take();
}

std::string done(const JourneyView& view, const Tr& t) {
  Speech s;
  const bool booked = view.confirmation && !view.interest;
  s.say(view.interest && !view.queued ? t.tr("Đã đăng ký quan tâm.")
        : view.queued                 ? t.tr("Đã lưu yêu cầu của bạn.")
                                      : t.tr("Đặt lịch phỏng vấn thành công."));
  const std::string code = spelled(booked ? view.confirmation->reference : view.queued_code);
  if (!code.empty()) {
    s.say(booked ? t.trf("Mã đặt lịch của bạn là: {}.", code)
          : view.queued
              ? t.trf("Mã yêu cầu của bạn là: {}. Bạn đưa mã này cho cán bộ tại quầy.", code)
              : t.trf("Mã đăng ký của bạn là: {}.", code));
  }
  if (booked) {
    const BookingConfirmation& c = *view.confirmation;
    s.say(t.trf("Vị trí: {}.", c.vacancy_title));
    s.say(t.trf("Đơn vị: {}.", c.employer_name));
    s.say(t.trf("Thời gian: {}.", spoken_slot_time(c.slot, t)));
    if (const std::string place = slot_place(c.slot); !place.empty()) {
      s.say(t.trf("Địa điểm: {}.", place));
    }
    for (const std::string& line : c.instructions) {
      s.say(line);
    }
  } else {
    if (view.vacancy) {
      s.say(t.trf("Vị trí: {}.", view.vacancy->title));
    }
    s.say(view.queued ? t.tr("Máy sẽ tự gửi yêu cầu khi có mạng. Trung tâm sẽ liên hệ với bạn.")
                      : t.tr("Trung tâm sẽ gọi cho bạn để hẹn lịch phỏng vấn."));
  }
  if (view.printed) {
    s.say(t.tr("Mời bạn nhận phiếu ở khe máy in bên dưới màn hình."));
  }
  say_notice(s, view, t);
  s.say(t.tr("Khi đến phỏng vấn, bạn mang theo thẻ căn cước."));
  s.say(t.tr("Khi xong, chạm nút Hoàn tất để kết thúc. Thông tin của bạn sẽ được xoá khỏi máy."));
  return s.take();
}

}  // namespace

std::string spoken_vacancy(const Vacancy& v, const Tr& t) {
  Speech s;
  s.say(v.title);
  if (!v.employer_name.empty()) {
    s.say(t.trf("Đơn vị tuyển dụng: {}.", v.employer_name));
  }
  s.say(spoken_pay(v, t));
  if (!v.ward_name.empty()) {
    s.say(t.trf("Nơi làm việc: {}.", v.ward_name));
  }
  if (!v.employment_type.empty()) {
    s.say(t.tr(employment_type_label(v.employment_type)));
  }
  if (v.positions > 0) {
    s.say(t.trn("Tuyển {} người.", "Tuyển {} người.", v.positions));
  }
  if (v.min_age && v.max_age) {
    s.say(t.trf("Độ tuổi từ {} đến {}.", *v.min_age, *v.max_age));
  } else if (v.min_age) {
    s.say(t.trf("Từ {} tuổi trở lên.", *v.min_age));
  }
  if (!v.education.empty()) {
    s.say(t.trf("Học vấn: {}.", v.education));
  }
  s.say(v.experience_months > 0
            ? t.trn("Cần {} tháng kinh nghiệm.", "Cần {} tháng kinh nghiệm.", v.experience_months)
            : std::string(t.tr("Không cần kinh nghiệm.")));
  if (v.slots_available > 0) {
    s.say(t.trn("Còn {} suất phỏng vấn.", "Còn {} suất phỏng vấn.", v.slots_available));
  }
  if (!v.description.empty()) {
    s.say(t.trf("Mô tả công việc: {}", v.description));
  }
  if (!v.benefits.empty()) {
    std::string list;
    for (const std::string& b : v.benefits) {
      list += (list.empty() ? "" : ", ") + b;
    }
    s.say(t.trf("Quyền lợi: {}.", list));
  }
  return s.take();
}

std::string spoken_screen(const JourneyView& view, const Tr& t) {
  if (view.idle_seconds_left) {
    return spoken_idle_warning(t) + " " + spoken_seconds_left(*view.idle_seconds_left, t);
  }
  switch (view.screen) {
    case Screen::welcome:
      return welcome(view, t);
    case Screen::check_id:
      return check_id(view, t);
    case Screen::consent:
      return consent(view, t);
    case Screen::ward:
      return ward(view, t);
    case Screen::matches:
      return matches(view, t);
    case Screen::occupations:
      return occupations(view, t);
    case Screen::filters:
      return filters(view, t);
    case Screen::vacancy:
      return vacancy(view, t);
    case Screen::slots:
      return slots(view, t);
    case Screen::confirm:
      return confirm(view, t);
    case Screen::booking:
      return std::string(t.tr("Đang đặt lịch phỏng vấn. Bạn vui lòng đợi trong giây lát."));
    case Screen::printing:
      return std::string(t.tr("Đang in phiếu hẹn. Bạn vui lòng đợi trong giây lát."));
    case Screen::done:
      return done(view, t);
  }
  return {};
}

std::string spoken_card_read(const Tr& t) {
  return std::string(t.tr("Đã đọc thẻ."));
}

std::string spoken_idle_warning(const Tr& t) {
  return std::string(t.tr("Bạn còn ở đây không? Chạm vào màn hình để tiếp tục."));
}

std::string spoken_seconds_left(int seconds, const Tr& t) {
  return t.trn("Còn {} giây.", "Còn {} giây.", seconds);
}

std::string_view speech_voice(Lang lang) {
  return lang == Lang::en ? "en" : "vi";
}

}  // namespace kiosk
