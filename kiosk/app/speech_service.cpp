#include "app/speech_service.hpp"

#include <pthread.h>

#include <algorithm>
#include <utility>

#include <SDL.h>

#include "adapters/speech/espeak_speech.hpp"
#include "core/log.hpp"

namespace kiosk {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int k_espeak_rate = 22050;  // espeak-ng's own output rate

}  // namespace

SpeechService::SpeechService(std::chrono::milliseconds idle_close) : m_idle_close(idle_close) {}

SpeechService::~SpeechService() {
  shutdown();
}

void SpeechService::start() {
  if (m_started) {
    return;
  }
  m_started = true;
  // Initialised here, on the caller's (main) thread, as the Beeper does;
  // only the device is opened on the speech thread.
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) == 0) {
    m_sdl_audio = true;
  } else {
    logger("ui")->warn("speech: no sound: {}", SDL_GetError());
    m_open_failure_logged = true;
    const std::lock_guard lock(m_mutex);
    m_stats.no_sound = true;
  }
  m_thread = std::jthread([this](const std::stop_token& stop) { run(stop); });
  pthread_setname_np(m_thread.native_handle(), "speech");
}

void SpeechService::say(std::string text, std::string voice, std::chrono::milliseconds delay) {
  if (text.empty()) {
    stop();
    return;
  }
  {
    const std::lock_guard lock(m_mutex);
    ++m_stats.requests;
    if (m_pending) {
      ++m_stats.replaced;
    }
    m_pending = Request{std::move(text), std::move(voice), Clock::now() + delay};
    ++m_generation;
  }
  m_cv.notify_all();
}

void SpeechService::stop() {
  {
    const std::lock_guard lock(m_mutex);
    if (m_pending) {
      m_pending.reset();
      ++m_stats.silenced;
    }
    ++m_generation;  // a synthesis under way is dropped when it ends
  }
  m_cv.notify_all();
  const std::lock_guard device(m_device_mutex);
  if (m_device != 0) {
    SDL_ClearQueuedAudio(m_device);
  }
}

void SpeechService::shutdown() {
  if (m_thread.joinable()) {
    m_thread.request_stop();
    m_cv.notify_all();
    m_thread.join();
  }
  if (m_sdl_audio) {
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    m_sdl_audio = false;
  }
}

SpeechStats SpeechService::stats() const {
  const std::lock_guard lock(m_mutex);
  return m_stats;
}

std::uint32_t SpeechService::queued_bytes() const {
  const std::lock_guard device(m_device_mutex);
  return m_device != 0 ? SDL_GetQueuedAudioSize(m_device) : 0;
}

bool SpeechService::wait_handled(std::uint64_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(m_mutex);
  return m_cv.wait_for(lock, timeout, [&] { return m_stats.handled() >= count; });
}

void SpeechService::run(const std::stop_token& stop) {
  while (auto request = next_request(stop)) {
    try {
      speak(*request);
    } catch (const std::exception& e) {
      logger("ui")->error("speech: {}", e.what());
      const std::lock_guard lock(m_mutex);
      ++m_stats.failed;
    }
    m_cv.notify_all();  // wait_handled()
  }
  close_device();
}

std::optional<SpeechService::Request> SpeechService::next_request(const std::stop_token& stop) {
  std::unique_lock lock(m_mutex);
  while (!stop.stop_requested()) {
    if (!m_pending) {
      if (m_device == 0) {
        m_cv.wait(lock, stop, [&] { return m_pending.has_value(); });
        continue;
      }
      // Wake when the device has been quiet long enough to close it.
      const auto quiet_at = m_speech_ends + m_idle_close;
      const auto wait =
          std::max<Clock::duration>(quiet_at - Clock::now(), std::chrono::milliseconds{100});
      if (!m_cv.wait_for(lock, stop, wait, [&] { return m_pending.has_value(); })) {
        lock.unlock();
        close_if_idle();
        lock.lock();
      }
      continue;
    }
    if (const auto due = m_pending->not_before; Clock::now() < due) {
      const std::uint64_t generation = m_generation;
      m_cv.wait_until(lock, stop, due, [&] { return m_generation != generation; });
      continue;  // look again: a newer request, a stop, or this one is due
    }
    Request request = std::move(*m_pending);
    m_pending.reset();
    m_taken_generation = m_generation;
    return request;
  }
  return std::nullopt;
}

void SpeechService::speak(const Request& request) {
  if (!m_sdl_audio || !open_device(m_device_rate != 0 ? m_device_rate : k_espeak_rate)) {
    const std::lock_guard lock(m_mutex);
    ++m_stats.failed;
    return;
  }
  auto audio = speech::synthesize(request.text, request.voice);
  if (!audio) {
    // The error names espeak-ng or the voice, never the text.
    logger("ui")->warn("speech: {} ({} bytes of text)", audio.error(), request.text.size());
    const std::lock_guard lock(m_mutex);
    ++m_stats.failed;
    return;
  }
  if (audio->sample_rate != m_device_rate && !open_device(audio->sample_rate)) {
    const std::lock_guard lock(m_mutex);
    ++m_stats.failed;
    return;
  }
  const std::lock_guard device(m_device_mutex);
  {
    const std::lock_guard lock(m_mutex);
    if (m_generation != m_taken_generation) {
      // stop() or a newer request came while this one was synthesised.
      ++(m_pending ? m_stats.replaced : m_stats.silenced);
      return;
    }
    ++m_stats.spoken;
    m_stats.samples_queued += audio->samples.size();
    m_stats.last_text_bytes = request.text.size();
  }
  SDL_ClearQueuedAudio(m_device);  // what still plays is cut off: the newest wins
  SDL_QueueAudio(m_device, audio->samples.data(),
                 static_cast<Uint32>(audio->samples.size() * sizeof(std::int16_t)));
  const auto duration = std::chrono::milliseconds(static_cast<std::int64_t>(audio->samples.size()) *
                                                  1000 / audio->sample_rate);
  m_speech_ends = Clock::now() + duration;
  logger("ui")->debug("speech: {} bytes of text, {} ms of sound", request.text.size(),
                      duration.count());
}

bool SpeechService::open_device(int sample_rate) {
  if (m_device != 0 && m_device_rate == sample_rate) {
    return true;
  }
  close_device();
  SDL_AudioSpec want{};
  want.freq = sample_rate;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = 2048;
  const SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
  if (device == 0) {
    if (!m_open_failure_logged) {
      m_open_failure_logged = true;
      logger("ui")->warn("speech: no sound device: {}", SDL_GetError());
    }
    const std::lock_guard lock(m_mutex);
    m_stats.no_sound = true;
    return false;
  }
  SDL_PauseAudioDevice(device, 0);
  {
    const std::lock_guard guard(m_device_mutex);
    m_device = device;
    m_device_rate = sample_rate;
  }
  const std::lock_guard lock(m_mutex);
  m_stats.device_open = true;
  m_stats.no_sound = false;
  return true;
}

void SpeechService::close_device() {
  std::uint32_t device = 0;
  {
    const std::lock_guard guard(m_device_mutex);
    device = std::exchange(m_device, 0);
    m_device_rate = 0;
  }
  if (device == 0) {
    return;
  }
  SDL_CloseAudioDevice(device);
  const std::lock_guard lock(m_mutex);
  m_stats.device_open = false;
}

void SpeechService::close_if_idle() {
  if (m_device != 0 && Clock::now() >= m_speech_ends + m_idle_close && queued_bytes() == 0) {
    close_device();
  }
}

}  // namespace kiosk
