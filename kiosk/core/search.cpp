#include "core/search.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <numeric>
#include <unordered_map>

#include "core/text.hpp"

namespace kiosk {
namespace {

// Checking one candidate against a vacancy's own word list costs about as
// much as marking this many postings; it decides how a query word narrows.
constexpr std::size_t k_check_cost = 8;

using Bits = std::vector<std::uint64_t>;

std::array<std::string_view, 4> searchable_fields(const Vacancy& v) {
  return {v.title, v.employer_name, v.occupation_label, v.ward_name};
}

// The words of every vacancy as ids in first-seen order, before sorting.
struct Interned {
  std::vector<std::string> words;
  std::vector<std::uint32_t> offsets{0};
  std::vector<std::uint32_t> ids;
};

Interned intern_words(std::span<const Vacancy> vacancies) {
  Interned out;
  std::unordered_map<std::string, std::uint32_t> word_ids;
  // Employer, occupation and ward texts repeat across thousands of
  // vacancies: fold each distinct text once.
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> field_ids;
  std::vector<std::uint32_t> mine;
  for (const Vacancy& v : vacancies) {
    mine.clear();
    for (const std::string_view field : searchable_fields(v)) {
      auto [it, fresh] = field_ids.try_emplace(field);
      if (fresh) {
        for (std::string& word : fold_to_words(field)) {
          const auto next = static_cast<std::uint32_t>(out.words.size());
          const auto [w, added] = word_ids.try_emplace(word, next);
          if (added) {
            out.words.push_back(std::move(word));
          }
          it->second.push_back(w->second);
        }
      }
      mine.insert(mine.end(), it->second.begin(), it->second.end());
    }
    std::sort(mine.begin(), mine.end());
    mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
    out.ids.insert(out.ids.end(), mine.begin(), mine.end());
    out.offsets.push_back(static_cast<std::uint32_t>(out.ids.size()));
  }
  return out;
}

void mark(Bits& bits, std::span<const std::uint32_t> positions) {
  for (const std::uint32_t p : positions) {
    bits[p / 64] |= std::uint64_t{1} << (p % 64);
  }
}

std::size_t count(const Bits& bits) {
  std::size_t n = 0;
  for (const std::uint64_t b : bits) {
    n += static_cast<std::size_t>(std::popcount(b));
  }
  return n;
}

std::vector<std::uint32_t> positions_of(const Bits& bits, std::size_t reserve) {
  std::vector<std::uint32_t> out;
  out.reserve(reserve);
  for (std::size_t i = 0; i < bits.size(); ++i) {
    for (std::uint64_t b = bits[i]; b != 0; b &= b - 1) {
      out.push_back(static_cast<std::uint32_t>(i * 64 + std::countr_zero(b)));
    }
  }
  return out;
}

}  // namespace

SearchQuery make_search_query(std::string_view text) {
  return SearchQuery{fold_to_words(text)};
}

SearchIndex SearchIndex::build(std::span<const Vacancy> vacancies) {
  Interned interned = intern_words(vacancies);
  // Sort the dictionary so that a prefix is a range, and renumber.
  std::vector<std::uint32_t> order(interned.words.size());
  std::iota(order.begin(), order.end(), 0U);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return interned.words[a] < interned.words[b];
  });
  std::vector<std::uint32_t> final_id(order.size());
  SearchIndex index;
  index.m_words.reserve(order.size());
  for (std::uint32_t rank = 0; rank < order.size(); ++rank) {
    final_id[order[rank]] = rank;
    index.m_words.push_back(std::move(interned.words[order[rank]]));
  }
  index.m_vacancy_offsets = std::move(interned.offsets);
  index.m_vacancy_words = std::move(interned.ids);
  std::vector<std::uint32_t> sizes(order.size() + 1, 0);
  for (std::size_t v = 0; v + 1 < index.m_vacancy_offsets.size(); ++v) {
    const auto first = index.m_vacancy_words.begin() + index.m_vacancy_offsets[v];
    const auto last = index.m_vacancy_words.begin() + index.m_vacancy_offsets[v + 1];
    for (auto it = first; it != last; ++it) {
      *it = final_id[*it];
      ++sizes[*it + 1];
    }
    std::sort(first, last);
  }
  // Postings: vacancies in ascending order under each word (CSR layout).
  std::partial_sum(sizes.begin(), sizes.end(), sizes.begin());
  index.m_posting_offsets = sizes;
  index.m_postings.resize(index.m_vacancy_words.size());
  for (std::size_t v = 0; v + 1 < index.m_vacancy_offsets.size(); ++v) {
    for (std::uint32_t i = index.m_vacancy_offsets[v]; i < index.m_vacancy_offsets[v + 1]; ++i) {
      index.m_postings[sizes[index.m_vacancy_words[i]]++] = static_cast<std::uint32_t>(v);
    }
  }
  return index;
}

SearchIndex::WordRange SearchIndex::prefix_range(std::string_view prefix) const {
  const auto first =
      std::lower_bound(m_words.begin(), m_words.end(), prefix,
                       [](const std::string& w, std::string_view p) { return w < p; });
  // Words starting with the prefix follow it contiguously.
  const auto last = std::partition_point(
      first, m_words.end(), [&](const std::string& w) { return w.starts_with(prefix); });
  WordRange r;
  r.first = static_cast<std::uint32_t>(first - m_words.begin());
  r.last = static_cast<std::uint32_t>(last - m_words.begin());
  r.postings =
      m_posting_offsets.empty() ? 0 : m_posting_offsets[r.last] - m_posting_offsets[r.first];
  return r;
}

bool SearchIndex::has_word_in(std::size_t position, const WordRange& range) const {
  const auto first = m_vacancy_words.begin() + m_vacancy_offsets[position];
  const auto last = m_vacancy_words.begin() + m_vacancy_offsets[position + 1];
  const auto it = std::lower_bound(first, last, range.first);
  return it != last && *it < range.last;
}

std::vector<std::uint32_t> SearchIndex::search(const SearchQuery& query) const {
  const std::size_t n = vacancy_count();
  if (query.empty()) {
    std::vector<std::uint32_t> all(n);
    std::iota(all.begin(), all.end(), 0U);
    return all;
  }
  std::vector<WordRange> ranges;
  for (const std::string& word : query.words) {
    ranges.push_back(prefix_range(word));
    if (ranges.back().postings == 0) {
      return {};
    }
  }
  // Start from the rarest word; each further word either intersects its
  // own postings or, when few candidates are left, checks them one by one.
  std::sort(ranges.begin(), ranges.end(),
            [](const WordRange& a, const WordRange& b) { return a.postings < b.postings; });
  const auto postings_of = [&](const WordRange& r) {
    return std::span<const std::uint32_t>(m_postings)
        .subspan(m_posting_offsets[r.first], r.postings);
  };
  Bits hits((n + 63) / 64, 0);
  mark(hits, postings_of(ranges.front()));
  std::size_t candidates = count(hits);
  Bits scratch;
  for (std::size_t k = 1; k < ranges.size() && candidates > 0; ++k) {
    if (candidates * k_check_cost < ranges[k].postings) {
      for (const std::uint32_t v : positions_of(hits, candidates)) {
        if (!has_word_in(v, ranges[k])) {
          hits[v / 64] &= ~(std::uint64_t{1} << (v % 64));
        }
      }
    } else {
      scratch.assign(hits.size(), 0);
      mark(scratch, postings_of(ranges[k]));
      for (std::size_t i = 0; i < hits.size(); ++i) {
        hits[i] &= scratch[i];
      }
    }
    candidates = count(hits);
  }
  return positions_of(hits, candidates);
}

std::vector<std::uint32_t> SearchIndex::search(std::string_view text) const {
  return search(make_search_query(text));
}

bool SearchIndex::matches(std::size_t position, const SearchQuery& query) const {
  if (position >= vacancy_count()) {
    return false;
  }
  return std::all_of(query.words.begin(), query.words.end(), [&](const std::string& word) {
    return has_word_in(position, prefix_range(word));
  });
}

}  // namespace kiosk
