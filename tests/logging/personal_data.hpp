#pragma once
// One log message holding every kind of personal data and secret the
// redaction layer masks, and what must never appear in a sink's output.

#include <string>
#include <vector>

namespace kiosk::test {

inline const std::string k_seeker_name = "Nguyễn Văn An";

/// Logged with "{}" formatting by the sink tests; hold k_seeker_name first.
inline std::string personal_message() {
  return "seeker " + k_seeker_name + " id 001095012345 cmnd 123456789 phone 0912 345 678 born " +
         "15/03/1995 at Số 12 ngõ 34 Trần Duy Hưng, Phường Yên Hòa | Authorization: Bearer "
         "dev-token-0123";
}

inline std::string personal_payload() {
  return "001095012345|123456789|Nguyễn Văn An|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường "
         "Yên Hòa, Thành phố Hà Nội|01082021";
}

/// Substrings none of which may reach any sink.
inline std::vector<std::string> forbidden_fragments() {
  return {"Nguyễn Văn An", "001095012345",  "123456789",      "0912 345 678", "15/03/1995",
          "15031995",      "Trần Duy Hưng", "dev-token-0123", "Nguyen Van An"};
}

/// Substrings the masked message still holds (it was not simply dropped).
inline std::vector<std::string> masked_fragments() {
  return {"seeker [held]", "001******345", "123***789", "**** *** 678", "**/**/****"};
}

}  // namespace kiosk::test
