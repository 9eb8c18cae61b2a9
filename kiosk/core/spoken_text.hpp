#pragma once
// What the "read aloud" button says about a vacancy: short sentences in plain
// words, numbers as a listener expects them ("8 đến 12 triệu đồng một tháng").

#include <string>

#include "core/vacancy.hpp"

namespace kiosk {

/// The vacancy's title, employer, pay, place, working time and open
/// interview slots as Vietnamese sentences for a speech synthesiser.
std::string spoken_vacancy_vi(const Vacancy& v);

}  // namespace kiosk
