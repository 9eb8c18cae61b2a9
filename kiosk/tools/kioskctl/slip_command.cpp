#include "tools/kioskctl/slip_command.hpp"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "adapters/factory/profile_file.hpp"
#include "adapters/print/printer_factory.hpp"
#include "core/booking.hpp"

namespace kiosk {
namespace {

std::string text_field(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const char* error_name(PrintError kind) {
  switch (kind) {
    case PrintError::offline:
      return "offline";
    case PrintError::out_of_paper:
      return "out_of_paper";
    case PrintError::failed:
      return "failed";
  }
  return "failed";
}

int input_error(std::ostream& out, const std::string& message) {
  out << nlohmann::json{{"ok", false}, {"error", "input"}, {"message", message}}.dump() << "\n";
  return 2;
}

tl::expected<nlohmann::json, std::string> read_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return tl::unexpected(path + ": cannot be read");
  }
  std::stringstream text;
  text << in.rdbuf();
  auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded()) {
    return tl::unexpected(path + ": not JSON");
  }
  return j;
}

std::optional<int> number(const std::string& text) {
  try {
    std::size_t used = 0;
    const int value = std::stoi(text, &used);
    return used == text.size() ? std::optional<int>(value) : std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace

tl::expected<SlipOptions, std::string> parse_slip_args(const std::vector<std::string>& args) {
  SlipOptions o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--no-cutter") {
      o.cutter = false;
      continue;
    }
    if (i + 1 >= args.size()) {
      return tl::unexpected(flag.starts_with("--") ? flag + " needs a value"
                                                   : "unexpected argument " + flag);
    }
    const std::string& value = args[++i];
    if (flag == "--booking") {
      o.booking_file = value;
    } else if (flag == "--printer") {
      o.printer_uri = value;
    } else if (flag == "--profile") {
      o.profile_file = value;
    } else if (flag == "--width" || flag == "--dpi") {
      const auto n = number(value);
      if (!n) {
        return tl::unexpected(flag + " needs a number");
      }
      (flag == "--width" ? o.width_dots : o.dpi) = *n;
    } else {
      return tl::unexpected("unknown flag " + flag);
    }
  }
  if (o.booking_file.empty()) {
    return tl::unexpected(std::string("--booking FILE is required"));
  }
  if (o.printer_uri.empty() && o.profile_file.empty()) {
    return tl::unexpected(std::string("--printer URI (or --profile FILE) is required"));
  }
  return o;
}

tl::expected<Slip, std::string> slip_from_booking_json(const nlohmann::json& j,
                                                        const std::string& default_centre,
                                                        WallTime now) {
  auto booking = confirmation_from_json(j);
  if (!booking) {
    return tl::unexpected(booking.error());
  }
  if (booking->slot.id.empty()) {
    return tl::unexpected(std::string("missing or bad slot (id, starts_at)"));
  }
  SlipContext context;
  context.centre_name = text_field(j, "centre_name");
  if (context.centre_name.empty()) {
    context.centre_name = default_centre;
  }
  context.session_title = text_field(j, "session_title");
  context.seeker_name = text_field(j, "seeker_name");
  context.printed_at = now;
  if (const std::string at = text_field(j, "printed_at"); !at.empty()) {
    const auto parsed = parse_iso8601(at);
    if (!parsed) {
      return tl::unexpected("bad printed_at '" + at + "'");
    }
    context.printed_at = *parsed;
  }
  return make_booking_slip(*booking, context);
}

int slip_command(const SlipOptions& options, std::ostream& out) {
  Profile profile;
  if (!options.profile_file.empty()) {
    auto loaded = load_profile_file(options.profile_file);
    if (!loaded) {
      return input_error(out, "bad profile: " + loaded.error().to_string());
    }
    profile = std::move(*loaded);
  }
  Profile::Printer settings = profile.printer;
  settings.uri = options.printer_uri.empty() ? settings.uri : options.printer_uri;
  settings.width_dots = options.width_dots.value_or(settings.width_dots);
  settings.dpi = options.dpi.value_or(settings.dpi);
  settings.cutter = options.cutter.value_or(settings.cutter);

  auto json = read_json(options.booking_file);
  if (!json) {
    return input_error(out, json.error());
  }
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(
      std::chrono::system_clock::now());
  auto slip = slip_from_booking_json(*json, profile.kiosk.centre, now);
  if (!slip) {
    return input_error(out, options.booking_file + ": " + slip.error());
  }
  auto printer = print::make_slip_printer(settings);
  if (!printer) {
    slip->wipe();
    return input_error(out, printer.error());
  }
  auto receipt = (*printer)->print(*slip);
  const std::string reference = slip->reference;
  slip->wipe();  // it carries the person's name
  if (!receipt) {
    out << nlohmann::json{{"ok", false},
                          {"reference", reference},
                          {"error", error_name(receipt.error().kind)},
                          {"message", receipt.error().message}}
               .dump()
        << "\n";
    return 1;
  }
  out << nlohmann::json{{"ok", true}, {"reference", reference}, {"location", receipt->location}}
             .dump()
      << "\n";
  return 0;
}

}  // namespace kiosk
