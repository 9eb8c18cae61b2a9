#pragma once
// What the kiosk says aloud: the "read aloud" button's account of a screen,
// the cue when a card is read and the idle countdown. Short sentences in
// plain words, numbers as a listener expects them ("8 đến 12 phẩy 5 triệu
// đồng một tháng", "8 to 12.5 million dong a month"). The msgids are
// Vietnamese; a translator for the session's language gives the English.
//
// Never spoken: the ID number (not even masked), the full name, the birth
// date and the phone number. The given name is spoken in the greeting, as
// the screen shows it.

#include <string>
#include <string_view>

#include "core/i18n.hpp"
#include "core/journey.hpp"
#include "core/vacancy.hpp"

namespace kiosk {

/// The vacancy's title, employer, pay, place, working time and open
/// interview slots as sentences in `t`'s language.
std::string spoken_vacancy(const Vacancy& v, const Tr& t);

/// What a person who cannot read the screen needs to hear on `view`'s
/// screen: what it shows and what they can do there. While the idle warning
/// is up, the warning and the seconds left.
std::string spoken_screen(const JourneyView& view, const Tr& t);

/// The short cue after the tone when a card was read ("Đã đọc thẻ.").
std::string spoken_card_read(const Tr& t);

/// The idle warning's question and what to do ("Bạn còn ở đây không? …").
std::string spoken_idle_warning(const Tr& t);

/// The countdown while the idle warning shows ("Còn 10 giây.").
std::string spoken_seconds_left(int seconds, const Tr& t);

/// The espeak-ng voice for a language: "vi", "en".
std::string_view speech_voice(Lang lang);

}  // namespace kiosk
