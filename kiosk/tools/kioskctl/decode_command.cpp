#include "tools/kioskctl/decode_command.hpp"

#include <chrono>

#include "adapters/scan/qr_decoder.hpp"
#include "core/text.hpp"

namespace kiosk {
namespace {

std::string initials(const std::string& name) {
  std::string out;
  bool at_word_start = true;
  for (std::size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c == ' ') {
      at_word_start = true;
    } else if (at_word_start) {
      out += (out.empty() ? "" : " ") + name.substr(i, len) + ".";
      at_word_start = false;
    }
    i += len;
  }
  return out;
}

// The fields of one decoded code: a citizen ID (masked unless revealed), a
// damaged one (nothing of its text), or another code (its text).
void describe_code(nlohmann::json& j, const scan::DecodedCode& code, const DecodeOptions& options) {
  auto id = parse_citizen_id(code.bytes);
  if (id) {
    j["kind"] = "citizen_id";
    j["citizen"] = citizen_json(*id, options.reveal);
    id->wipe();
  } else if (id.error() == CitizenIdError::not_citizen_id) {
    j["kind"] = "other";
    j["text"] = code.text.substr(0, 256);
  } else {
    // Still personal data: only what went wrong and how long it was.
    j["kind"] = "damaged_citizen_id";
    j["citizen_error"] = std::string(error_code(id.error()));
    j["bytes"] = code.bytes.size();
  }
  if (options.raw) {
    j["raw"] = code.text;
  }
}

}  // namespace

nlohmann::json citizen_json(const CitizenId& id, bool reveal) {
  if (reveal) {
    return {{"id", id.id},
            {"old_id", id.old_id},
            {"name", id.full_name},
            {"birth_date", format_iso_date(id.birth_date)},
            {"sex", std::string(sex_label(id.sex))},
            {"address", id.address},
            {"issue_date", format_iso_date(id.issue_date)},
            {"extras", id.extras}};
  }
  return {{"id", mask_id(id.id)},
          {"old_id", id.old_id.empty() ? "" : std::string(id.old_id.size(), '*')},
          {"name", initials(id.full_name)},
          {"birth_year", id.birth_date.year},
          {"sex", std::string(sex_label(id.sex))},
          {"address", "(" + std::to_string(id.address.size()) + " bytes hidden)"},
          {"issue_date", format_iso_date(id.issue_date)},
          {"extra_fields", id.extras.size()}};
}

int decode_command(const std::vector<std::string>& files, const DecodeOptions& options,
                   std::ostream& out) {
  int status = 0;
  for (const auto& file : files) {
    nlohmann::json j = {{"file", file}};
    const auto start = std::chrono::steady_clock::now();
    auto decoded = scan::decode_image_file(file);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    j["ok"] = decoded.has_value();
    if (!decoded) {
      j["error"] = decoded.error() == scan::DecodeError::no_code ? "no_code" : "unreadable_file";
      status = 1;
    } else {
      describe_code(j, *decoded, options);
      secure_wipe(decoded->bytes);
      secure_wipe(decoded->text);
    }
    j["ms"] = static_cast<double>(static_cast<long>(ms * 100)) / 100;
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return status;
}

tl::expected<std::pair<DecodeOptions, std::vector<std::string>>, std::string> parse_decode_args(
    const std::vector<std::string>& args) {
  DecodeOptions options;
  std::vector<std::string> files;
  for (const auto& a : args) {
    if (a == "--json") {
      continue;  // JSON is the only output format
    }
    if (a == "--raw") {
      options.raw = true;
    } else if (a == "--reveal") {
      options.reveal = true;
    } else if (a.starts_with("--")) {
      return tl::unexpected("unknown option " + a);
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    return tl::unexpected(std::string("no files given"));
  }
  return std::make_pair(options, files);
}

}  // namespace kiosk
