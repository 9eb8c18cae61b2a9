// The translation catalogues: every string marked in the sources (a fresh
// xgettext run at build time, KIOSK_POT) is translated in po/vi.po and
// po/en.po with the right plural forms and the same fmt placeholders; the
// .po reader's errors and fallbacks; and every character of both catalogues
// and of the demo data set has a glyph in the fonts the kiosk loads.

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <imgui.h>
#include <nlohmann/json.hpp>
#include <utf8proc.h>

#include "adapters/i18n/po_catalog.hpp"
#include "tools/central_dev/dev_data.hpp"
#include "tools/central_dev/dev_json.hpp"
#include "ui/theme.hpp"

namespace kiosk {
namespace {

const std::string k_po_dir = KIOSK_PO_DIR;

// The fmt replacement fields of a string, in order ("{}", "{:.0f}").
std::vector<std::string> placeholders(const std::string& s) {
  static const std::regex field(R"(\{[^{}]*\})");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), field); it != std::sregex_iterator();
       ++it) {
    out.push_back(it->str());
  }
  return out;
}

int plural_forms(Lang lang) { return lang == Lang::en ? 2 : 1; }

TEST(Catalogues, EveryMarkedStringIsTranslatedInBothLanguages) {
  const auto pot = i18n::read_po_entries(KIOSK_POT);
  ASSERT_TRUE(pot) << pot.error();
  ASSERT_GT(pot->size(), 300u) << "xgettext found too few strings: are the markers right?";
  for (const Lang lang : k_languages) {
    const std::string file = k_po_dir + "/" + std::string(lang_code(lang)) + ".po";
    const auto po = i18n::read_po_entries(file);
    ASSERT_TRUE(po) << po.error();
    for (const auto& want : *pot) {
      const auto it = std::find_if(po->begin(), po->end(),
                                   [&](const i18n::PoEntry& e) { return e.msgid == want.msgid; });
      if (it == po->end()) {
        ADD_FAILURE() << file << " lacks \"" << want.msgid << "\" (" << want.where
                      << "); run scripts/po-update.sh and translate it";
        continue;
      }
      EXPECT_FALSE(it->fuzzy) << file << ": \"" << want.msgid << "\" is fuzzy";
      EXPECT_EQ(it->msgid_plural.empty(), want.msgid_plural.empty())
          << file << ": \"" << want.msgid << "\" plural or not as in the sources";
      const std::size_t forms = want.msgid_plural.empty() ? 1u : static_cast<std::size_t>(plural_forms(lang));
      EXPECT_EQ(it->msgstr.size(), forms) << file << ": \"" << want.msgid << "\"";
      for (const auto& s : it->msgstr) {
        EXPECT_FALSE(s.empty()) << file << ": \"" << want.msgid << "\" is not translated";
        // Automatic fields ("{}") must match one for one. Numbered ones
        // ("{0} giờ") may pick other arguments of the call, which passes
        // more than the source uses (an English clock wants am/pm).
        const auto source = placeholders(want.msgid);
        const bool numbered = std::any_of(source.begin(), source.end(), [](const std::string& f) {
          return f.size() > 2 && f[1] >= '0' && f[1] <= '9';
        });
        if (!numbered) {
          EXPECT_EQ(placeholders(s), source)
              << file << ": \"" << s << "\" has other placeholders than \"" << want.msgid << "\"";
        }
      }
    }
  }
}

TEST(Catalogues, VietnameseTranslatesEachSourceStringToItself) {
  const auto po = i18n::read_po_entries(k_po_dir + "/vi.po");
  ASSERT_TRUE(po) << po.error();
  for (const auto& e : *po) {
    ASSERT_FALSE(e.msgstr.empty());
    EXPECT_EQ(e.msgstr.front(), e.msgid);
  }
}

TEST(Catalogues, LoadedTranslationsSpeakEnglish) {
  const auto t = i18n::load_translations(k_po_dir);
  ASSERT_TRUE(t) << t.error();
  const Tr en(t->get(), Lang::en);
  const Tr vi(t->get(), Lang::vi);
  EXPECT_EQ(en.tr("Quay lại"), "Back");
  EXPECT_EQ(vi.tr("Quay lại"), "Quay lại");
  EXPECT_EQ(en.trn("Còn {} suất phỏng vấn", "Còn {} suất phỏng vấn", 1), "1 interview place left");
  EXPECT_EQ(en.trn("Còn {} suất phỏng vấn", "Còn {} suất phỏng vấn", 5), "5 interview places left");
  EXPECT_EQ(vi.trn("Còn {} suất phỏng vấn", "Còn {} suất phỏng vấn", 5), "Còn 5 suất phỏng vấn");
  EXPECT_EQ(en.trf("Cập nhật lúc {}", "08:30"), "Updated at 08:30");
}

// A temporary .po file.
std::string write_po(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

TEST(PoReader, ASyntaxErrorNamesTheFileAndLine) {
  const std::string path = write_po("broken.po",
                                    "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                                    "msgid \"Quay lại\"\nmsgstr \"Back\"\n\nmsgid \"Xong\nmsgstr \"Done\"\n");
  const auto c = i18n::read_po(path);
  ASSERT_FALSE(c);
  // The string opened on line 7 runs to its end; gettext reports line 8.
  EXPECT_NE(c.error().find(path + ":8: end-of-line within string"), std::string::npos)
      << c.error();
}

TEST(PoReader, AMissingFileIsAnError) {
  const auto c = i18n::read_po(::testing::TempDir() + "nowhere.po");
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().find("no such file"), std::string::npos);
}

TEST(PoReader, FuzzyAndEmptyEntriesAreNoTranslation) {
  const std::string path = write_po("fuzzy.po",
                                    "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                                    "#, fuzzy\nmsgid \"Xong\"\nmsgstr \"Finished maybe\"\n\n"
                                    "msgid \"Quay lại\"\nmsgstr \"\"\n\n"
                                    "msgid \"Kết thúc\"\nmsgstr \"Finish\"\n");
  const auto c = i18n::read_po(path);
  ASSERT_TRUE(c) << c.error();
  EXPECT_EQ(c->find("Xong"), nullptr);
  EXPECT_EQ(c->find("Quay lại"), nullptr);
  ASSERT_NE(c->find("Kết thúc"), nullptr);
  EXPECT_EQ(*c->find("Kết thúc"), "Finish");
  Translations t;
  t.set(Lang::en, *c);
  const Tr en(&t, Lang::en);
  EXPECT_EQ(en.tr("Xong"), "Xong");  // untranslated: the source string
}

TEST(PoReader, ATranslationWithWrongPlaceholdersFallsBackToTheSource) {
  MessageCatalog c;
  c.add("Còn {} chỗ", "{} places left, {}");  // one placeholder too many
  c.add("Từ {} tuổi", "From age {:q}");       // a bad format spec
  Translations t;
  t.set(Lang::en, c);
  const Tr en(&t, Lang::en);
  EXPECT_EQ(en.trf("Còn {} chỗ", 3), "Còn 3 chỗ");
  EXPECT_EQ(en.trf("Từ {} tuổi", 18), "Từ 18 tuổi");
}

// Every code point of a UTF-8 string.
void add_code_points(const std::string& s, std::set<char32_t>& out) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    ASSERT_GT(n, 0) << "not UTF-8: " << s;
    out.insert(static_cast<char32_t>(cp));
    p += n;
    left -= n;
  }
}

void add_json_strings(const nlohmann::ordered_json& j, std::set<char32_t>& out) {
  if (j.is_string()) {
    add_code_points(j.get<std::string>(), out);
  } else if (j.is_structured()) {
    for (const auto& v : j) {
      add_json_strings(v, out);
    }
  }
}

TEST(FontCoverage, EveryCharacterOfTheCataloguesAndTheDemoDataHasAGlyph) {
  std::set<char32_t> chars;
  for (const Lang lang : k_languages) {
    const auto po = i18n::read_po(k_po_dir + "/" + std::string(lang_code(lang)) + ".po");
    ASSERT_TRUE(po) << po.error();
    for (const auto& s : po->all_texts()) {
      add_code_points(s, chars);
    }
  }
  const std::size_t from_catalogues = chars.size();
  // The demo data set: what the development central API serves.
  dev::DevDataOptions options;
  options.data_dir = KIOSK_DATA_DIR;
  options.today = 20'419;  // 27/11/2025
  const auto data = dev::generate_dev_data(options);
  ASSERT_TRUE(data) << data.error();
  for (const auto& v : data->vacancies) {
    add_json_strings(dev::vacancy_json(*data, v), chars);
  }
  for (const auto& s : data->sessions) {
    add_json_strings(dev::session_json(s, data->today), chars);
  }
  add_json_strings(dev::occupations_json(), chars);
  std::ifstream wards(std::string(KIOSK_DATA_DIR) + "/hanoi_wards.json");
  add_json_strings(nlohmann::ordered_json::parse(wards), chars);
  ASSERT_GT(chars.size(), from_catalogues);

  ImGuiContext* context = ImGui::CreateContext();
  auto fonts = ui::load_fonts(KIOSK_FONT_DIR, 1.0f);
  ASSERT_TRUE(fonts) << fonts.error();
  std::vector<std::string> missing;
  for (const ui::Fonts* set : {&fonts->normal, &fonts->large}) {
    for (const ImFont* font : {set->small, set->body, set->bold, set->heading, set->title}) {
      for (const char32_t c : chars) {
        if (c < 0x20 || c == 0x200B) {
          continue;  // control characters and zero-width space are not drawn
        }
        if (c > 0xFFFF || font->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) {
          missing.push_back(fmt::format("U+{:04X}", static_cast<unsigned>(c)));
        }
      }
    }
  }
  ImGui::DestroyContext(context);
  std::sort(missing.begin(), missing.end());
  missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
  EXPECT_TRUE(missing.empty()) << "no glyph for " << fmt::format("{}", fmt::join(missing, " "))
                               << " (of " << chars.size() << " characters)";
  ::testing::Test::RecordProperty("characters", static_cast<int>(chars.size()));
}

}  // namespace
}  // namespace kiosk
