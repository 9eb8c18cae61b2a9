#include "core/log.hpp"

#include "core/redact.hpp"

namespace kiosk {

void RedactingSink::log(const spdlog::details::log_msg& msg) {
  const std::string masked = Redactor::global().redact({msg.payload.data(), msg.payload.size()});
  spdlog::details::log_msg copy = msg;
  copy.payload = spdlog::string_view_t(masked.data(), masked.size());
  std::shared_lock lock(m_mutex);
  for (const auto& child : m_children) {
    if (child->should_log(copy.level)) {
      try {
        child->log(copy);
      } catch (const std::exception&) {
        // One broken sink (a full disk, a dead journal) must not silence the others.
      }
    }
  }
}

void RedactingSink::flush() {
  std::shared_lock lock(m_mutex);
  for (const auto& child : m_children) {
    try {
      child->flush();
    } catch (const std::exception&) {
    }
  }
}

void RedactingSink::set_pattern(const std::string&) {}

void RedactingSink::set_formatter(std::unique_ptr<spdlog::formatter>) {}

void RedactingSink::add(spdlog::sink_ptr child) {
  std::unique_lock lock(m_mutex);
  m_children.push_back(std::move(child));
}

void RedactingSink::remove(const spdlog::sink_ptr& child) {
  std::unique_lock lock(m_mutex);
  std::erase(m_children, child);
}

void RedactingSink::set_children(std::vector<spdlog::sink_ptr> children) {
  std::unique_lock lock(m_mutex);
  m_children = std::move(children);
}

std::vector<spdlog::sink_ptr> RedactingSink::children() const {
  std::shared_lock lock(m_mutex);
  return m_children;
}

std::shared_ptr<RedactingSink> log_root_sink() {
  // Never destroyed: loggers may still write during static destruction.
  static auto* root = new std::shared_ptr<RedactingSink>(std::make_shared<RedactingSink>());
  return *root;
}

void add_log_sink(spdlog::sink_ptr sink) {
  log_root_sink()->add(std::move(sink));
}

void remove_log_sink(const spdlog::sink_ptr& sink) {
  log_root_sink()->remove(sink);
}

std::shared_ptr<spdlog::logger> logger(const std::string& name) {
  if (auto existing = spdlog::get(name)) {
    return existing;
  }
  auto created = spdlog::default_logger()->clone(name);
  try {
    spdlog::register_logger(created);
  } catch (const spdlog::spdlog_ex&) {
    // Another thread registered it first; use that one.
    if (auto existing = spdlog::get(name)) {
      return existing;
    }
  }
  return created;
}

}  // namespace kiosk
