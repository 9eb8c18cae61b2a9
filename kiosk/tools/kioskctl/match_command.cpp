#include "tools/kioskctl/match_command.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "adapters/factory/adapter_factory.hpp"
#include "adapters/factory/profile_file.hpp"
#include "core/citizen_id.hpp"
#include "core/match_query.hpp"
#include "core/search.hpp"
#include "core/text.hpp"

namespace kiosk {
namespace {

using Args = std::vector<std::string>;
using Error = tl::unexpected<std::string>;

bool is_flag(const std::string& word) {
  return word.starts_with("--");
}

template <typename T>
std::optional<T> parse_number(const std::string& text) {
  T value{};
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) {
    return std::nullopt;
  }
  return value;
}

// Every word after args[i] up to the next flag, split at commas.
std::vector<std::string> list_after(const Args& args, std::size_t& i) {
  std::vector<std::string> out;
  while (i + 1 < args.size() && !is_flag(args[i + 1])) {
    const std::string& word = args[++i];
    std::size_t start = 0;
    while (start <= word.size()) {
      const std::size_t comma = std::min(word.find(',', start), word.size());
      if (comma > start) {
        out.push_back(word.substr(start, comma - start));
      }
      start = comma + 1;
    }
  }
  return out;
}

tl::expected<void, std::string> check_codes(const std::vector<std::string>& codes,
                                            const std::string& flag) {
  if (codes.empty()) {
    return Error(flag + " needs at least one value");
  }
  for (const auto& c : codes) {
    if (!is_isco_prefix(c)) {
      return Error(flag + ": not an ISCO-08 code or group: " + c);
    }
  }
  return {};
}

const std::vector<std::string_view> k_value_flags = {"--profile", "--citizen",    "--query",
                                                     "--prefer",  "--limit",      "--now",
                                                     "--max-km",  "--min-salary", "--education"};

bool takes_value(std::string_view flag) {
  return std::find(k_value_flags.begin(), k_value_flags.end(), flag) != k_value_flags.end();
}

// Sets the option of a flag that takes one value; an error text on a bad value.
std::optional<std::string> set_value(MatchCommandOptions& o, std::string_view flag,
                                     const std::string& v) {
  const auto bad = [&](std::string_view what) {
    return std::optional<std::string>(fmt::format("{}: {}: {}", flag, what, v));
  };
  if (flag == "--profile") {
    o.profile_path = v;
  } else if (flag == "--citizen") {
    o.citizen = v;
  } else if (flag == "--query") {
    o.query = v;
  } else if (flag == "--prefer") {
    o.preferred_employment_type = v;
  } else if (flag == "--limit") {
    o.limit = parse_number<std::size_t>(v);
    return o.limit ? std::nullopt : bad("not a count");
  } else if (flag == "--now") {
    o.now = parse_iso8601(v);
    return o.now ? std::nullopt : bad("not an ISO-8601 time");
  } else if (flag == "--max-km") {
    o.filters.max_distance_km = parse_number<double>(v);
    return o.filters.max_distance_km ? std::nullopt : bad("not a number");
  } else if (flag == "--min-salary") {
    o.filters.min_salary_vnd_month = parse_number<std::int64_t>(v);
    return o.filters.min_salary_vnd_month ? std::nullopt : bad("not an amount in VND");
  } else if (flag == "--education") {
    o.filters.education = parse_education(v);
    return o.filters.education ? std::nullopt : bad("unknown level");
  }
  return std::nullopt;
}

}  // namespace

tl::expected<MatchCommandOptions, std::string> parse_match_args(const Args& args) {
  MatchCommandOptions o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--json") {
      o.json = true;
    } else if (flag == "--occupation" || flag == "--group") {
      auto& codes = flag == "--occupation" ? o.occupations : o.filters.occupation_groups;
      const auto more = list_after(args, i);
      codes.insert(codes.end(), more.begin(), more.end());
      if (auto ok = check_codes(more, flag); !ok) {
        return Error(ok.error());
      }
    } else if (flag == "--ward" || flag == "--type") {
      auto& values = flag == "--ward" ? o.filters.ward_codes : o.filters.employment_types;
      const auto more = list_after(args, i);
      if (more.empty()) {
        return Error(flag + " needs at least one value");
      }
      values.insert(values.end(), more.begin(), more.end());
    } else if (takes_value(flag)) {
      if (i + 1 >= args.size()) {
        return Error(flag + " needs a value");
      }
      if (auto bad = set_value(o, flag, args[++i])) {
        return Error(*bad);
      }
    } else {
      return Error("unknown argument: " + flag);
    }
  }
  if (o.profile_path.empty() || o.citizen.empty()) {
    return Error("--profile and --citizen are required");
  }
  return o;
}

namespace {

tl::expected<MatchPerson, std::string> read_person(std::string payload, const WardTable& wards,
                                                   int this_year) {
  auto card = parse_citizen_id(payload);
  if (card) {
    secure_wipe(payload);
    return match_person_from_card(*card, &wards);
  }
  CitizenIdError error = card.error();
  std::optional<MatchPerson> person;
  if (error == CitizenIdError::id_only) {
    // A keyboard scanner read only the number: its digits give the birth year.
    while (!payload.empty() && (payload.back() == '\n' || payload.back() == '\r')) {
      payload.pop_back();
    }
    person = match_person_from_id_number(payload, this_year);
    error = CitizenIdError::bad_id;
  }
  secure_wipe(payload);
  if (!person) {
    return Error(fmt::format("citizen payload rejected: {}", error_code(error)));
  }
  return *person;
}

tl::expected<Catalog, std::string> load_cached_catalog(const Profile& profile) {
  const std::filesystem::path path = profile.data.store_path;
  if (!std::filesystem::exists(path)) {
    return Error("no vacancy cache at " + path.string() + " (run kioskctl sync first)");
  }
  auto store = make_store(profile);
  if (!store) {
    return Error(store.error());
  }
  auto catalog = (*store)->load();
  if (!catalog) {
    return Error("vacancy cache " + path.string() + ": " + catalog.error().message);
  }
  return std::move(*catalog);
}

// The kiosk's free-text search: positions of the vacancies the typed text
// finds, in catalog order.
std::vector<std::uint32_t> text_hits_for(std::span<const Vacancy> vacancies,
                                         const std::string& text) {
  return SearchIndex::build(vacancies).search(text);
}

double rounded(double x, double step) {
  return std::round(x / step) * step;
}

nlohmann::json match_json(const Match& m) {
  nlohmann::json j = {{"id", m.vacancy.id},
                      {"title", m.vacancy.title},
                      {"employer", m.vacancy.employer_name},
                      {"isco08", m.vacancy.isco08},
                      {"score", rounded(m.score, 0.01)},
                      {"reasons", m.reasons}};
  if (m.distance_km) {
    j["distance_km"] = rounded(*m.distance_km, 0.1);
  }
  return j;
}

void print_matches(const MatchResult& result, bool json, std::ostream& out) {
  if (json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& m : result.matches) {
      list.push_back(match_json(m));
    }
    out << list.dump(2) << "\n";
    return;
  }
  for (const auto& m : result.matches) {
    out << fmt::format("{:6.2f}  {}  {} — ", m.score, m.vacancy.id, m.vacancy.title);
    for (std::size_t i = 0; i < m.reasons.size(); ++i) {
      out << (i > 0 ? "; " : "") << m.reasons[i];
    }
    out << "\n";
  }
}

}  // namespace

int match_command(const MatchCommandOptions& options, std::istream& in, std::ostream& out,
                  std::ostream& err) {
  auto profile = load_profile_file(options.profile_path);
  if (!profile) {
    err << "bad profile: " << profile.error().to_string() << "\n";
    return 2;
  }
  auto wards = load_ward_table(profile->data.wards_file);
  if (!wards) {
    err << "ward table: " << wards.error() << "\n";
    return 2;
  }
  auto catalog = load_cached_catalog(*profile);
  if (!catalog) {
    err << catalog.error() << "\n";
    return 1;
  }
  const WallTime now = options.now.value_or(
      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  std::string payload = options.citizen;
  if (payload == "-") {
    payload.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto person = read_person(std::move(payload), **wards, vn_date(now).year);
  if (!person) {
    err << person.error() << "\n";
    return 2;
  }
  const MatchScope scope{profile->session.session_ids, profile->session.target_groups};
  MatchQuery query = match_query_for(*person, scope, catalog->sessions, now);
  query.occupations = options.occupations;
  query.preferred_employment_type = options.preferred_employment_type;
  query.filters = options.filters;
  query.limit = options.limit.value_or(query.limit);
  if (!make_search_query(options.query).empty()) {
    query.filters.text_hits = text_hits_for(catalog->vacancies, options.query);
  }
  const MatchResult result = match_vacancies(catalog->vacancies, query);
  print_matches(result, options.json, out);
  err << fmt::format("{} shown of {} eligible, {} cached\n", result.shown, result.eligible,
                     catalog->vacancies.size());
  return 0;
}

}  // namespace kiosk
