// The parser against what real scanners and real QR codes deliver: mojibake,
// bare ID numbers, foreign codes and hostile text.

#include <iconv.h>

#include <gtest/gtest.h>

#include "core/citizen_id.hpp"
#include "core/mojibake.hpp"

namespace kiosk {
namespace {

const std::string k_card =
    "001095012345|123456789|Nguyễn Văn Ánh|15031995|Nam|Số 12 ngõ 34 Trần Duy Hưng, Phường Yên "
    "Hòa, Thành phố Hà Nội|01082021";

// What a scanner that reads UTF-8 bytes as Windows-1252 hands on.
std::string as_cp1252_mojibake(const std::string& utf8) {
  std::string out;
  for (const char ch : utf8) {
    const auto b = static_cast<unsigned char>(ch);
    char32_t cp = b;
    if (b == 0x85) {
      cp = 0x2026;  // …
    } else if (b == 0x91) {
      cp = 0x2018;
    } else if (b == 0x99) {
      cp = 0x2122;
    }
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

// What a scanner that reads UTF-8 bytes as Shift-JIS hands on, when every
// byte pair happens to be valid Shift-JIS; empty otherwise.
std::string as_sjis_mojibake(const std::string& utf8) {
  iconv_t cd = iconv_open("UTF-8", "CP932");
  std::string in = utf8;
  std::string out(in.size() * 4, '\0');
  char* ip = in.data();
  char* op = out.data();
  std::size_t il = in.size();
  std::size_t ol = out.size();
  const std::size_t r = iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1)) {
    return {};
  }
  out.resize(out.size() - ol);
  return out;
}

TEST(CitizenIdRobustness, RepairsWindows1252Mojibake) {
  const std::string garbled = as_cp1252_mojibake(k_card);
  ASSERT_NE(garbled, k_card);
  ASSERT_NE(garbled.find("Nguyá»"), std::string::npos);
  const auto id = parse_citizen_id(garbled);
  ASSERT_TRUE(id.has_value()) << error_code(id.error());
  EXPECT_EQ(id->full_name, "Nguyễn Văn Ánh");
  EXPECT_NE(id->address.find("Phường Yên Hòa"), std::string::npos);
}

TEST(CitizenIdRobustness, RepairsShiftJisMojibakeWhenExact) {
  // Every Vietnamese letter's UTF-8 bytes here pair up as valid Shift-JIS,
  // so what the scanner made of them can be reversed exactly.
  const std::string card = "001195012345||Bùi Văn Tú|01021995|Nữ|Huế|01082021";
  const std::string garbled = as_sjis_mojibake(card);
  ASSERT_FALSE(garbled.empty());
  ASSERT_NE(garbled, card);
  const auto repaired = repair_mojibake(garbled);
  ASSERT_EQ(repaired.kind, Mojibake::sjis);
  EXPECT_EQ(repaired.text, card);
  EXPECT_EQ(parse_citizen_id(garbled)->full_name, "Bùi Văn Tú");
}

TEST(CitizenIdRobustness, RejectsMojibakeThatCannotBeReversed) {
  // Lost bytes became U+FFFD: never shown garbled, never guessed.
  const auto id = parse_citizen_id("001095012345||Nguy\xEF\xBF\xBDn V\xEF\xBF\xBDn An|15031995|Nam|"
                                   "H\xEF\xBF\xBD N\xEF\xBF\xBDi|01082021");
  ASSERT_FALSE(id.has_value());
  EXPECT_EQ(id.error(), CitizenIdError::garbled);
  // Japanese text with the citizen-ID shape whose Shift-JIS bytes are not UTF-8.
  const auto sjis = parse_citizen_id("001095012345||日本語|15031995|Nam|HN|01082021");
  ASSERT_FALSE(sjis.has_value());
  EXPECT_EQ(sjis.error(), CitizenIdError::garbled);
}

TEST(CitizenIdRobustness, LeavesRealVietnameseAlone) {
  for (const char* s : {"Hà Nội", "Lê Thị Hồng", "Đỗ Văn Tú", "Phạm Ánh", "Võ Thị Ý"}) {
    EXPECT_EQ(repair_mojibake(s).kind, Mojibake::none) << s;
  }
}

TEST(CitizenIdRobustness, BareIdNumberIsIdOnlyWithDerivedFacts) {
  EXPECT_EQ(parse_citizen_id("001095012345\r\n").error(), CitizenIdError::id_only);
  const auto facts = id_facts("001095012345");
  ASSERT_TRUE(facts.has_value());
  EXPECT_EQ(facts->province_code, "001");
  EXPECT_EQ(facts->sex, Sex::male);
  EXPECT_EQ(facts->birth_year, 1995);
  const auto woman_2000s = id_facts("079305000001");
  EXPECT_EQ(woman_2000s->sex, Sex::female);
  EXPECT_EQ(woman_2000s->birth_year, 2005);
  EXPECT_FALSE(id_facts("07930500000").has_value());
  EXPECT_FALSE(message_for(CitizenIdError::id_only).empty());
}

TEST(CitizenIdRobustness, CrossCheckIsSoft) {
  // The ID says a man born in 1995; the card says Nữ, 1996: still accepted.
  const auto id = parse_citizen_id("001095012345||Trần Thị B|15031996|Nữ|Hà Nội|01082021");
  ASSERT_TRUE(id.has_value());
  EXPECT_FALSE(id_agrees_with_fields(*id));
  EXPECT_TRUE(id_agrees_with_fields(*parse_citizen_id(k_card)));
}

TEST(CitizenIdRobustness, OldIdMayBeEmptyNineOrTwelveDigits) {
  EXPECT_TRUE(parse_citizen_id("001095012345||An|15031995|Nam|HN|01082021").has_value());
  EXPECT_TRUE(parse_citizen_id("001095012345|123456789|An|15031995|Nam|HN|01082021").has_value());
  EXPECT_TRUE(
      parse_citizen_id("001095012345|001095012345|An|15031995|Nam|HN|01082021").has_value());
  EXPECT_EQ(parse_citizen_id("001095012345|1234567890|An|15031995|Nam|HN|01082021").error(),
            CitizenIdError::bad_old_id);
}

TEST(CitizenIdRobustness, ForeignCodesAreNotCitizenIds) {
  for (const char* s : {
           "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
           // VietQR (EMVCo merchant-presented payment code)
           "00020101021238570010A00000072701270006970436011301234567890120208QRIBFTTA530370454065"
           "000005802VN62150811Thanh toan6304ABCD",
           "WIFI:S:KioskNet;T:WPA;P:secret;;",
           "BEGIN:VCARD\nFN:Nguyễn Văn An\nTEL:0912345678\nEND:VCARD",
           "Xin chào",
           "123|456|789",
           "|||||||",
       }) {
    const auto id = parse_citizen_id(s);
    ASSERT_FALSE(id.has_value()) << s;
    EXPECT_EQ(id.error(), CitizenIdError::not_citizen_id) << s;
  }
}

TEST(CitizenIdRobustness, InjectionLookingTextIsRejected) {
  EXPECT_EQ(parse_citizen_id("001095012345||<script>alert(1)</script>|15031995|Nam|HN|01082021")
                .error(),
            CitizenIdError::bad_name);
  EXPECT_EQ(parse_citizen_id("001095012345||Robert'); DROP TABLE bookings;--|15031995|Nam|HN|"
                             "01082021")
                .error(),
            CitizenIdError::bad_name);
  // A right-to-left override hides what the name really says.
  EXPECT_EQ(parse_citizen_id("001095012345||An\xE2\x80\xAEnA|15031995|Nam|HN|01082021").error(),
            CitizenIdError::bad_name);
  // Terminal escape sequences in the address.
  EXPECT_EQ(parse_citizen_id("001095012345||An|15031995|Nam|HN\x1b[2J|01082021").error(),
            CitizenIdError::bad_address);
  // Names with hyphens and apostrophes are fine.
  EXPECT_TRUE(parse_citizen_id("001095012345||H'Hen Niê|15031995|Nữ|Đắk Lắk|01082021").has_value());
}

TEST(CitizenIdRobustness, TrimsLineEndsAndSpacesAroundFields) {
  const auto id = parse_citizen_id(" 001095012345 | | Nguyễn Văn An |15031995| Nam |HN|01082021\r\n");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->id, "001095012345");
  EXPECT_EQ(id->full_name, "Nguyễn Văn An");
}

}  // namespace
}  // namespace kiosk
