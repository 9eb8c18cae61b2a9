#include "zbar_reader.hpp"

#include <zbar.h>

namespace kiosk::bench {
namespace {

zbar::zbar_image_scanner_t* scanner_of(void* scanner) {
  return static_cast<zbar::zbar_image_scanner_t*>(scanner);
}

}  // namespace

ZbarReader::ZbarReader() : m_scanner(zbar::zbar_image_scanner_create()) {
  auto* scanner = scanner_of(m_scanner);
  zbar::zbar_image_scanner_set_config(scanner, zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
  zbar::zbar_image_scanner_set_config(scanner, zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
  // Raw bytes, no charset guess: compared byte for byte like the others.
  zbar::zbar_image_scanner_set_config(scanner, zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_BINARY, 1);
}

ZbarReader::~ZbarReader() {
  zbar::zbar_image_scanner_destroy(scanner_of(m_scanner));
}

bool ZbarReader::read(const std::uint8_t* pixels, int width, int height, std::string& bytes) {
  zbar::zbar_image_t* image = zbar::zbar_image_create();
  zbar::zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
  zbar::zbar_image_set_size(image, static_cast<unsigned>(width), static_cast<unsigned>(height));
  zbar::zbar_image_set_data(image, pixels,
                            static_cast<unsigned long>(width) * static_cast<unsigned long>(height),
                            nullptr);
  bool found = false;
  if (zbar::zbar_scan_image(scanner_of(m_scanner), image) > 0) {
    const zbar::zbar_symbol_t* symbol = zbar::zbar_image_first_symbol(image);
    if (symbol != nullptr) {
      bytes.assign(zbar::zbar_symbol_get_data(symbol), zbar::zbar_symbol_get_data_length(symbol));
      found = true;
    }
  }
  zbar::zbar_image_destroy(image);
  return found;
}

}  // namespace kiosk::bench
