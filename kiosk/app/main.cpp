#include "app/kiosk_app.hpp"

int main(int argc, char** argv) { return kiosk::run_kiosk(argc, argv); }
