#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/search.hpp"
#include "core/text.hpp"

namespace kiosk {
namespace {

using Words = std::vector<std::string>;
using Hits = std::vector<std::uint32_t>;

Vacancy vacancy(std::string title, std::string employer, std::string occupation, std::string ward) {
  Vacancy v;
  v.title = std::move(title);
  v.employer_name = std::move(employer);
  v.occupation_label = std::move(occupation);
  v.ward_name = std::move(ward);
  return v;
}

TEST(SearchFolding, RemovesEveryToneOnEveryVowel) {
  // Each row: a base vowel with no tone, huyền, sắc, hỏi, ngã, nặng.
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"a à á ả ã ạ", "a"}, {"ă ằ ắ ẳ ẵ ặ", "a"}, {"â ầ ấ ẩ ẫ ậ", "a"}, {"e è é ẻ ẽ ẹ", "e"},
      {"ê ề ế ể ễ ệ", "e"}, {"i ì í ỉ ĩ ị", "i"}, {"o ò ó ỏ õ ọ", "o"}, {"ô ồ ố ổ ỗ ộ", "o"},
      {"ơ ờ ớ ở ỡ ợ", "o"}, {"u ù ú ủ ũ ụ", "u"}, {"ư ừ ứ ử ữ ự", "u"}, {"y ỳ ý ỷ ỹ ỵ", "y"},
  };
  for (const auto& [letters, base] : rows) {
    EXPECT_EQ(fold_to_words(letters), Words(6, base)) << letters;
  }
}

TEST(SearchFolding, FoldsCapitalsWithMarks) {
  EXPECT_EQ(fold_to_words("À Ắ Ẫ É Ệ Ỉ Ồ Ở Ự Ỵ"),
            (Words{"a", "a", "a", "e", "e", "i", "o", "o", "u", "y"}));
  EXPECT_EQ(fold_to_words("THỢ ĐIỆN Lạnh"), (Words{"tho", "dien", "lanh"}));
  EXPECT_EQ(fold_to_words("tHợ ĐiỆn"), (Words{"tho", "dien"}));
}

TEST(SearchFolding, FoldsDStrokeBothCases) {
  EXPECT_EQ(fold_to_words("đ Đ điện Đống Đa"), (Words{"d", "d", "dien", "dong", "da"}));
}

TEST(SearchFolding, NfdInputFoldsLikeNfc) {
  // "Hà Nội" and "điện" written as base letters plus combining marks.
  const std::string nfd_ha_noi = "Ha\u0300 No\u0302\u0323i";
  const std::string nfd_dien = "\u0111ie\u0302\u0323n";
  EXPECT_NE(nfd_ha_noi, "Hà Nội");
  EXPECT_EQ(fold_to_words(nfd_ha_noi), fold_to_words("Hà Nội"));
  EXPECT_EQ(fold_to_words(nfd_dien), (Words{"dien"}));
  // Tone mark before the vowel mark, and the old tone placement "Hoà".
  EXPECT_EQ(fold_to_words("Ngo\u0323\u0302c Hoa\u0300"), (Words{"ngoc", "hoa"}));
}

TEST(SearchFolding, SplitsAtPunctuationAndHyphens) {
  EXPECT_EQ(fold_to_words("Thợ điện-lạnh (Hà Nội), CN/ca đêm; 24/7…"),
            (Words{"tho", "dien", "lanh", "ha", "noi", "cn", "ca", "dem", "24", "7"}));
  EXPECT_EQ(fold_to_words("  \t- , "), Words{});
  EXPECT_EQ(fold_to_words("Kỹ sư QA/QC"), (Words{"ky", "su", "qa", "qc"}));
}

TEST(SearchFolding, InvalidUtf8GivesNoWords) {
  EXPECT_TRUE(fold_to_words("ab\xc3\x28").empty());
  EXPECT_TRUE(make_search_query("\xff").empty());
}

class SearchIndexTest : public ::testing::Test {
 protected:
  std::vector<Vacancy> m_vacancies = {
      vacancy("Thợ điện công trình", "Công ty CP Xây lắp Long Biên", "Thợ điện", "Long Biên"),
      vacancy("Nhân viên bán hàng", "Siêu thị Hà Nội Xanh", "Nhân viên bán hàng", "Hoàn Kiếm"),
      vacancy("Kỹ sư điện tử", "Công ty TNHH Điện tử Tân Phát", "Kỹ sư điện tử", "Đông Anh"),
      vacancy("Thợ may mẫu", "Công ty CP May Phú Xuyên", "Thợ may", "Phú Xuyên"),
      vacancy("Bảo vệ ca đêm", "Dịch vụ Bảo vệ Thăng Long", "Nhân viên bảo vệ", "Hà Đông"),
      vacancy("Phụ bếp", "Nhà hàng Đồng Quê", "Phụ bếp", "Nội Bài"),
  };
  SearchIndex m_index = SearchIndex::build(m_vacancies);

  Hits find(std::string_view text) const { return m_index.search(text); }
};

TEST_F(SearchIndexTest, IgnoresCaseAndDiacritics) {
  // #5 too: "ha" starts "hàng" and "noi" starts "Nội Bài" (words, not phrases).
  EXPECT_EQ(find("ha noi"), (Hits{1, 5}));
  EXPECT_EQ(find("HÀ NỘI"), (Hits{1, 5}));
  EXPECT_EQ(find("ha noi xanh"), (Hits{1}));
  EXPECT_EQ(find("dien"), (Hits{0, 2}));
  EXPECT_EQ(find("Điện"), (Hits{0, 2}));
  EXPECT_EQ(find("đien"), (Hits{0, 2}));
  EXPECT_EQ(find("dong"), (Hits{2, 4, 5}));  // Đông, Đông, Đồng
  EXPECT_EQ(find("dong anh"), (Hits{2}));
}

TEST_F(SearchIndexTest, MatchesWordPrefixesOnly) {
  EXPECT_EQ(find("t"), (Hits{0, 1, 2, 3, 4}));  // thợ, thị, tử/tnhh/tân, thợ, thăng
  EXPECT_EQ(find("th"), (Hits{0, 1, 3, 4}));
  EXPECT_EQ(find("tho"), (Hits{0, 3}));
  EXPECT_EQ(find("noi"), (Hits{1, 5}));
  // Inside a word is not the start of a word.
  EXPECT_TRUE(find("oi").empty());
  EXPECT_TRUE(find("ien").empty());
  // A query word longer than every indexed word finds nothing.
  EXPECT_TRUE(find("dienn").empty());
}

TEST_F(SearchIndexTest, RequiresEveryWordInAnyOrderAcrossFields) {
  EXPECT_EQ(find("tho dien"), (Hits{0}));
  EXPECT_EQ(find("dien tho"), (Hits{0}));
  EXPECT_EQ(find("tho d"), (Hits{0}));           // đ of điện, not "d" inside a word
  EXPECT_EQ(find("tho phu"), (Hits{3}));         // title and ward
  EXPECT_EQ(find("dien tan phat"), (Hits{2}));   // employer only
  EXPECT_EQ(find("bao ve ha dong"), (Hits{4}));  // title, occupation, ward
  EXPECT_TRUE(find("tho bao").empty());
  EXPECT_TRUE(find("tho xyz").empty());
}

TEST_F(SearchIndexTest, EmptyOrPunctuationOnlyQueryMatchesAll) {
  EXPECT_EQ(find(""), (Hits{0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(find("  - , "), (Hits{0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(m_index.vacancy_count(), 6U);
}

TEST_F(SearchIndexTest, MatchesAgreesWithSearch) {
  for (const char* text :
       {"", "t", "th", "tho", "tho d", "tho dien", "ha", "cong ty", "oi", "phu", "nv", "dong"}) {
    const SearchQuery q = make_search_query(text);
    const Hits hits = m_index.search(q);
    for (std::uint32_t i = 0; i < m_vacancies.size(); ++i) {
      const bool in_hits = std::find(hits.begin(), hits.end(), i) != hits.end();
      EXPECT_EQ(m_index.matches(i, q), in_hits) << text << " #" << i;
    }
  }
  EXPECT_FALSE(m_index.matches(6, make_search_query("")));
}

TEST(SearchIndex, EmptyIndexFindsNothing) {
  const SearchIndex none;
  EXPECT_TRUE(none.search("ha").empty());
  EXPECT_TRUE(none.search("").empty());
  const SearchIndex built = SearchIndex::build({});
  EXPECT_TRUE(built.search("ha").empty());
  EXPECT_EQ(built.vacancy_count(), 0U);
}

TEST(SearchIndex, NarrowsManyCandidatesBothWays) {
  // Enough vacancies that a rare word narrows a common one by checking
  // candidates, and two common words intersect their postings.
  std::vector<Vacancy> many;
  for (int i = 0; i < 2000; ++i) {
    many.push_back(vacancy(i % 100 == 7 ? "Thợ hàn CO2" : "Thợ điện",
                           "Công ty " + std::to_string(i), "Thợ",
                           i % 2 == 0 ? "Hà Đông" : "Hà Nội"));
  }
  const SearchIndex index = SearchIndex::build(many);
  EXPECT_EQ(index.search("han tho").size(), 20U);
  EXPECT_EQ(index.search("tho ha noi").size(), 1000U);
  EXPECT_EQ(index.search("han noi").size(), 20U);  // 7 mod 100 is odd
  EXPECT_EQ(index.search("cong 1999"), (Hits{1999}));
  EXPECT_EQ(index.search("cong 19").size(), 111U);  // 19, 190-199, 1900-1999
}

// The index against the definition, on random vacancies and queries: every
// query word is a prefix of some folded word of the four fields.
TEST(SearchIndex, AgreesWithBruteForce) {
  const std::vector<std::string> vocabulary = {"Thợ",    "điện", "Điện",     "đ",    "Hà",   "Nội",
                                               "hàng",   "Hải",  "nội-thất", "CNC",  "ca",   "cá",
                                               "Phường", "Đông", "dong",     "2025", "(QA)", "ơ"};
  std::mt19937 rng(7);
  const auto any = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  const auto phrase = [&] {
    std::string s;
    for (std::size_t k = any(4); k > 0; --k) {
      s += vocabulary[any(vocabulary.size())] + " ";
    }
    return s;
  };
  std::vector<Vacancy> vacancies;
  for (int i = 0; i < 300; ++i) {
    vacancies.push_back(vacancy(phrase(), phrase(), phrase(), phrase()));
  }
  const SearchIndex index = SearchIndex::build(vacancies);
  for (int q = 0; q < 300; ++q) {
    std::string text = phrase();
    text = text.substr(0, any(text.size() + 1));
    const SearchQuery query = make_search_query(text);
    Hits expected;
    for (std::uint32_t i = 0; i < vacancies.size(); ++i) {
      const Vacancy& v = vacancies[i];
      const Words words = fold_to_words(v.title + " " + v.employer_name + " " + v.occupation_label +
                                        " " + v.ward_name);
      const bool all = std::all_of(query.words.begin(), query.words.end(), [&](const auto& w) {
        return std::any_of(words.begin(), words.end(),
                           [&](const std::string& x) { return x.starts_with(w); });
      });
      if (all) {
        expected.push_back(i);
      }
    }
    EXPECT_EQ(index.search(query), expected) << text;
  }
}

}  // namespace
}  // namespace kiosk
