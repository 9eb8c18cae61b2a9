#include "core/citizen_id.hpp"

#include "core/i18n.hpp"

#include <algorithm>

#include <utf8proc.h>

#include "core/log.hpp"
#include "core/mojibake.hpp"
#include "core/text.hpp"

namespace kiosk {
namespace {

constexpr std::size_t k_required_fields = 7;

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string_view> split_fields(std::string_view text) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t bar = text.find('|', start);
    if (bar == std::string_view::npos) {
      fields.push_back(text.substr(start));
      break;
    }
    fields.push_back(text.substr(start, bar - start));
    start = bar + 1;
  }
  return fields;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

// Checks every code point of valid UTF-8 text against `allowed`.
template <typename Allowed>
bool all_code_points(std::string_view s, Allowed allowed) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0 || !allowed(cp, utf8proc_category(cp))) {
      return false;
    }
    p += n;
    left -= n;
  }
  return true;
}

// A name is letters, combining marks, spaces and the few marks names use.
bool plausible_name(std::string_view s) {
  return all_code_points(s, [](utf8proc_int32_t cp, utf8proc_category_t cat) {
    return cp == ' ' || cp == '-' || cp == '\'' || cp == '.' ||
           (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME);
  });
}

// No control, format (bidi overrides, zero-width) or private-use characters.
bool printable_text(std::string_view s) {
  return all_code_points(s, [](utf8proc_int32_t, utf8proc_category_t cat) {
    return cat != UTF8PROC_CATEGORY_CC && cat != UTF8PROC_CATEGORY_CF &&
           cat != UTF8PROC_CATEGORY_CO && cat != UTF8PROC_CATEGORY_CS &&
           cat != UTF8PROC_CATEGORY_CN;
  });
}

// The payload's shape: a 9- or 12-digit number before the first bar.
bool citizen_shaped(std::string_view text) {
  const std::size_t bar = text.find('|');
  const std::string_view first = trim(text.substr(0, bar));
  return bar != std::string_view::npos && all_digits(first) &&
         (first.size() == 12 || first.size() == 9);
}

tl::expected<CitizenId, CitizenIdError> parse_fields(const std::vector<std::string_view>& fields) {
  const std::string_view first = trim(fields.front());
  if (fields.size() < k_required_fields) {
    return tl::unexpected(CitizenIdError::incomplete);
  }
  if (first.size() != 12) {
    return tl::unexpected(CitizenIdError::bad_id);
  }
  const std::string_view old_id = trim(fields[1]);
  if (!old_id.empty() && (!all_digits(old_id) || (old_id.size() != 9 && old_id.size() != 12))) {
    return tl::unexpected(CitizenIdError::bad_old_id);
  }
  const std::string_view name = trim(fields[2]);
  if (name.empty() || !plausible_name(name)) {
    return tl::unexpected(CitizenIdError::bad_name);
  }
  const auto birth = parse_ddmmyyyy(trim(fields[3]));
  const auto issue = parse_ddmmyyyy(trim(fields[6]));
  if (!birth || !issue || *issue < *birth) {
    return tl::unexpected(CitizenIdError::bad_date);
  }
  const std::string_view sex = trim(fields[4]);
  if (sex != "Nam" && sex != "Nữ") {
    return tl::unexpected(CitizenIdError::bad_sex);
  }
  const std::string_view address = trim(fields[5]);
  if (!printable_text(address)) {
    return tl::unexpected(CitizenIdError::bad_address);
  }
  CitizenId id;
  id.id = std::string(first);
  id.old_id = std::string(old_id);
  id.full_name = std::string(name);
  id.birth_date = *birth;
  id.sex = sex == "Nam" ? Sex::male : Sex::female;
  id.address = std::string(address);
  id.issue_date = *issue;
  for (std::size_t i = k_required_fields; i < fields.size(); ++i) {
    if (!printable_text(fields[i])) {
      id.wipe();
      return tl::unexpected(CitizenIdError::not_citizen_id);
    }
    id.extras.emplace_back(fields[i]);
  }
  return id;
}

}  // namespace

tl::expected<CitizenId, CitizenIdError> parse_citizen_id(std::string_view bytes) {
  while (!bytes.empty() && (bytes.back() == '\n' || bytes.back() == '\r')) {
    bytes.remove_suffix(1);
  }
  if (bytes.empty()) {
    return tl::unexpected(CitizenIdError::empty);
  }
  if (!is_valid_utf8(bytes)) {
    return tl::unexpected(citizen_shaped(bytes) ? CitizenIdError::bad_encoding
                                                : CitizenIdError::not_citizen_id);
  }
  RepairResult repair = repair_mojibake(bytes);
  if (repair.kind == Mojibake::garbled) {
    return tl::unexpected(citizen_shaped(bytes) ? CitizenIdError::garbled
                                                : CitizenIdError::not_citizen_id);
  }
  if (repair.kind != Mojibake::none) {
    logger("scan")->warn("repaired a payload mis-decoded as {}",
                         repair.kind == Mojibake::latin1 ? "Latin-1" : "Shift-JIS");
  }
  std::string text = to_nfc(repair.kind == Mojibake::none ? bytes : repair.text);
  secure_wipe(repair.text);
  if (all_digits(text) && text.size() == 12) {
    secure_wipe(text);
    return tl::unexpected(CitizenIdError::id_only);
  }
  if (!citizen_shaped(text)) {
    secure_wipe(text);
    return tl::unexpected(CitizenIdError::not_citizen_id);
  }
  auto result = parse_fields(split_fields(text));
  secure_wipe(text);
  if (result && !id_agrees_with_fields(*result)) {
    logger("scan")->warn("citizen ID digits disagree with the card's birth year or sex");
  }
  return result;
}

std::optional<IdFacts> id_facts(std::string_view id) {
  if (id.size() != 12 || !all_digits(id)) {
    return std::nullopt;
  }
  const int code = id[3] - '0';  // 0/1: 1900s, 2/3: 2000s, 4/5: 2100s …; even = male
  const int year = (id[4] - '0') * 10 + (id[5] - '0');
  return IdFacts{std::string(id.substr(0, 3)), code % 2 == 0 ? Sex::male : Sex::female,
                 1900 + (code / 2) * 100 + year};
}

std::optional<CitizenId> citizen_from_id_only(std::string_view bytes, int this_year) {
  while (!bytes.empty() && (bytes.back() == '\r' || bytes.back() == '\n')) {
    bytes.remove_suffix(1);
  }
  const auto facts = id_facts(bytes);
  if (!facts || facts->birth_year < 1900 || facts->birth_year > this_year) {
    return std::nullopt;
  }
  CitizenId person;
  person.id = std::string(bytes);
  person.birth_date = Date{facts->birth_year, 1, 1};
  person.sex = facts->sex;
  person.birth_year_only = true;
  return person;
}

bool id_agrees_with_fields(const CitizenId& id) {
  const auto facts = id_facts(id.id);
  return facts && facts->sex == id.sex && facts->birth_year == id.birth_date.year;
}

void CitizenId::wipe() noexcept {
  secure_wipe(id);
  secure_wipe(old_id);
  secure_wipe(full_name);
  secure_wipe(address);
  for (auto& e : extras) {
    secure_wipe(e);
  }
  extras.clear();
  birth_date = {};
  issue_date = {};
  sex = Sex::male;
  birth_year_only = false;
}

std::string_view error_code(CitizenIdError e) {
  switch (e) {
    case CitizenIdError::empty: return "empty";
    case CitizenIdError::bad_encoding: return "bad_encoding";
    case CitizenIdError::garbled: return "garbled";
    case CitizenIdError::not_citizen_id: return "not_citizen_id";
    case CitizenIdError::id_only: return "id_only";
    case CitizenIdError::incomplete: return "incomplete";
    case CitizenIdError::bad_id: return "bad_id";
    case CitizenIdError::bad_old_id: return "bad_old_id";
    case CitizenIdError::bad_name: return "bad_name";
    case CitizenIdError::bad_address: return "bad_address";
    case CitizenIdError::bad_date: return "bad_date";
    case CitizenIdError::bad_sex: return "bad_sex";
  }
  return "unknown";
}

std::string_view message_for(CitizenIdError e) {
  switch (e) {
    case CitizenIdError::empty:
    case CitizenIdError::incomplete:
      return N_(
          "Chưa đọc được đầy đủ mã QR trên thẻ. Bạn hãy giữ thẻ yên, xa hơn một chút, và thử "
          "lại.");
    case CitizenIdError::bad_encoding:
    case CitizenIdError::garbled:
      return N_(
          "Máy quét đọc sai chữ tiếng Việt trên thẻ. Bạn hãy đưa thẻ vào camera phía trên, "
          "hoặc nhờ cán bộ hỗ trợ.");
    case CitizenIdError::not_citizen_id:
      return N_(
          "Đây không phải mã QR của thẻ căn cước. Bạn hãy đưa mặt sau thẻ căn cước có mã QR.");
    case CitizenIdError::id_only:
      return N_(
          "Máy chỉ đọc được số thẻ, chưa đọc được họ tên. Bạn hãy đưa thẻ vào camera phía "
          "trên, hoặc nhờ cán bộ hỗ trợ.");
    case CitizenIdError::bad_id:
    case CitizenIdError::bad_old_id:
    case CitizenIdError::bad_name:
    case CitizenIdError::bad_address:
    case CitizenIdError::bad_date:
    case CitizenIdError::bad_sex:
      return N_("Thông tin trên mã QR không hợp lệ. Bạn hãy thử lại, hoặc nhờ cán bộ hỗ trợ.");
  }
  return N_("Không đọc được thẻ. Bạn hãy thử lại.");
}

std::string mask_id(std::string_view id) {
  if (id.size() == 12 && all_digits(id)) {
    return std::string(id.substr(0, 3)) + "******" + std::string(id.substr(9, 3));
  }
  return std::string(std::min<std::size_t>(id.size(), 12), '*');
}

std::string_view sex_label(Sex s) {
  return s == Sex::male ? N_("Nam") : N_("Nữ");
}

}  // namespace kiosk
