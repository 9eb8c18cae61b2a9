#include "tools/central_dev/dev_cli.hpp"

#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "tools/central_dev/dev_profiles.hpp"

namespace kiosk::dev {
namespace {

template <typename T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

// Applies one flag with its value; an error text when the value is bad.
std::optional<std::string> apply(DevCliArgs& a, std::string_view flag, std::string_view value) {
  auto bad = [&] { return fmt::format("bad value \"{}\" for {}", value, flag); };
  DevCentralOptions& o = a.options;
  if (flag == "--port") {
    const auto n = parse_number<int>(value);
    if (!n || *n < 0 || *n > 65535) {
      return bad();
    }
    a.port = *n;
  } else if (flag == "--host") {
    a.host = std::string(value);
  } else if (flag == "--vacancies") {
    const auto n = parse_number<std::size_t>(value);
    if (!n) {
      return bad();
    }
    o.vacancies = *n;
  } else if (flag == "--seed") {
    const auto n = parse_number<std::uint64_t>(value);
    if (!n) {
      return bad();
    }
    o.seed = *n;
  } else if (flag == "--token") {
    o.token = std::string(value);
  } else if (flag == "--data-dir") {
    o.data_dir = std::string(value);
  } else if (flag == "--latency-ms") {
    const auto n = parse_number<std::int64_t>(value);
    if (!n || *n < 0) {
      return bad();
    }
    o.latency = std::chrono::milliseconds(*n);
  } else if (flag == "--error-rate") {
    const auto f = parse_number<double>(value);
    if (!f || !(*f >= 0.0 && *f <= 1.0)) {
      return bad();
    }
    o.error_rate = *f;
  } else if (flag == "--cert") {
    o.cert_file = std::string(value);
  } else if (flag == "--key") {
    o.key_file = std::string(value);
  } else if (flag == "--client-ca") {
    o.client_ca_file = std::string(value);
  } else if (flag == "--today") {
    o.today = std::string(value);
  } else if (flag == "--kiosk-profile") {
    auto profile = read_kiosk_profile_arg(value);
    if (!profile) {
      return profile.error();
    }
    o.kiosk_profiles.push_back(std::move(*profile));
  } else {
    return fmt::format("unknown flag {} (see --help)", flag);
  }
  return std::nullopt;
}

}  // namespace

tl::expected<DevCliArgs, std::string> parse_dev_cli(std::span<const std::string_view> args) {
  DevCliArgs a;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view flag = args[i];
    if (flag == "--help" || flag == "-h") {
      a.help = true;
      continue;
    }
    std::string_view value;
    if (const auto eq = flag.find('='); flag.starts_with("--") && eq != std::string_view::npos) {
      value = flag.substr(eq + 1);
      flag = flag.substr(0, eq);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return tl::unexpected(fmt::format("{} needs a value (see --help)", flag));
    }
    if (auto error = apply(a, flag, value)) {
      return tl::unexpected(*error);
    }
  }
  return a;
}

std::string dev_cli_usage() {
  return fmt::format(
      "kiosk-central-dev: development central API server (DESIGN §3.2)\n"
      "\n"
      "  --port N            port to listen on (default 8080; 0 = any free port)\n"
      "  --host ADDR         address to bind (default 127.0.0.1; 0.0.0.0 for the LAN)\n"
      "  --vacancies N       vacancies to generate (default 600)\n"
      "  --seed N            data seed (default 42); same seed + today = same data\n"
      "  --token T           bearer token clients must send (default dev-token)\n"
      "  --data-dir DIR      folder with hanoi_wards.json\n"
      "                      (default {})\n"
      "  --latency-ms N      sleep N ms before answering each /api/v1 request\n"
      "  --error-rate F      answer this share (0..1) of /api/v1 requests with 503\n"
      "  --cert FILE --key FILE   serve HTTPS with this PEM certificate and key\n"
      "  --client-ca FILE    with HTTPS, require client certificates signed by FILE\n"
      "  --today YYYY-MM-DD  pretend today is this date (default: today in Vietnam)\n"
      "  --kiosk-profile ID=FILE  serve FILE (TOML) as kiosk ID's central profile, signed\n"
      "                      with the base64 in FILE.sig; may be repeated\n"
      "  --help              this text\n"
      "\n"
      "Development endpoints (no token): GET /healthz, GET /api/v1/_dev/bookings,\n"
      "POST /api/v1/_dev/vacancies/ID/remove|touch, POST /api/v1/_dev/faults\n"
      "{{\"error_rate\":0.5,\"latency_ms\":200}}.\n",
      default_data_dir());
}

}  // namespace kiosk::dev
