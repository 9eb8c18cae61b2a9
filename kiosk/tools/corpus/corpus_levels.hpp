#pragma once
// The corpus's difficulty levels: for each, the mix of poses and effects a
// frame is drawn from.

#include <array>
#include <optional>
#include <string_view>

#include "tools/corpus/card_scene.hpp"
#include "tools/corpus/corpus_random.hpp"
#include "tools/corpus/frame_effects.hpp"

namespace kiosk::corpus {

enum class Level { easy, medium, hard, extreme };

inline constexpr std::array<Level, 4> k_levels = {Level::easy, Level::medium, Level::hard,
                                                  Level::extreme};

/// "easy", "medium", "hard", "extreme".
std::string_view level_name(Level level);

/// The level of a name, or nothing for an unknown name.
std::optional<Level> level_from_name(std::string_view name);

/// How one frame is taken: the pose, the effects (the glare's centre given
/// relative to the code, 0..1 across and down) and the symbol's encoding.
struct Shot {
  CardPose pose;
  FrameEffects effects;
  double glare_u = 0.5;
  double glare_v = 0.5;
  bool ecc_low = false;  // ECC level L rather than M
  bool eci = false;      // mark the bytes as UTF-8 with an ECI (most cards do not)
};

/// Draws a shot for a code of `code_size` modules in a width x height frame
/// whose code lies wholly inside the frame.
Shot draw_shot(Level level, int code_size, int width, int height, CorpusRandom& random);

/// Draws only the encoding choices (made before the symbol exists).
void draw_encoding(Level level, Shot& shot, CorpusRandom& random);

}  // namespace kiosk::corpus
