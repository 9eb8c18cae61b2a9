#pragma once
// What each decode strategy adds on the corpus: the cheap pass alone, each
// strategy alone, and a greedy ranking of their marginal gains over the
// cheap pass (how the camera list was chosen).

#include <string>
#include <vector>

#include "tools/corpus/corpus.hpp"

namespace kiosk::bench {

/// A Markdown table of read rates per level, one call per frame, for the
/// cheap pass and for each strategy alone, with the median ms per call on
/// the corpus's 1280x720 frames; then the greedy ranking.
std::string ablation_table(const std::vector<corpus::CorpusFrame>& frames);

}  // namespace kiosk::bench
