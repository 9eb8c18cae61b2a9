#include "tools/kioskctl/book_command.hpp"

#include <chrono>
#include <iterator>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "adapters/factory/adapter_factory.hpp"
#include "adapters/factory/profile_file.hpp"
#include "core/booking.hpp"
#include "core/citizen_id.hpp"
#include "core/text.hpp"
#include "core/time.hpp"

namespace kiosk {
namespace {

using Args = std::vector<std::string>;
using Error = tl::unexpected<std::string>;
using nlohmann::json;

// Log lines go to standard error so standard output holds only the answer.
// Loggers created earlier in the process (tests) keep their sinks.
void log_to_stderr() {
  if (spdlog::get("kioskctl") == nullptr) {
    spdlog::set_default_logger(spdlog::stderr_color_mt("kioskctl"));
  }
}

// The profile's outbox, or an error line for `err` (exit code 2 or 1).
struct OpenedOutbox {
  Profile profile;
  std::unique_ptr<BookingOutbox> outbox;
};

tl::expected<OpenedOutbox, std::pair<int, std::string>> open_outbox(const std::string& path) {
  log_to_stderr();
  auto profile = load_profile_file(path);
  if (!profile) {
    return tl::unexpected(std::pair{2, "bad profile: " + profile.error().to_string()});
  }
  auto token = read_api_token(*profile);
  if (!token) {
    return tl::unexpected(std::pair{2, token.error()});
  }
  auto outbox = make_outbox(*profile, *token);
  secure_wipe(*token);
  if (!outbox) {
    return tl::unexpected(std::pair{1, outbox.error()});
  }
  return OpenedOutbox{std::move(*profile), std::move(*outbox)};
}

// The card in `payload` (wiped here): a full QR, or only its number, whose
// digits give the birth year and sex. The error names the code only.
tl::expected<CitizenId, std::string> read_citizen(std::string payload, int this_year) {
  auto card = parse_citizen_id(payload);
  if (!card && card.error() == CitizenIdError::id_only) {
    auto number_only = citizen_from_id_only(payload, this_year);
    secure_wipe(payload);
    if (!number_only) {
      return Error(fmt::format("citizen payload rejected: {}", error_code(CitizenIdError::bad_id)));
    }
    return std::move(*number_only);
  }
  secure_wipe(payload);
  if (!card) {
    return Error(fmt::format("citizen payload rejected: {}", error_code(card.error())));
  }
  return std::move(*card);
}

json delivery_json(const BookingRequest& r, OutboxKind kind, const Delivery& d) {
  json out = {{"key", r.idempotency_key},
              {"kind", kind_name(kind)},
              {"vacancy_id", r.vacancy_id},
              {"slot_id", kind == OutboxKind::booking ? r.slot_id : std::string()},
              {"state", state_name(d.state)}};
  if (d.confirmation) {
    out["reference"] = d.confirmation->reference;
    out["booking_id"] = d.confirmation->booking_id;
  }
  if (d.failure) {
    out["error"] = {{"status", d.failure->http_status},
                    {"code", d.failure->code},
                    {"message", d.failure->message}};
  }
  return out;
}

json summary_json(const OutboxSummary& s) {
  return json{{"key", s.idempotency_key},
              {"kind", kind_name(s.kind)},
              {"vacancy_id", s.vacancy_id},
              {"slot_id", s.slot_id},
              {"state", state_name(s.state)},
              {"attempts", s.attempts},
              {"created_at", format_iso8601_vn(s.created_at)},
              {"reference", s.reference},
              {"last_error", s.last_error}};
}

}  // namespace

tl::expected<BookCommandOptions, std::string> parse_book_args(const Args& args) {
  BookCommandOptions o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--interest") {
      o.interest = true;
      continue;
    }
    std::string* target = flag == "--profile"   ? &o.profile_path
                          : flag == "--citizen" ? &o.citizen
                          : flag == "--vacancy" ? &o.vacancy_id
                          : flag == "--slot"    ? &o.slot_id
                          : flag == "--phone"   ? &o.phone
                          : flag == "--key"     ? &o.key
                                                : nullptr;
    if (target == nullptr) {
      return Error("unexpected argument " + flag);
    }
    if (i + 1 >= args.size()) {
      return Error(flag + " needs a value");
    }
    *target = args[++i];
  }
  if (o.profile_path.empty() || o.citizen.empty() || o.vacancy_id.empty()) {
    return Error("--profile, --citizen and --vacancy are required");
  }
  if (o.slot_id.empty() && !o.interest) {
    return Error("--slot is required unless --interest");
  }
  return o;
}

int book_command(const BookCommandOptions& options, std::istream& in, std::ostream& out,
                 std::ostream& err) {
  auto opened = open_outbox(options.profile_path);
  if (!opened) {
    err << opened.error().second << "\n";
    return opened.error().first;
  }
  std::string payload = options.citizen;
  if (payload == "-") {
    payload.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto card = read_citizen(std::move(payload), vn_date(now).year);
  if (!card) {
    err << card.error() << "\n";
    return 2;
  }
  BookingRequest request(options.key.empty() ? new_uuid_v4() : options.key,
                         opened->profile.kiosk.id, options.vacancy_id, options.slot_id, card->id,
                         card->full_name, card->birth_date, card->sex, options.phone);
  request.birth_year_only = card->birth_year_only;
  card->wipe();
  const OutboxKind kind = options.interest ? OutboxKind::interest : OutboxKind::booking;
  auto delivery = opened->outbox->submit(request, kind);
  if (!delivery) {
    err << "not stored, not sent: " << delivery.error().message << "\n";
    return 1;
  }
  out << delivery_json(request, kind, *delivery).dump(2) << "\n";
  switch (delivery->state) {
    case DeliveryState::delivered:
      return 0;
    case DeliveryState::pending:
      return 3;
    case DeliveryState::rejected:
      return 4;
  }
  return 0;
}

tl::expected<OutboxCommandOptions, std::string> parse_outbox_args(const Args& args) {
  OutboxCommandOptions o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--profile" && i + 1 < args.size()) {
      o.profile_path = args[++i];
    } else if (args[i] == "--flush") {
      o.flush = true;
    } else if (args[i] == "--json") {
      o.json = true;
    } else {
      return Error("unexpected argument " + args[i]);
    }
  }
  if (o.profile_path.empty()) {
    return Error("--profile FILE is required");
  }
  return o;
}

int outbox_command(const OutboxCommandOptions& options, std::ostream& out, std::ostream& err) {
  auto opened = open_outbox(options.profile_path);
  if (!opened) {
    err << opened.error().second << "\n";
    return opened.error().first;
  }
  if (options.flush) {
    auto pending = opened->outbox->flush_with(FlushOptions{true, {}});
    if (!pending) {
      err << "flush failed: " << pending.error().message << "\n";
      return 1;
    }
  }
  auto entries = opened->outbox->list();
  if (!entries) {
    err << "outbox unreadable: " << entries.error().message << "\n";
    return 1;
  }
  std::size_t pending = 0;
  json list = json::array();
  for (const OutboxSummary& s : *entries) {
    pending += s.state == DeliveryState::pending ? 1 : 0;
    if (options.json) {
      list.push_back(summary_json(s));
    } else {
      out << fmt::format("{}  {:<9}  {:<8}  {}  {} {}  {}  attempts {}\n",
                         format_iso8601_vn(s.created_at), state_name(s.state), kind_name(s.kind),
                         s.idempotency_key, s.vacancy_id, s.slot_id.empty() ? "-" : s.slot_id,
                         s.reference.empty() ? s.last_error : s.reference, s.attempts);
    }
  }
  if (options.json) {
    out << json{{"pending", pending}, {"entries", std::move(list)}}.dump(2) << "\n";
  }
  err << fmt::format("{} entries, {} pending\n", entries->size(), pending);
  return options.flush && pending > 0 ? 3 : 0;
}

}  // namespace kiosk
