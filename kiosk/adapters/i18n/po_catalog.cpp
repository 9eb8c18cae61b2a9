#include "adapters/i18n/po_catalog.hpp"

#include <csetjmp>
#include <filesystem>

#include <fmt/format.h>
#include <gettext-po.h>

namespace kiosk::i18n {
namespace {

// libgettextpo reports problems through callbacks, and a fatal one must not
// return: the reader jumps back to read_po() (the library's documented way;
// a file that fails to parse leaks the library's partial state once).
struct ReadErrors {
  std::jmp_buf fatal{};
  std::string first;  // the first error, "file:line: text"
};
thread_local ReadErrors* t_errors = nullptr;

void note(int severity, const char* filename, std::size_t lineno, const char* text) {
  if (t_errors == nullptr || severity == PO_SEVERITY_WARNING) {
    return;
  }
  if (t_errors->first.empty()) {
    std::string where = filename != nullptr ? filename : "?";
    if (lineno != static_cast<std::size_t>(-1)) {
      where += fmt::format(":{}", lineno);
    }
    std::string msg = text != nullptr ? text : "error";
    while (!msg.empty() && msg.back() == '\n') {
      msg.pop_back();
    }
    t_errors->first = where + ": " + msg;
  }
}

void xerror(int severity, po_message_t, const char* filename, std::size_t lineno, std::size_t, int,
            const char* text) {
  note(severity, filename, lineno, text);
  if (severity == PO_SEVERITY_FATAL_ERROR && t_errors != nullptr) {
    std::longjmp(t_errors->fatal, 1);
  }
}

void xerror2(int severity, po_message_t, const char* filename1, std::size_t lineno1, std::size_t,
             int, const char* text1, po_message_t, const char*, std::size_t, std::size_t, int,
             const char*) {
  xerror(severity, nullptr, filename1, lineno1, 0, 0, text1);
}

const po_xerror_handler k_handler{xerror, xerror2};

// The messages of an open file (no jumps here).
std::vector<PoEntry> entries_of(po_file_t file) {
  std::vector<PoEntry> out;
  po_message_iterator_t it = po_message_iterator(file, nullptr);
  while (po_message_t m = po_next_message(it)) {
    const char* msgid = po_message_msgid(m);
    if (msgid == nullptr || *msgid == '\0' || po_message_is_obsolete(m) != 0) {
      continue;  // the header and old entries
    }
    PoEntry e;
    e.msgid = msgid;
    e.fuzzy = po_message_is_fuzzy(m) != 0;
    if (const char* plural = po_message_msgid_plural(m)) {
      e.msgid_plural = plural;
      for (int i = 0; const char* s = po_message_msgstr_plural(m, i); ++i) {
        e.msgstr.emplace_back(s);
      }
    } else {
      const char* s = po_message_msgstr(m);
      e.msgstr.emplace_back(s != nullptr ? s : "");
    }
    if (po_filepos_t pos = po_message_filepos(m, 0)) {
      e.where = fmt::format("{}:{}", po_filepos_file(pos), po_filepos_start_line(pos));
    }
    out.push_back(std::move(e));
  }
  po_message_iterator_free(it);
  return out;
}

}  // namespace

tl::expected<std::vector<PoEntry>, std::string> read_po_entries(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    return tl::unexpected(path + ": no such file");
  }
  ReadErrors errors;
  ReadErrors* const outer = t_errors;
  t_errors = &errors;
  po_file_t file = nullptr;
  if (setjmp(errors.fatal) == 0) {
    file = po_file_read(path.c_str(), &k_handler);
  }
  t_errors = outer;
  if (file == nullptr || !errors.first.empty()) {
    if (file != nullptr) {
      po_file_free(file);
    }
    return tl::unexpected(errors.first.empty() ? path + ": cannot be read" : errors.first);
  }
  std::vector<PoEntry> entries = entries_of(file);
  po_file_free(file);
  return entries;
}

tl::expected<MessageCatalog, std::string> read_po(const std::string& path) {
  auto entries = read_po_entries(path);
  if (!entries) {
    return tl::unexpected(entries.error());
  }
  MessageCatalog catalog;
  for (auto& e : *entries) {
    if (e.fuzzy) {
      continue;  // a guess nobody checked is no translation
    }
    if (!e.msgid_plural.empty()) {
      catalog.add_plural(std::move(e.msgid), std::move(e.msgstr));
    } else if (!e.msgstr.front().empty()) {
      catalog.add(std::move(e.msgid), std::move(e.msgstr.front()));
    }
  }
  return catalog;
}

tl::expected<std::shared_ptr<const Translations>, std::string> load_translations(
    const std::string& dir) {
  auto translations = std::make_shared<Translations>();
  for (const Lang lang : k_languages) {
    auto catalog =
        read_po((std::filesystem::path(dir) / (std::string(lang_code(lang)) + ".po")).string());
    if (!catalog) {
      return tl::unexpected(catalog.error());
    }
    translations->set(lang, std::move(*catalog));
  }
  return translations;
}

}  // namespace kiosk::i18n
