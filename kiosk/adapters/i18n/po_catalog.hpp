#pragma once
// Reads gettext .po catalogues (what translators' tools write) with GNU
// gettext's libgettextpo into the core's MessageCatalog.

#include <memory>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/i18n.hpp"

namespace kiosk::i18n {

/// One message of a .po or .pot file, as translators' tools see it.
struct PoEntry {
  std::string msgid;
  std::string msgid_plural;         // "" when the message has no plural
  std::vector<std::string> msgstr;  // one per plural form; "" = untranslated
  bool fuzzy = false;
  std::string where;  // the first source reference ("kiosk/ui/x.cpp:12"), if any
};

/// Every message of a .po/.pot file but the header and obsolete ones.
tl::expected<std::vector<PoEntry>, std::string> read_po_entries(const std::string& path);

/// The translated, non-fuzzy, non-obsolete messages of one .po file. A file
/// that does not parse gives "FILE:LINE: what is wrong".
tl::expected<MessageCatalog, std::string> read_po(const std::string& path);

/// `dir`/vi.po and `dir`/en.po.
tl::expected<std::shared_ptr<const Translations>, std::string> load_translations(
    const std::string& dir);

}  // namespace kiosk::i18n
