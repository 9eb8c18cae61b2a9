#include "app/beeper.hpp"

#include <cmath>
#include <vector>

#include <SDL.h>

#include "core/log.hpp"

namespace kiosk {
namespace {

constexpr int k_rate = 48000;

// Two notes (E6 then A6), 90 ms each, with short fades so they do not click.
std::vector<float> make_tone() {
  std::vector<float> samples;
  for (const double freq : {1318.5, 1760.0}) {
    const int n = k_rate * 90 / 1000;
    for (int i = 0; i < n; ++i) {
      const double fade = std::min({1.0, i / 480.0, (n - i) / 480.0});
      samples.push_back(static_cast<float>(0.25 * fade * std::sin(2 * M_PI * freq * i / k_rate)));
    }
  }
  return samples;
}

}  // namespace

Beeper::~Beeper() {
  if (m_device != 0) {
    SDL_CloseAudioDevice(m_device);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
  }
}

bool Beeper::open() {
  if (m_tried) {
    return m_device != 0;
  }
  m_tried = true;
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    logger("ui")->warn("no sound: {}", SDL_GetError());
    return false;
  }
  SDL_AudioSpec want{};
  want.freq = k_rate;
  want.format = AUDIO_F32SYS;
  want.channels = 1;
  want.samples = 1024;
  m_device = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
  if (m_device == 0) {
    logger("ui")->warn("no sound device: {}", SDL_GetError());
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return false;
  }
  SDL_PauseAudioDevice(m_device, 0);
  return true;
}

void Beeper::beep() {
  if (!open()) {
    return;
  }
  const auto tone = make_tone();
  SDL_ClearQueuedAudio(m_device);
  SDL_QueueAudio(m_device, tone.data(), static_cast<Uint32>(tone.size() * sizeof(float)));
}

}  // namespace kiosk
