#include "core/redact.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include <utf8proc.h>

#include "core/text.hpp"

namespace kiosk {
namespace {

using namespace std::chrono;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
  return is_digit(c) || is_alpha(c);
}
char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool iequals_at(std::string_view text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) {
    return false;
  }
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (lower(text[at + i]) != lower(word[i])) {
      return false;
    }
  }
  return true;
}

int number(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    value = value * 10 + (c - '0');
  }
  return value;
}

// ---- 1. held values -------------------------------------------------------

// Replaces every ASCII-case-insensitive occurrence of each needle.
std::string mask_needles(std::string_view text, const std::vector<const std::string*>& needles) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t longest = 0;
    for (const std::string* needle : needles) {
      if (needle->size() > longest && iequals_at(text, i, *needle)) {
        longest = needle->size();
      }
    }
    if (longest > 0) {
      out += "[held]";
      i += longest;
    } else {
      out += text[i++];
    }
  }
  return out;
}

// `text` with every code point upper-cased (or lower-cased); empty when it is
// not valid UTF-8.
std::string change_case(std::string_view text, bool upper) {
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      return {};
    }
    utf8proc_uint8_t buffer[4];
    const utf8proc_ssize_t m =
        utf8proc_encode_char(upper ? utf8proc_toupper(cp) : utf8proc_tolower(cp), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(m));
    p += n;
    left -= n;
  }
  return out;
}

// ---- 2. citizen-ID payload ------------------------------------------------

bool ends_field(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '"' || c == '\'' || c == '`' || c == '(' ||
         c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '<' || c == '>' ||
         c == '=';
}

std::string mask_id_text(std::string_view id) {
  std::string out(id);
  for (std::size_t i = 3; i + 3 < out.size(); ++i) {
    out[i] = '*';
  }
  return out;
}

std::string mask_payload_line(std::string_view line) {
  const std::size_t first = line.find('|');
  if (first == std::string_view::npos || std::count(line.begin(), line.end(), '|') < 4) {
    return std::string(line);
  }
  const std::size_t last = line.rfind('|');
  std::size_t start = first;
  while (start > 0 && !ends_field(line[start - 1])) {
    --start;
  }
  std::size_t end = last + 1;
  while (end < line.size() && !ends_field(line[end])) {
    ++end;
  }
  const std::string_view id = line.substr(start, first - start);
  const bool is_id = id.size() == 12 && std::all_of(id.begin(), id.end(), is_digit);
  std::string out(line.substr(0, start));
  out += is_id ? "[cccd " + mask_id_text(id) + "]" : std::string("[cccd]");
  out += line.substr(end);
  return out;
}

std::string mask_payloads(std::string_view text) {
  if (text.find('|') == std::string_view::npos) {
    return std::string(text);
  }
  std::string out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t nl = text.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
    out += mask_payload_line(text.substr(pos, end - pos));
    if (nl == std::string_view::npos) {
      break;
    }
    out += '\n';
    pos = nl + 1;
  }
  return out;
}

// ---- 3. secrets -----------------------------------------------------------

constexpr std::array<std::string_view, 15> k_secret_keys{
    "access_token", "refresh_token", "id_token", "client_secret", "x-api-key",
    "api_key",      "api-key",       "apikey",   "password",      "passwd",
    "secret",       "signature",     "token",    "pin",           "authorization"};

bool value_end(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '&' ||
         c == ',' || c == ';' || c == '}' || c == ']' || c == ')';
}

// At `i` a secret key (bounded by non-alphanumerics), then an optional quote,
// spaces, '=' or ':', spaces and an optional quote: returns where the value
// starts, or npos.
std::size_t secret_value_at(std::string_view text, std::size_t i) {
  if (i > 0 && (is_alnum(text[i - 1]) || text[i - 1] == '_' || text[i - 1] == '-')) {
    return std::string_view::npos;
  }
  for (std::string_view key : k_secret_keys) {
    if (!iequals_at(text, i, key)) {
      continue;
    }
    std::size_t j = i + key.size();
    if (j < text.size() && (text[j] == '"' || text[j] == '\'')) {
      ++j;
    }
    while (j < text.size() && text[j] == ' ') {
      ++j;
    }
    if (j >= text.size() || (text[j] != '=' && text[j] != ':')) {
      continue;
    }
    ++j;
    while (j < text.size() && text[j] == ' ') {
      ++j;
    }
    if (j < text.size() && (text[j] == '"' || text[j] == '\'')) {
      ++j;
    }
    return j;
  }
  return std::string_view::npos;
}

std::string mask_secrets(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (iequals_at(text, i, "authorization:")) {
      // The whole header value, whatever its scheme.
      out += text.substr(i, 14);
      out += " [redacted]";
      i = text.find('\n', i);
      if (i == std::string_view::npos) {
        break;
      }
      continue;
    }
    if (iequals_at(text, i, "bearer ") && (i == 0 || !is_alnum(text[i - 1]))) {
      out += text.substr(i, 7);
      out += "[redacted]";
      i += 7;
      while (i < text.size() && !value_end(text[i])) {
        ++i;
      }
      continue;
    }
    if (const std::size_t value = secret_value_at(text, i); value != std::string_view::npos) {
      std::size_t end = value;
      while (end < text.size() && !value_end(text[end])) {
        ++end;
      }
      if (end > value) {
        out += text.substr(i, value - i);
        out += "[redacted]";
        i = end;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

bool secret_char(char c) {
  return is_alnum(c) || c == '+' || c == '/' || c == '_' || c == '=' || c == '-';
}

bool is_uuid(std::string_view run) {
  if (run.size() != 36) {
    return false;
  }
  for (std::size_t i = 0; i < run.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? run[i] != '-' : !std::isxdigit(static_cast<unsigned char>(run[i]))) {
      return false;
    }
  }
  return true;
}

bool looks_secret(std::string_view run) {
  if (run.size() < 32 || is_uuid(run)) {
    return false;
  }
  bool digit = false, upper = false, low = false, hex = true;
  for (char c : run) {
    digit = digit || is_digit(c);
    upper = upper || (c >= 'A' && c <= 'Z');
    low = low || (c >= 'a' && c <= 'z');
    hex = hex && std::isxdigit(static_cast<unsigned char>(c));
  }
  return (hex && digit) || (digit && upper && low);
}

std::string mask_long_secrets(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (!secret_char(text[i])) {
      out += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && secret_char(text[end])) {
      ++end;
    }
    const std::string_view run = text.substr(i, end - i);
    out += looks_secret(run) ? std::string_view("[secret]") : run;
    i = end;
  }
  return out;
}

// ---- 4. addresses ---------------------------------------------------------

struct AddressMarker {
  std::string_view word;
  bool needs_number;  // a house or lane number must follow the space
};

constexpr std::array<AddressMarker, 26> k_address_markers{{
    {"Số nhà ", false},  {"số nhà ", false},  {"Tổ dân phố", false}, {"tổ dân phố", false},
    {"Khu phố ", false}, {"khu phố ", false}, {"Số ", true},         {"số ", true},
    {"Ngõ ", true},      {"ngõ ", true},      {"Ngách ", true},      {"ngách ", true},
    {"Hẻm ", true},      {"hẻm ", true},      {"Kiệt ", true},       {"kiệt ", true},
    {"Tổ ", true},       {"tổ ", true},       {"Thôn ", false},      {"thôn ", false},
    {"Xóm ", false},     {"xóm ", false},     {"Ấp ", false},        {"ấp ", false},
    {"SN ", true},       {"Đội ", true},
}};

bool address_at(std::string_view text, std::size_t i) {
  if (i > 0) {
    const char before = text[i - 1];
    if (is_alnum(before) || static_cast<unsigned char>(before) >= 0x80) {
      return false;
    }
  }
  for (const auto& marker : k_address_markers) {
    if (text.substr(i, marker.word.size()) != marker.word) {
      continue;
    }
    const std::size_t after = i + marker.word.size();
    if (!marker.needs_number || (after < text.size() && is_digit(text[after]))) {
      return true;
    }
  }
  return false;
}

std::string mask_addresses(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (!address_at(text, i)) {
      out += text[i++];
      continue;
    }
    out += "[address]";
    while (i < text.size() && text[i] != '\n' && text[i] != '"' && text[i] != '\'' &&
           text[i] != '|' && text[i] != ')') {
      ++i;
    }
  }
  return out;
}

// ---- 5. numbers -----------------------------------------------------------

bool old_enough(int y, int m, int d, year_month_day today) {
  const year_month_day date{year{y}, month{static_cast<unsigned>(m)},
                            day{static_cast<unsigned>(d)}};
  if (y < 1900 || !date.ok()) {
    return false;
  }
  const year_month_day limit = (today.year() - years{14}) / today.month() / today.day();
  const year_month_day cutoff = limit.ok() ? limit : limit.year() / limit.month() / last;
  return sys_days{date} <= sys_days{cutoff};
}

std::size_t digits_from(std::string_view text, std::size_t i) {
  std::size_t end = i;
  while (end < text.size() && is_digit(text[end])) {
    ++end;
  }
  return end - i;
}

void star_digits(std::string& out, std::string_view part, std::size_t keep_last = 0) {
  std::size_t total = 0;
  for (char c : part) {
    total += is_digit(c) ? 1 : 0;
  }
  std::size_t seen = 0;
  for (char c : part) {
    if (is_digit(c)) {
      ++seen;
      out += seen + keep_last > total ? c : '*';
    } else {
      out += c;
    }
  }
}

// A date at `i` (the start of a digit run): its length, or 0.
std::size_t date_at(std::string_view text, std::size_t i, year_month_day today) {
  const std::size_t a = digits_from(text, i);
  const std::size_t sep1 = i + a;
  if (sep1 >= text.size() || (text[sep1] != '/' && text[sep1] != '-' && text[sep1] != '.')) {
    return 0;
  }
  const char sep = text[sep1];
  const std::size_t b = digits_from(text, sep1 + 1);
  const std::size_t sep2 = sep1 + 1 + b;
  if (b < 1 || b > 2 || sep2 >= text.size() || text[sep2] != sep) {
    return 0;
  }
  const std::size_t c = digits_from(text, sep2 + 1);
  const std::size_t end = sep2 + 1 + c;
  const int first = number(text.substr(i, a));
  const int second = number(text.substr(sep1 + 1, b));
  const int third = number(text.substr(sep2 + 1, c));
  if (a == 4 && c >= 1 && c <= 2 && sep != '.') {
    return old_enough(first, second, third, today) ? end - i : 0;
  }
  if (a >= 1 && a <= 2 && c == 4) {
    return old_enough(third, second, first, today) ? end - i : 0;
  }
  return 0;
}

// A phone number at `i`: its length, or 0. `i` is a '+' or the first digit.
std::size_t phone_at(std::string_view text, std::size_t i) {
  std::size_t j = i;
  std::size_t lead = 0;  // digits of the country or trunk prefix
  if (text[j] == '+') {
    if (!iequals_at(text, j, "+84")) {
      return 0;
    }
    j += 3;
    lead = 0;
  } else if (text[j] == '0') {
    lead = 1;
  } else if (iequals_at(text, j, "84")) {
    lead = 2;
  } else {
    return 0;
  }
  std::size_t count = 0;
  std::size_t best = 0;
  while (j < text.size()) {
    if (is_digit(text[j])) {
      ++count;
      ++j;
      const bool run_ends = j >= text.size() || !is_digit(text[j]);
      const std::size_t national = count >= lead ? count - lead : 0;
      if (run_ends && (national == 9 || national == 10)) {
        const bool continues = j + 1 < text.size() &&
                               (text[j] == ' ' || text[j] == '.' || text[j] == '-') &&
                               is_digit(text[j + 1]);
        if (!continues) {
          best = j - i;
        }
      }
      if (national > 10) {
        break;
      }
      continue;
    }
    if ((text[j] == ' ' || text[j] == '.' || text[j] == '-') && j + 1 < text.size() &&
        is_digit(text[j + 1]) && count > 0) {
      ++j;
      continue;
    }
    if (count == 0 && text[j] == ' ' && lead == 0) {  // "+84 912…"
      ++j;
      continue;
    }
    break;
  }
  // A bare "84…" must be one run (11-12 digits), not digits joined by spaces.
  if (lead == 2 && best > 0 && digits_from(text, i) != best) {
    return 0;
  }
  return best;
}

std::string mask_numbers(std::string_view text, year_month_day today) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const bool starts = (is_digit(text[i]) || text[i] == '+') && (i == 0 || !is_digit(text[i - 1]));
    if (!starts) {
      out += text[i++];
      continue;
    }
    if (is_digit(text[i])) {
      if (const std::size_t n = date_at(text, i, today); n > 0) {
        star_digits(out, text.substr(i, n));
        i += n;
        continue;
      }
    }
    if (const std::size_t n = phone_at(text, i); n > 0) {
      star_digits(out, text.substr(i, n), 3);
      i += n;
      continue;
    }
    if (text[i] == '+') {
      out += text[i++];
      continue;
    }
    const std::size_t run = digits_from(text, i);
    const std::string_view digits = text.substr(i, run);
    if (run == 12 || run == 9) {
      out += mask_id_text(digits);
    } else if (run == 8 && old_enough(number(digits.substr(4)), number(digits.substr(2, 2)),
                                      number(digits.substr(0, 2)), today)) {
      out.append(8, '*');
    } else {
      out += digits;
    }
    i += run;
  }
  return out;
}

year_month_day system_today() {
  return year_month_day{floor<days>(system_clock::now())};
}

void wipe_all(std::vector<std::string>& values) noexcept {
  for (auto& value : values) {
    secure_wipe(value);
  }
  values.clear();
}

}  // namespace

std::string redact_patterns(std::string_view text, year_month_day today) {
  std::string step = mask_payloads(text);
  step = mask_secrets(step);
  step = mask_long_secrets(step);
  step = mask_addresses(step);
  return mask_numbers(step, today);
}

Redactor::Redactor(Today today) : m_today(std::move(today)) {}

Redactor::~Redactor() {
  std::unique_lock lock(m_mutex);
  for (auto& held : m_held) {
    wipe_all(held.needles);
  }
}

Redactor& Redactor::global() {
  // Never destroyed: logging may run during static destruction.
  static auto* redactor = new Redactor();
  return *redactor;
}

Redactor::Hold Redactor::hold(std::vector<std::string> values) {
  Held held;
  for (auto& value : values) {
    if (value.size() >= 4) {
      std::string folded = fold_for_search(value);
      // The street part of an address ("Số 12 ngõ 34 Trần Duy Hưng") alone.
      std::size_t pos = 0;
      while (pos < value.size()) {
        const std::size_t comma = std::min(value.find(',', pos), value.size());
        std::string part = value.substr(pos, comma - pos);
        part.erase(0, part.find_first_not_of(' '));
        if (part.size() >= 4 && part.size() < value.size() &&
            std::any_of(part.begin(), part.end(), is_digit)) {
          held.needles.push_back(fold_for_search(part));
          held.needles.push_back(std::move(part));
        }
        secure_wipe(part);
        pos = comma + 1;
      }
      if (folded.size() >= 4 && folded != value) {
        held.needles.push_back(std::move(folded));
      }
      secure_wipe(folded);
      // "NGUYỄN VĂN AN", "nguyễn văn an": the ASCII-insensitive compare misses these.
      for (const bool upper : {true, false}) {
        std::string cased = change_case(value, upper);
        if (!cased.empty() && cased != value) {
          held.needles.push_back(std::move(cased));
        }
        secure_wipe(cased);
      }
      held.needles.push_back(value);
    }
  }
  wipe_all(values);
  std::erase_if(held.needles, [](const std::string& s) { return s.size() < 4; });
  std::unique_lock lock(m_mutex);
  held.id = m_next_id++;
  const std::uint64_t id = held.id;
  m_held.push_back(std::move(held));
  return Hold(this, id);
}

void Redactor::drop(std::uint64_t id) noexcept {
  std::unique_lock lock(m_mutex);
  for (auto it = m_held.begin(); it != m_held.end(); ++it) {
    if (it->id == id) {
      wipe_all(it->needles);
      m_held.erase(it);
      return;
    }
  }
}

std::size_t Redactor::held_sessions() const {
  std::shared_lock lock(m_mutex);
  return m_held.size();
}

std::string Redactor::redact(std::string_view text) const {
  std::string step;
  {
    std::shared_lock lock(m_mutex);
    if (m_held.empty()) {
      step = std::string(text);
    } else {
      std::vector<const std::string*> needles;
      for (const auto& held : m_held) {
        for (const auto& needle : held.needles) {
          needles.push_back(&needle);
        }
      }
      step = mask_needles(text, needles);
    }
  }
  return redact_patterns(step, m_today ? m_today() : system_today());
}

Redactor::Hold::Hold(Hold&& other) noexcept
    : m_owner(std::exchange(other.m_owner, nullptr)), m_id(std::exchange(other.m_id, 0)) {}

Redactor::Hold& Redactor::Hold::operator=(Hold&& other) noexcept {
  if (this != &other) {
    release();
    m_owner = std::exchange(other.m_owner, nullptr);
    m_id = std::exchange(other.m_id, 0);
  }
  return *this;
}

Redactor::Hold::~Hold() {
  release();
}

void Redactor::Hold::release() noexcept {
  if (m_owner != nullptr) {
    m_owner->drop(m_id);
    m_owner = nullptr;
  }
}

}  // namespace kiosk
