#include "tools/corpus/corpus_levels.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::corpus {
namespace {

// Ranges a level's frames are drawn from, uniformly between the two values.
struct Range {
  double low = 0;
  double high = 0;
  double draw(CorpusRandom& random) const { return random.uniform(low, high); }
};

struct LevelSpec {
  Range module_px;
  double rotation_max = 0;  // degrees either way, before a quarter turn
  double quarter_turn = 0;  // chance of an extra 90/180/270 degrees
  double tilt_max = 0;
  Range blur;
  double motion_chance = 0;
  Range motion_px;
  Range contrast;
  Range gradient;
  double glare_chance = 0;
  Range glare_peak;     // grey levels
  Range glare_modules;  // radius in modules
  Range noise;
  double jpeg_chance = 0;
  Range jpeg_quality;
};

constexpr LevelSpec k_easy{{2.4, 3.8}, 20,     0.1,        15,          {0.35, 0.65},
                           0.0,        {0, 0}, {0.6, 1.0}, {0.0, 0.35}, 0.1,
                           {80, 160},  {2, 3}, {1.5, 3.5}, 0.7,         {55, 70}};
constexpr LevelSpec k_medium{{2.2, 3.4}, 30,     0.2,         20,          {0.4, 0.8},
                             0.15,       {2, 2}, {0.5, 0.85}, {0.2, 0.45}, 0.25,
                             {100, 200}, {2, 4}, {2.0, 5.0},  0.8,         {45, 70}};
constexpr LevelSpec k_hard{{1.9, 2.9}, 30,     0.3,         28,          {0.5, 0.8},
                           0.25,       {2, 3}, {0.35, 0.7}, {0.3, 0.55}, 0.35,
                           {150, 250}, {3, 5}, {3.0, 5.0},  0.9,         {40, 60}};
constexpr LevelSpec k_extreme{{1.7, 2.5}, 30,     0.3,        35,          {0.5, 0.85},
                              0.3,        {2, 3}, {0.3, 0.6}, {0.35, 0.6}, 0.45,
                              {150, 300}, {3, 6}, {3.0, 6.0}, 1.0,         {40, 60}};

const LevelSpec& spec_of(Level level) {
  switch (level) {
    case Level::easy:
      return k_easy;
    case Level::medium:
      return k_medium;
    case Level::hard:
      return k_hard;
    case Level::extreme:
      return k_extreme;
  }
  return k_easy;
}

CardPose draw_pose(const LevelSpec& spec, int code_size, int width, int height,
                   CorpusRandom& random) {
  CardPose pose;
  pose.module_px = spec.module_px.draw(random);
  pose.rotation_deg = random.uniform(-spec.rotation_max, spec.rotation_max);
  if (random.chance(spec.quarter_turn)) {
    pose.rotation_deg += 90.0 * random.between(1, 3);
  }
  pose.tilt_x_deg = random.uniform(-spec.tilt_max, spec.tilt_max);
  pose.tilt_y_deg = random.uniform(-spec.tilt_max, spec.tilt_max);
  // Somewhere the whole code is seen; shrink the modules if it cannot be.
  const double margin = 8.0;
  for (int attempt = 0; attempt < 200; ++attempt) {
    pose.centre_x = random.uniform(0.2, 0.8);
    pose.centre_y = random.uniform(0.2, 0.8);
    if (code_fits(code_size, pose, width, height, margin)) {
      return pose;
    }
    if (attempt % 20 == 19) {
      pose.module_px = std::max(1.5, pose.module_px * 0.9);
      pose.tilt_x_deg *= 0.8;
      pose.tilt_y_deg *= 0.8;
    }
  }
  pose.centre_x = 0.5;
  pose.centre_y = 0.5;
  return pose;
}

}  // namespace

std::string_view level_name(Level level) {
  switch (level) {
    case Level::easy:
      return "easy";
    case Level::medium:
      return "medium";
    case Level::hard:
      return "hard";
    case Level::extreme:
      return "extreme";
  }
  return "easy";
}

std::optional<Level> level_from_name(std::string_view name) {
  for (const Level level : k_levels) {
    if (level_name(level) == name) {
      return level;
    }
  }
  return std::nullopt;
}

void draw_encoding(Level level, Shot& shot, CorpusRandom& random) {
  shot.ecc_low = random.chance(level == Level::easy ? 0.2 : 0.3);
  shot.eci = random.chance(0.2);
}

Shot draw_shot(Level level, int code_size, int width, int height, CorpusRandom& random) {
  const LevelSpec& spec = spec_of(level);
  Shot shot;
  shot.pose = draw_pose(spec, code_size, width, height, random);
  FrameEffects& fx = shot.effects;
  fx.contrast = spec.contrast.draw(random);
  fx.gradient = spec.gradient.draw(random);
  if (random.chance(spec.glare_chance)) {
    fx.glare_peak = spec.glare_peak.draw(random);
    fx.glare_radius_px = spec.glare_modules.draw(random) * shot.pose.module_px;
    shot.glare_u = random.uniform(0.15, 0.85);
    shot.glare_v = random.uniform(0.15, 0.85);
  }
  fx.blur_sigma = spec.blur.draw(random);
  if (random.chance(spec.motion_chance)) {
    fx.motion_px = static_cast<int>(std::lround(spec.motion_px.draw(random)));
    fx.motion_vertical = random.chance(0.5);
  }
  fx.noise_sigma = spec.noise.draw(random);
  if (random.chance(spec.jpeg_chance)) {
    fx.jpeg_quality = static_cast<int>(std::lround(spec.jpeg_quality.draw(random)));
  }
  return shot;
}

}  // namespace kiosk::corpus
