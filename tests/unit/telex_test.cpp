#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <utf8proc.h>

#include "core/telex.hpp"

namespace kiosk {
namespace {

// NFC by utf8proc directly, independent of the code under test.
std::string utf8proc_nfc(std::string_view s) {
  std::string z(s);  // utf8proc_NFC wants a NUL-terminated string
  utf8proc_uint8_t* out = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(z.c_str()));
  if (out == nullptr) {
    return "<invalid>";
  }
  std::string result(reinterpret_cast<const char*>(out));
  std::free(out);
  return result;
}

// True when `s` is NFC and has no combining mark: every Vietnamese letter
// is one precomposed code point.
bool is_precomposed_nfc(std::string_view s) {
  if (utf8proc_nfc(s) != s) {
    return false;
  }
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0 || utf8proc_category(cp) == UTF8PROC_CATEGORY_MN) {
      return false;
    }
    p += n;
    left -= n;
  }
  return true;
}

using Cases = std::vector<std::pair<std::string_view, std::string_view>>;

void expect_all(const Cases& cases) {
  for (const auto& [typed, expected] : cases) {
    ASSERT_TRUE(is_precomposed_nfc(expected)) << "test data not NFC: " << expected;
    const std::string got = telex_apply(typed);
    EXPECT_EQ(got, expected) << "typed: " << typed;
    EXPECT_TRUE(is_precomposed_nfc(got)) << "typed: " << typed;
  }
}

std::string type_into(TelexComposer& composer, std::string_view keys) {
  for (const char c : keys) {
    composer.key(c);
  }
  return composer.text();
}

TEST(Telex, ComposesTheIssueExamples) {
  expect_all({{"tieengs vieetj", "tiếng việt"},
              {"ddi", "đi"},
              {"nguowif", "người"},
              {"DDaij hocj", "Đại học"}});
}

TEST(Telex, ModifiesVowelsAndD) {
  expect_all({{"aa", "â"},    {"aw", "ă"},   {"ee", "ê"},     {"oo", "ô"},
              {"ow", "ơ"},    {"uw", "ư"},   {"uow", "ươ"},   {"uwo", "ưo"},
              {"uwow", "ươ"}, {"dd", "đ"},   {"nhw", "như"},  {"wu tieen", "ưu tiên"},
              {"aaw", "ă"},   {"owo", "ô"},  {"iw", "iw"},    {"oeo", "oeo"},
              {"aua", "âu"},  {"eue", "êu"}, {"euee", "eue"}, {"oio", "ôi"},
              {"uoio", "uôi"}});
}

TEST(Telex, PlacesTonesNewStyle) {
  // Pinned style: oa, oe, uy ending the syllable take the tone on the
  // second vowel ("hoà", "khoẻ", "thuỷ"), as Unikey and phone keyboards do.
  expect_all({{"hoaf", "hoà"},
              {"khoer", "khoẻ"},
              {"thuyr", "thuỷ"},
              {"hoas", "hoá"},
              {"mias", "mía"},
              {"cuar", "của"},
              {"taif", "tài"},
              {"meof", "mèo"},
              {"muas", "múa"},
              {"tuis", "túi"},
              {"toans", "toán"},
              {"hoanf", "hoàn"},
              {"huyfnh", "huỳnh"},
              {"thoaij", "thoại"},
              {"khuyru", "khuỷu"},
              {"ngoeof", "ngoèo"}});
}

TEST(Telex, PutsTheToneOnTheModifiedVowel) {
  expect_all({{"dduowcj", "được"},
              {"ruwowuj", "rượu"},
              {"muwowif", "mười"},
              {"cuwus", "cứu"},
              {"muwa", "mưa"},
              {"cuwar", "cửa"},
              {"muoons", "muốn"},
              {"thuees", "thuế"},
              {"tuyeenr", "tuyển"},
              {"yeeu", "yêu"},
              {"khuyeen", "khuyên"}});
}

TEST(Telex, TreatsQuAndGiAsInitialConsonants) {
  expect_all({{"quaan", "quân"},
              {"quaanf", "quần"},
              {"quys", "quý"},
              {"quas", "quá"},
              {"gias", "giá"},
              {"gif", "gì"},
              {"ginf", "gìn"},
              {"giuwax", "giữa"},
              {"gieengs", "giếng"},
              {"giowf", "giờ"},
              {"qus", "qú"}});
}

TEST(Telex, AcceptsModifiersAndTonesTypedLate) {
  expect_all({{"tiengse", "tiếng"},
              {"tiesnge", "tiếng"},
              {"vietje", "việt"},
              {"dind", "đin"},
              {"asf", "à"},
              {"masi", "mái"}});
}

TEST(Telex, SameModifierTwiceUndoesIt) {
  expect_all({{"ass", "as"},
              {"aaa", "aa"},
              {"ddd", "dd"},
              {"aww", "aw"},
              {"oww", "ow"},
              {"uoww", "uow"},
              {"ww", "w"},
              {"asss", "ass"},
              {"xooong", "xoong"},
              {"tieengss", "tiêngs"},
              {"AAA", "AA"},
              {"DDD", "DD"}});
}

TEST(Telex, ZRemovesTheTone) {
  expect_all({{"asz", "a"},
              {"tieengsz", "tiêng"},
              {"vieetjz", "viêt"},
              {"z", "z"},
              {"az", "az"},
              {"zoo", "zô"},
              {"asza", "â"}});
}

TEST(Telex, KeepsCapitals) {
  expect_all({{"DDi", "Đi"},
              {"Dd", "Đ"},
              {"Tieengs", "Tiếng"},
              {"TIEENGS VIEETJ", "TIẾNG VIỆT"},
              {"HAF NOOIJ", "HÀ NỘI"},
              {"Nguowif", "Người"},
              {"AW", "Ă"},
              {"Uw", "Ư"},
              {"W", "Ư"}});
}

TEST(Telex, EndsTheSyllableAtSpacesDigitsAndPunctuation) {
  expect_all({{"ddi, laf", "đi, là"},
              {"(ddi)", "(đi)"},
              {"a.s", "a.s"},
              {"as1s", "á1s"},
              {"a s", "a s"},
              {"vieetj-nam", "việt-nam"},
              {"d d", "d d"},
              {"8-12 trieeuj", "8-12 triệu"},
              {"a!a", "a!a"}});
}

TEST(Telex, ToneKeysBeforeAVowelAreConsonants) {
  expect_all({{"sao", "sao"}, {"trans", "trán"}, {"xin", "xin"}, {"rs", "rs"}, {"jf", "jf"}});
}

TEST(Telex, IgnoresControlAndNonAsciiBytes) {
  EXPECT_EQ(telex_apply("a\tb\n\xc3\xa9"), "ab");
  EXPECT_EQ(telex_apply("a\ts"), "á");  // an ignored byte does not end the syllable
  EXPECT_EQ(telex_apply(""), "");
}

TEST(Telex, ComposesCommonKioskWords) {
  expect_all({
      {"coong nhaan", "công nhân"},
      {"kyx thuaatj", "kỹ thuật"},
      {"ddieenj", "điện"},
      {"luowng", "lương"},
      {"thangs", "tháng"},
      {"phongr vaans", "phỏng vấn"},
      {"Haf Nooij", "Hà Nội"},
      {"nhaan vieen", "nhân viên"},
      {"bans hangf", "bán hàng"},
      {"thowj hanf", "thợ hàn"},
      {"lais xe", "lái xe"},
      {"baor veej", "bảo vệ"},
      {"kees toans", "kế toán"},
      {"giao hangf", "giao hàng"},
      {"thowif vuj", "thời vụ"},
      {"kinh nghieemj", "kinh nghiệm"},
      {"howpj ddoongf", "hợp đồng"},
      {"muwcs luowng", "mức lương"},
      {"tuyeenr dungj", "tuyển dụng"},
      {"lamf vieecj", "làm việc"},
      {"ca ddeem", "ca đêm"},
      {"hocj ngheef", "học nghề"},
      {"bawngf lais", "bằng lái"},
      {"thuwcj taapj", "thực tập"},
      {"ddongs gois", "đóng gói"},
      {"may mawcj", "may mặc"},
      {"ddieenj thoaij", "điện thoại"},
      {"vawn phongf", "văn phòng"},
      {"phuj caaps", "phụ cấp"},
      {"baor hieemr", "bảo hiểm"},
      {"nghir pheps", "nghỉ phép"},
      {"cow khis", "cơ khí"},
      {"xaay duwngj", "xây dựng"},
      {"suwar chuwax", "sửa chữa"},
      {"nguowif lao ddoongj", "người lao động"},
      {"tieengs Anh", "tiếng Anh"},
      {"khu coong nghieepj", "khu công nghiệp"},
      {"DDaf Nawngx", "Đà Nẵng"},
      {"Hoof Chis Minh", "Hồ Chí Minh"},
      {"giowf lamf", "giờ làm"},
      {"quanr lys", "quản lý"},
      {"nhaf mays", "nhà máy"},
      {"ddawng kys", "đăng ký"},
      {"hoof sow", "hồ sơ"},
      {"uwngs tuyeenr", "ứng tuyển"},
      {"chuyeen vieen", "chuyên viên"},
      {"huwowngs daanx", "hướng dẫn"},
      {"trowj caaps", "trợ cấp"},
      {"thuwr vieecj", "thử việc"},
      {"ngoaij nguwx", "ngoại ngữ"},
      {"yeeu caauf", "yêu cầu"},
      {"cuwar hangf", "cửa hàng"},
      {"hoox trowj", "hỗ trợ"},
      {"ddaauf beeps", "đầu bếp"},
      {"phucj vuj", "phục vụ"},
      {"taif xees", "tài xế"},
      {"giuwax ca", "giữa ca"},
      {"Quaanj Ddoongs DDa", "Quận Đống Đa"},
  });
}

TEST(TelexComposer, BackspaceRemovesOneVisibleCharacter) {
  TelexComposer c;
  EXPECT_EQ(type_into(c, "tieengs"), "tiếng");
  c.backspace();
  EXPECT_EQ(c.text(), "tiến");
  c.backspace();
  EXPECT_EQ(c.text(), "tiế");
  c.backspace();  // ê carried the tone: both go
  EXPECT_EQ(c.text(), "ti");
  EXPECT_EQ(type_into(c, "eenf"), "tiền");
}

TEST(TelexComposer, BackspaceKeepsOrDropsTheTone) {
  TelexComposer hoa;
  type_into(hoa, "hoaf");
  hoa.backspace();  // à goes with its tone
  EXPECT_EQ(hoa.text(), "ho");
  TelexComposer cua;
  type_into(cua, "cuar");
  cua.backspace();  // the tone was on u: it stays
  EXPECT_EQ(cua.text(), "củ");
  TelexComposer undone;
  EXPECT_EQ(type_into(undone, "ass"), "as");
  undone.backspace();  // literal mode ends: s is a tone key again
  EXPECT_EQ(type_into(undone, "s"), "á");
}

TEST(TelexComposer, BackspaceCrossesIntoFinishedText) {
  TelexComposer c;
  EXPECT_EQ(type_into(c, "Haf Nooij "), "Hà Nội ");
  c.backspace();
  EXPECT_EQ(c.text(), "Hà Nội");
  c.backspace();  // one code point of the finished word
  EXPECT_EQ(c.text(), "Hà Nộ");
  EXPECT_TRUE(is_precomposed_nfc(c.text()));
  // The finished word is not reopened: a tone key starts a new syllable.
  EXPECT_EQ(type_into(c, "s"), "Hà Nộs");
  for (int i = 0; i < 6; ++i) {  // s, ộ, N, space, à, H
    c.backspace();
  }
  EXPECT_EQ(c.text(), "");
  c.backspace();  // no-op on empty text
  EXPECT_EQ(c.text(), "");
}

TEST(TelexComposer, PlainModeAppendsKeysAsTyped) {
  TelexComposer c(TelexMode::plain);
  EXPECT_EQ(type_into(c, "tieengs vieetj"), "tieengs vieetj");
  c.backspace();
  EXPECT_EQ(c.text(), "tieengs vieet");
}

TEST(TelexComposer, SwitchingModeFinishesTheSyllable) {
  TelexComposer c;
  type_into(c, "vieetj");
  c.set_mode(TelexMode::plain);
  EXPECT_EQ(c.mode(), TelexMode::plain);
  EXPECT_EQ(c.text(), "việt");
  EXPECT_EQ(type_into(c, "s"), "việts");
  c.set_mode(TelexMode::telex);
  EXPECT_EQ(type_into(c, " as"), "việts á");
}

TEST(TelexComposer, ClearEmptiesTextAndKeepsMode) {
  TelexComposer c(TelexMode::plain);
  type_into(c, "abc");
  c.clear();
  EXPECT_EQ(c.text(), "");
  EXPECT_EQ(c.mode(), TelexMode::plain);
  TelexComposer t;
  type_into(t, "ass");
  t.clear();
  EXPECT_EQ(type_into(t, "as"), "á");  // literal mode did not survive clear()
}

TEST(TelexComposer, EveryPrefixIsPrecomposedNfc) {
  TelexComposer c;
  const std::string_view keys = "Nguowif lao ddoongj DDaf Nawngx, khuyru ruwowuj quaanf gias!";
  for (const char k : keys) {
    c.key(k);
    ASSERT_TRUE(is_precomposed_nfc(c.text())) << c.text();
  }
  EXPECT_EQ(c.text(), "Người lao động Đà Nẵng, khuỷu rượu quần giá!");
}

}  // namespace
}  // namespace kiosk
