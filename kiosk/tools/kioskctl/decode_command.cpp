#include "tools/kioskctl/decode_command.hpp"

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

}  // namespace

nlohmann::json masked_citizen_json(const CitizenId& id) {
  return {{"id", mask_id(id.id)},
          {"old_id", id.old_id.empty() ? "" : std::string(id.old_id.size(), '*')},
          {"name", initials(id.full_name)},
          {"birth_year", id.birth_date.year},
          {"sex", std::string(sex_label(id.sex))},
          {"address", "(" + std::to_string(id.address.size()) + " bytes hidden)"},
          {"issue_date", format_iso_date(id.issue_date)},
          {"extra_fields", id.extras.size()}};
}

int decode_command(const std::vector<std::string>& files, std::ostream& out) {
  int status = 0;
  for (const auto& file : files) {
    nlohmann::json j = {{"file", file}};
    const auto decoded = scan::decode_image_file(file);
    if (!decoded) {
      j["error"] = scan::describe(decoded.error());
      status = 1;
    } else {
      auto id = parse_citizen_id(decoded->bytes);
      if (id) {
        j["kind"] = "citizen_id";
        j["citizen"] = masked_citizen_json(*id);
        id->wipe();
      } else {
        j["kind"] = id.error() == CitizenIdError::not_citizen_id ? "other" : "damaged_citizen_id";
        j["not_citizen_id_because"] = std::string(error_code(id.error()));
        j["bytes"] = decoded->bytes.size();
        // A foreign code is shown as the library reads it (first 256 bytes);
        // a damaged card's payload is still personal data, so never.
        if (id.error() == CitizenIdError::not_citizen_id) {
          j["text"] = decoded->text.substr(0, 256);
        }
      }
    }
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return status;
}

}  // namespace kiosk
