#include "tools/central_dev/dev_faults.hpp"

#include <array>
#include <utility>

#include <nlohmann/json.hpp>

namespace kiosk::dev {
namespace {

constexpr std::size_t k_journal_size = 10000;

constexpr std::array<std::pair<std::string_view, DevFault::Kind>, 7> k_kind_names{{
    {"hang", DevFault::Kind::hang},
    {"truncate", DevFault::Kind::truncate},
    {"malformed", DevFault::Kind::malformed},
    {"wrong_shape", DevFault::Kind::wrong_shape},
    {"bad_vacancy", DevFault::Kind::bad_vacancy},
    {"oversize", DevFault::Kind::oversize},
    {"status", DevFault::Kind::status},
}};

// Replaces the first vacancy of a snapshot or changes page with one whose
// id is a number: the client must skip and count it.
void break_first_vacancy(Reply& reply) {
  auto body = nlohmann::json::parse(reply.body, nullptr, false);
  if (!body.is_object()) {
    return;
  }
  for (const char* key : {"vacancies", "upserted"}) {
    const auto it = body.find(key);
    if (it != body.end() && it->is_array() && !it->empty()) {
      (*it)[0] = nlohmann::json{{"id", 12345}, {"title", nullptr}};
      reply.body = body.dump();
      return;
    }
  }
}

}  // namespace

std::optional<DevFault::Kind> parse_fault_kind(std::string_view name) {
  for (const auto& [text, kind] : k_kind_names) {
    if (text == name) {
      return kind;
    }
  }
  return std::nullopt;
}

void DevFaults::add(DevFault fault) {
  std::lock_guard lock(m_mutex);
  m_faults.push_back(std::move(fault));
}

void DevFaults::clear() {
  std::lock_guard lock(m_mutex);
  m_faults.clear();
}

std::optional<DevFault> DevFaults::take(std::string_view path) {
  std::lock_guard lock(m_mutex);
  for (auto it = m_faults.begin(); it != m_faults.end(); ++it) {
    if (path.substr(0, it->path.size()) != it->path) {
      continue;
    }
    DevFault hit = *it;
    if (it->times > 0 && --it->times == 0) {
      m_faults.erase(it);
    }
    return hit;
  }
  return std::nullopt;
}

void apply_body_fault(const DevFault& fault, Reply& reply) {
  switch (fault.kind) {
    case DevFault::Kind::truncate:
      reply.body.resize(reply.body.size() / 2);
      break;
    case DevFault::Kind::malformed:
      // Valid HTTP, broken JSON syntax right at the start.
      reply.body.insert(reply.body.empty() ? 0 : 1, ",,");
      break;
    case DevFault::Kind::wrong_shape:
      reply.body = R"({"unexpected":[1,2,3]})";
      break;
    case DevFault::Kind::bad_vacancy:
      break_first_vacancy(reply);
      break;
    case DevFault::Kind::oversize:
      if (!reply.body.empty() && reply.body.front() == '{') {
        reply.body = "{\"padding\":\"" + std::string(fault.oversize_bytes, 'x') + "\"," +
                     reply.body.substr(1);
      }
      break;
    case DevFault::Kind::hang:
    case DevFault::Kind::status:
      break;
  }
}

void DevJournal::record(DevRequestRecord record) {
  std::lock_guard lock(m_mutex);
  m_entries.push_back(std::move(record));
  if (m_entries.size() > k_journal_size) {
    m_entries.pop_front();
  }
}

std::vector<DevRequestRecord> DevJournal::entries() const {
  std::lock_guard lock(m_mutex);
  return {m_entries.begin(), m_entries.end()};
}

void DevJournal::clear() {
  std::lock_guard lock(m_mutex);
  m_entries.clear();
}

}  // namespace kiosk::dev
