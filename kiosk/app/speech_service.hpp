#pragma once
// Speaks text on its own "speech" thread: espeak-ng synthesises it and SDL
// audio plays it. One request waits at a time: a newer one replaces it, and
// what plays is cut off when the next request starts. Without a sound
// device the service says so once in the log and stays silent.
//
// The spoken text can carry the person's name: it is never logged (only
// its length).

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace kiosk {

/// What the service did so far (tests, the staff screen).
struct SpeechStats {
  std::uint64_t requests = 0;        // say() calls
  std::uint64_t replaced = 0;        // dropped for a newer request before being spoken
  std::uint64_t silenced = 0;        // dropped by stop() before being spoken
  std::uint64_t spoken = 0;          // synthesised and queued to the sound device
  std::uint64_t failed = 0;          // synthesis failed, or no sound device
  std::uint64_t samples_queued = 0;  // 16-bit mono samples handed to SDL, in all
  std::size_t last_text_bytes = 0;   // length of the last text spoken
  bool device_open = false;
  bool no_sound = false;  // no sound device could be opened (logged once)

  /// Requests dealt with one way or another.
  std::uint64_t handled() const { return replaced + silenced + spoken + failed; }
};

class SpeechService {
 public:
  /// `idle_close`: the sound device is closed this long after the last
  /// speech ended, so an idle kiosk runs no audio thread.
  explicit SpeechService(std::chrono::milliseconds idle_close = std::chrono::seconds{10});
  /// Shuts down (see shutdown()).
  ~SpeechService();
  SpeechService(const SpeechService&) = delete;
  SpeechService& operator=(const SpeechService&) = delete;

  /// Starts SDL audio (on the calling thread) and the "speech" thread.
  /// Requests made before wait for it. Once only.
  void start();

  /// Asks for `text` to be spoken with the espeak-ng `voice` ("vi", "en"),
  /// not before `delay` from now (e.g. after a tone). Replaces a request
  /// still waiting; speech already playing stops when this one starts.
  /// Any thread; returns at once.
  void say(std::string text, std::string voice,
           std::chrono::milliseconds delay = std::chrono::milliseconds{0});

  /// Silences at once: drops the waiting request and what the device still
  /// has queued. Any thread; returns at once.
  void stop();

  /// Stops the thread and closes the device; what was playing is cut off.
  /// Idempotent; any thread but the speech thread.
  void shutdown();

  SpeechStats stats() const;

  /// Bytes the sound device still has to play (0 without a device).
  std::uint32_t queued_bytes() const;

  /// Waits until `count` requests were handled in all (SpeechStats::handled)
  /// or `timeout` passed; true when they were (tests).
  bool wait_handled(std::uint64_t count, std::chrono::milliseconds timeout) const;

 private:
  struct Request {
    std::string text;
    std::string voice;
    std::chrono::steady_clock::time_point not_before;
  };

  void run(const std::stop_token& stop);
  /// Waits for the next request to come due; nullopt when stopping.
  std::optional<Request> next_request(const std::stop_token& stop);
  void speak(const Request& request);
  bool open_device(int sample_rate);
  void close_device();
  void close_if_idle();

  std::chrono::milliseconds m_idle_close;
  mutable std::mutex m_mutex;  // guards the request and the stats
  mutable std::condition_variable_any m_cv;
  std::optional<Request> m_pending;
  std::uint64_t m_generation = 0;        // bumped by say() and stop(): a newer wish
  std::uint64_t m_taken_generation = 0;  // m_generation when the request in hand was taken
  SpeechStats m_stats;
  bool m_sdl_audio = false;  // SDL_InitSubSystem(SDL_INIT_AUDIO) succeeded
  bool m_started = false;

  // The device is opened and closed on the speech thread only; stop() and
  // queued_bytes() use it under this lock from other threads.
  mutable std::mutex m_device_mutex;
  std::uint32_t m_device = 0;
  int m_device_rate = 0;
  bool m_open_failure_logged = false;
  std::chrono::steady_clock::time_point m_speech_ends{};  // when the last sound queued ends
  std::jthread m_thread;
};

}  // namespace kiosk
