#include "adapters/speech/espeak_speech.hpp"

#include <espeak-ng/speak_lib.h>

#include <cstring>
#include <fstream>
#include <mutex>

namespace kiosk::speech {
namespace {

std::mutex& espeak_lock() {
  static std::mutex lock;  // espeak-ng itself is one global engine
  return lock;
}

// Collects what espeak-ng synthesises into the Audio passed as user data.
int on_samples(short* wav, int count, espeak_EVENT* events) {
  if (wav != nullptr && count > 0 && events != nullptr && events->user_data != nullptr) {
    auto* audio = static_cast<Audio*>(events->user_data);
    audio->samples.insert(audio->samples.end(), wav, wav + count);
  }
  return 0;  // go on
}

template <typename T>
void put(std::ofstream& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));  // WAV is little-endian, as is this machine
  out.write(bytes, sizeof(T));
}

}  // namespace

tl::expected<Audio, std::string> synthesize(const std::string& text, const std::string& voice) {
  const std::lock_guard guard(espeak_lock());
  const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, 0);
  if (rate <= 0) {
    return tl::unexpected(std::string("espeak-ng could not start (espeak-ng-data missing?)"));
  }
  if (espeak_SetVoiceByName(voice.c_str()) != EE_OK) {
    return tl::unexpected("espeak-ng has no voice \"" + voice + "\"");
  }
  espeak_SetSynthCallback(on_samples);
  Audio audio;
  audio.sample_rate = rate;
  const espeak_ERROR done = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                         espeakCHARS_UTF8, nullptr, &audio);
  if (done != EE_OK || espeak_Synchronize() != EE_OK) {
    return tl::unexpected(std::string("espeak-ng failed to speak the text"));
  }
  return audio;
}

tl::expected<void, std::string> write_wav(const std::filesystem::path& path, const Audio& audio) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    return tl::unexpected("cannot write " + path.string());
  }
  const auto data_bytes = static_cast<std::uint32_t>(audio.samples.size() * 2);
  out.write("RIFF", 4);
  put<std::uint32_t>(out, 36 + data_bytes);
  out.write("WAVEfmt ", 8);
  put<std::uint32_t>(out, 16);
  put<std::uint16_t>(out, 1);  // PCM
  put<std::uint16_t>(out, 1);  // mono
  put<std::uint32_t>(out, static_cast<std::uint32_t>(audio.sample_rate));
  put<std::uint32_t>(out, static_cast<std::uint32_t>(audio.sample_rate) * 2);
  put<std::uint16_t>(out, 2);
  put<std::uint16_t>(out, 16);
  out.write("data", 4);
  put<std::uint32_t>(out, data_bytes);
  out.write(reinterpret_cast<const char*>(audio.samples.data()),
            static_cast<std::streamsize>(data_bytes));
  if (!out) {
    return tl::unexpected("cannot write " + path.string());
  }
  return {};
}

}  // namespace kiosk::speech
