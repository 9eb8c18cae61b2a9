#pragma once
// Free-text search over vacancies for the kiosk's search field: case and
// diacritics are ignored ("ha noi" finds "Hà Nội", "dien" finds "điện") and
// every typed word must be the start of some word of the vacancy's title,
// employer name, occupation label or ward name. Fast enough to run on every
// keystroke over tens of thousands of vacancies.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/vacancy.hpp"

namespace kiosk {

/// What a person typed, folded once (lower case, no diacritics, `đ` -> `d`)
/// and split into words at spaces and punctuation. Cheap to copy; build one
/// per keystroke and reuse it for search() and matches().
struct SearchQuery {
  std::vector<std::string> words;

  /// True when nothing searchable was typed (only spaces or punctuation).
  bool empty() const { return words.empty(); }
};

/// Folds typed text into a query. Invalid UTF-8 gives an empty query.
SearchQuery make_search_query(std::string_view text);

/// An immutable word-prefix index over one catalog's vacancies. It keeps no
/// copy of the vacancies: results are positions in the span it was built
/// from, so it belongs with that catalog and is rebuilt when the catalog is.
/// Const member functions may be called from any number of threads at once.
class SearchIndex {
 public:
  /// An index of no vacancies: every search finds nothing.
  SearchIndex() = default;

  /// Indexes the words of each vacancy's title, employer name, occupation
  /// label and ward name. Pure; meant for a worker thread (about 0.1 s for
  /// 50,000 vacancies). Repeated field texts are folded once.
  static SearchIndex build(std::span<const Vacancy> vacancies);

  /// Number of vacancies indexed (the size of the span given to build()).
  std::size_t vacancy_count() const {
    return m_vacancy_offsets.empty() ? 0 : m_vacancy_offsets.size() - 1;
  }

  /// Number of distinct folded words in the index.
  std::size_t word_count() const { return m_words.size(); }

  /// Positions, ascending, of the vacancies in which every query word is a
  /// prefix of at least one indexed word (AND over query words, in any
  /// order; two query words may match the same vacancy word). Only word
  /// starts match: "noi" finds "Hà Nội", "oi" does not. An empty query
  /// matches every vacancy.
  std::vector<std::uint32_t> search(const SearchQuery& query) const;

  /// search(make_search_query(text)).
  std::vector<std::uint32_t> search(std::string_view text) const;

  /// Whether the vacancy at `position` satisfies `query` exactly as search()
  /// decides; false when `position` is out of range.
  bool matches(std::size_t position, const SearchQuery& query) const;

 private:
  struct WordRange {
    std::uint32_t first = 0;  // into m_words, half-open
    std::uint32_t last = 0;
    std::size_t postings = 0;  // total vacancies listed under the range
  };

  WordRange prefix_range(std::string_view prefix) const;
  bool has_word_in(std::size_t position, const WordRange& range) const;

  // Distinct folded words, sorted, so a prefix is one contiguous range.
  std::vector<std::string> m_words;
  // Posting lists (vacancy positions, ascending) of word w:
  // m_postings[m_posting_offsets[w] .. m_posting_offsets[w + 1]).
  std::vector<std::uint32_t> m_posting_offsets;
  std::vector<std::uint32_t> m_postings;
  // Word ids (sorted) of vacancy v, for matches() and for narrowing
  // a few candidates without walking long posting lists:
  // m_vacancy_words[m_vacancy_offsets[v] .. m_vacancy_offsets[v + 1]).
  std::vector<std::uint32_t> m_vacancy_offsets;
  std::vector<std::uint32_t> m_vacancy_words;
};

}  // namespace kiosk
