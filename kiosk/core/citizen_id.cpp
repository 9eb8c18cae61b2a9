#include "core/citizen_id.hpp"

#include <algorithm>

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

}  // namespace

tl::expected<CitizenId, CitizenIdError> parse_citizen_id(std::string_view bytes) {
  while (!bytes.empty() && (bytes.back() == '\n' || bytes.back() == '\r')) {
    bytes.remove_suffix(1);
  }
  if (bytes.empty()) {
    return tl::unexpected(CitizenIdError::empty);
  }
  if (!is_valid_utf8(bytes)) {
    return tl::unexpected(CitizenIdError::bad_encoding);
  }
  std::string text = to_nfc(bytes);
  const auto fields = split_fields(text);
  // A citizen-ID payload always starts with a 12-digit number and a bar; any
  // other shape is a foreign QR code, not a damaged card.
  const std::string_view first = trim(fields.front());
  if (fields.size() < 2 || !all_digits(first) || (first.size() != 12 && first.size() != 9)) {
    secure_wipe(text);
    return tl::unexpected(CitizenIdError::not_citizen_id);
  }
  if (fields.size() < k_required_fields) {
    secure_wipe(text);
    return tl::unexpected(CitizenIdError::incomplete);
  }
  auto fail = [&text](CitizenIdError e) {
    secure_wipe(text);
    return tl::unexpected(e);
  };
  if (first.size() != 12) {
    return fail(CitizenIdError::bad_id);
  }
  const std::string_view old_id = trim(fields[1]);
  if (!old_id.empty() && (!all_digits(old_id) || (old_id.size() != 9 && old_id.size() != 12))) {
    return fail(CitizenIdError::bad_old_id);
  }
  const std::string_view name = trim(fields[2]);
  if (name.empty()) {
    return fail(CitizenIdError::bad_name);
  }
  const auto birth = parse_ddmmyyyy(trim(fields[3]));
  const auto issue = parse_ddmmyyyy(trim(fields[6]));
  if (!birth || !issue || *issue < *birth) {
    return fail(CitizenIdError::bad_date);
  }
  const std::string_view sex = trim(fields[4]);
  Sex parsed_sex = Sex::male;
  if (sex == "Nam") {
    parsed_sex = Sex::male;
  } else if (sex == "Nữ") {
    parsed_sex = Sex::female;
  } else {
    return fail(CitizenIdError::bad_sex);
  }
  CitizenId id;
  id.id = std::string(first);
  id.old_id = std::string(old_id);
  id.full_name = std::string(name);
  id.birth_date = *birth;
  id.sex = parsed_sex;
  id.address = std::string(trim(fields[5]));
  id.issue_date = *issue;
  for (std::size_t i = k_required_fields; i < fields.size(); ++i) {
    id.extras.emplace_back(fields[i]);
  }
  secure_wipe(text);
  return id;
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
}

std::string_view error_code(CitizenIdError e) {
  switch (e) {
    case CitizenIdError::empty: return "empty";
    case CitizenIdError::bad_encoding: return "bad_encoding";
    case CitizenIdError::not_citizen_id: return "not_citizen_id";
    case CitizenIdError::incomplete: return "incomplete";
    case CitizenIdError::bad_id: return "bad_id";
    case CitizenIdError::bad_old_id: return "bad_old_id";
    case CitizenIdError::bad_name: return "bad_name";
    case CitizenIdError::bad_date: return "bad_date";
    case CitizenIdError::bad_sex: return "bad_sex";
  }
  return "unknown";
}

std::string_view message_for(CitizenIdError e) {
  switch (e) {
    case CitizenIdError::empty:
    case CitizenIdError::incomplete:
      return "Chưa đọc được đầy đủ mã QR trên thẻ. Bạn hãy giữ thẻ yên hơn và thử lại.";
    case CitizenIdError::bad_encoding:
      return "Mã QR bị đọc sai ký tự. Bạn hãy thử lại, hoặc nhờ cán bộ hỗ trợ.";
    case CitizenIdError::not_citizen_id:
      return "Đây không phải mã QR của thẻ căn cước. Bạn hãy đưa mặt sau thẻ căn cước có mã QR.";
    case CitizenIdError::bad_id:
    case CitizenIdError::bad_old_id:
    case CitizenIdError::bad_name:
    case CitizenIdError::bad_date:
    case CitizenIdError::bad_sex:
      return "Thông tin trên mã QR không hợp lệ. Bạn hãy thử lại, hoặc nhờ cán bộ hỗ trợ.";
  }
  return "Không đọc được thẻ. Bạn hãy thử lại.";
}

std::string mask_id(std::string_view id) {
  if (id.size() == 12 && all_digits(id)) {
    return std::string(id.substr(0, 3)) + "******" + std::string(id.substr(9, 3));
  }
  return std::string(std::min<std::size_t>(id.size(), 12), '*');
}

std::string_view sex_label(Sex s) { return s == Sex::male ? "Nam" : "Nữ"; }

}  // namespace kiosk
