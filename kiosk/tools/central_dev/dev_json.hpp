#pragma once
// The API's JSON shapes (DESIGN §3.2) for the generated data. Callers hold the
// server's lock while rendering, since slots and versions change.

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "tools/central_dev/dev_data.hpp"

namespace kiosk::dev {

/// Keeps the contract's field order in the output, for readability.
using Json = nlohmann::ordered_json;

/// The full vacancy object of the snapshot and changes feeds.
Json vacancy_json(const DevData& data, const DevVacancy& v);

/// {"id","title","employer":{"id","name"}}, as in booking answers.
Json vacancy_summary_json(const DevData& data, const DevVacancy& v);

/// One interview slot with its current `remaining`.
Json slot_json(const DevData& data, const DevVacancy& v, std::size_t slot_index);

/// A session; `active` is true when it takes place on `today`.
Json session_json(const DevSession& s, std::int64_t today);

/// {"occupations":[{"isco08","label_vi","label_en"}…]}.
Json occupations_json();

/// "emp-0042" for employers()[41].
std::string employer_id(std::size_t employer_index);

/// Places still free in a slot (never negative).
int remaining(const DevSlot& slot);

/// Sum of remaining() over the vacancy's slots.
int slots_available(const DevVacancy& v);

}  // namespace kiosk::dev
