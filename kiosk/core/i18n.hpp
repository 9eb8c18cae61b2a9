#pragma once
// Translations. The kiosk's strings are written in Vietnamese, the language
// of its users and of the staff who word them, and every one is looked up in
// a gettext catalogue (po/vi.po, po/en.po) when it is shown, so wording
// changes need no rebuild and translators' tools work on the files.
//
// Marking strings (xgettext --keyword=tr --keyword=trf --keyword=trn:1,2
// --keyword=N_ extracts them; tests/unit/catalogue_test checks both
// catalogues translate every one):
//   t.tr("Quay lại")                       a fixed string
//   t.trf("Còn {} suất phỏng vấn", n)      a fmt format string and its arguments
//   t.trn("{} việc làm", "{} việc làm", n) a count (English has two forms)
//   N_("Quản lý")                          in a table, translated later with tr()

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <fmt/args.h>
#include <fmt/format.h>

/// Marks a string for the catalogues without translating it here.
#define N_(msgid) msgid

namespace kiosk {

enum class Lang : std::uint8_t { vi, en };
inline constexpr std::array<Lang, 2> k_languages{Lang::vi, Lang::en};

/// "vi", "en".
std::string_view lang_code(Lang lang);
std::optional<Lang> lang_from_code(std::string_view code);

/// The plural form index for `n` in `lang` (CLDR: Vietnamese has one form,
/// English two), as a catalogue's Plural-Forms header says.
int plural_index(Lang lang, long long n);

/// One language's catalogue: msgid → translation (one string, or one per
/// plural form). Built by the .po reader (adapters/i18n).
class MessageCatalog {
 public:
  void add(std::string msgid, std::string msgstr);
  void add_plural(std::string msgid, std::vector<std::string> forms);

  /// The translation, or null when the catalogue lacks it.
  const std::string* find(std::string_view msgid) const;
  /// The form for `n`, or null.
  const std::string* find_plural(std::string_view msgid, int index) const;
  bool contains(std::string_view msgid) const;
  std::size_t size() const { return m_entries.size(); }
  /// Every translation, for tests (font coverage, completeness).
  std::vector<std::string> all_texts() const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<std::string>, Hash, std::equal_to<>> m_entries;
};

/// Both languages' catalogues. Immutable once built; shared by threads.
class Translations {
 public:
  void set(Lang lang, MessageCatalog catalog) {
    m_catalogs[static_cast<int>(lang)] = std::move(catalog);
  }
  const MessageCatalog& catalog(Lang lang) const { return m_catalogs[static_cast<int>(lang)]; }

 private:
  std::array<MessageCatalog, 2> m_catalogs;
};

/// A translator for one language. Without catalogues (tests of the core
/// alone) every string is its Vietnamese msgid. Cheap to copy.
class Tr {
 public:
  Tr() = default;
  Tr(const Translations* translations, Lang lang) : m_translations(translations), m_lang(lang) {}

  Lang lang() const { return m_lang; }

  /// The translation of `msgid`, or `msgid` itself when there is none.
  /// The view stays valid as long as `msgid` and the catalogues do.
  std::string_view tr(std::string_view msgid) const;

  /// tr(msgid) as a fmt format string with `args`. A translation whose
  /// placeholders do not fit falls back to the msgid: a bad catalogue
  /// never stops the kiosk.
  template <class... A>
  std::string trf(std::string_view msgid, const A&... args) const {
    return vformat(msgid, tr(msgid), fmt::make_format_args(args...));
  }

  /// The form of `msgid`/`plural` for `n`, formatted with n ("{} việc làm").
  std::string trn(std::string_view msgid, std::string_view plural, long long n) const;

  /// A stored msgid with its arguments (a notice kept in the view).
  std::string trv(std::string_view msgid, const std::vector<std::string>& args) const;

 private:
  static std::string vformat(std::string_view msgid, std::string_view translated,
                             fmt::format_args args);

  const Translations* m_translations = nullptr;
  Lang m_lang = Lang::vi;
};

}  // namespace kiosk
