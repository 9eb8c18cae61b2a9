#pragma once
// Reads gettext .po catalogues (what translators' tools write) with GNU
// gettext's libgettextpo into the core's MessageCatalog.

#include <memory>
#include <string>

#include <tl/expected.hpp>

#include "core/i18n.hpp"

namespace kiosk::i18n {

/// The translated, non-fuzzy, non-obsolete messages of one .po file. A file
/// that does not parse gives "FILE:LINE: what is wrong".
tl::expected<MessageCatalog, std::string> read_po(const std::string& path);

/// `dir`/vi.po and `dir`/en.po.
tl::expected<std::shared_ptr<const Translations>, std::string> load_translations(
    const std::string& dir);

}  // namespace kiosk::i18n
