#include "core/i18n.hpp"

namespace kiosk {

std::string_view lang_code(Lang lang) {
  return lang == Lang::en ? "en" : "vi";
}

std::optional<Lang> lang_from_code(std::string_view code) {
  if (code == "vi") {
    return Lang::vi;
  }
  if (code == "en") {
    return Lang::en;
  }
  return std::nullopt;
}

int plural_index(Lang lang, long long n) {
  switch (lang) {
    case Lang::vi:
      return 0;  // nplurals=1; plural=0;
    case Lang::en:
      return n != 1 ? 1 : 0;  // nplurals=2; plural=(n != 1);
  }
  return 0;
}

void MessageCatalog::add(std::string msgid, std::string msgstr) {
  m_entries.insert_or_assign(std::move(msgid), std::vector<std::string>{std::move(msgstr)});
}

void MessageCatalog::add_plural(std::string msgid, std::vector<std::string> forms) {
  m_entries.insert_or_assign(std::move(msgid), std::move(forms));
}

const std::string* MessageCatalog::find(std::string_view msgid) const {
  return find_plural(msgid, 0);
}

const std::string* MessageCatalog::find_plural(std::string_view msgid, int index) const {
  const auto it = m_entries.find(msgid);
  if (it == m_entries.end() || index < 0 || static_cast<std::size_t>(index) >= it->second.size() ||
      it->second[static_cast<std::size_t>(index)].empty()) {
    return nullptr;
  }
  return &it->second[static_cast<std::size_t>(index)];
}

bool MessageCatalog::contains(std::string_view msgid) const {
  return m_entries.contains(msgid);
}

std::vector<std::string> MessageCatalog::all_texts() const {
  std::vector<std::string> out;
  for (const auto& [msgid, forms] : m_entries) {
    out.push_back(msgid);
    out.insert(out.end(), forms.begin(), forms.end());
  }
  return out;
}

std::string_view Tr::tr(std::string_view msgid) const {
  if (m_translations != nullptr) {
    if (const std::string* s = m_translations->catalog(m_lang).find(msgid)) {
      return *s;
    }
  }
  return msgid;
}

std::string Tr::vformat(std::string_view msgid, std::string_view translated,
                        fmt::format_args args) {
  try {
    return fmt::vformat(translated, args);
  } catch (const fmt::format_error&) {
    try {
      return fmt::vformat(msgid, args);
    } catch (const fmt::format_error&) {
      return std::string(msgid);
    }
  }
}

std::string Tr::trn(std::string_view msgid, std::string_view plural, long long n) const {
  std::string_view form = n == 1 ? msgid : plural;  // the source's own rule, without catalogues
  if (m_translations != nullptr) {
    if (const std::string* s =
            m_translations->catalog(m_lang).find_plural(msgid, plural_index(m_lang, n))) {
      form = *s;
    }
  }
  return vformat(msgid, form, fmt::make_format_args(n));
}

std::string Tr::trv(std::string_view msgid, const std::vector<std::string>& args) const {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& a : args) {
    store.push_back(a);
  }
  return vformat(msgid, tr(msgid), store);
}

}  // namespace kiosk
