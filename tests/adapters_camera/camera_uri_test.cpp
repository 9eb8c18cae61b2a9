// `camera:` URIs and the choice of pixel format.

#include <string>

#include <gtest/gtest.h>

#include "adapters/camera/camera_uri.hpp"

namespace kiosk::camera {
namespace {

TEST(CameraUri, DefaultsAre720pAt30FpsAutomatic) {
  const auto settings = parse_camera_uri("camera:/dev/video0");
  ASSERT_TRUE(settings.has_value()) << settings.error();
  EXPECT_EQ(settings->device, "/dev/video0");
  EXPECT_EQ(settings->uri, "camera:/dev/video0");
  EXPECT_EQ(settings->width, 1280);
  EXPECT_EQ(settings->height, 720);
  EXPECT_EQ(settings->fps, 30);
  EXPECT_EQ(settings->format, FormatChoice::automatic);
}

TEST(CameraUri, ReadsEveryOption) {
  const auto settings = parse_camera_uri(
      "camera:/dev/v4l/by-id/usb-Webcam-video-index0?width=640&height=480&fps=15&format=yuyv");
  ASSERT_TRUE(settings.has_value()) << settings.error();
  EXPECT_EQ(settings->device, "/dev/v4l/by-id/usb-Webcam-video-index0");
  EXPECT_EQ(settings->width, 640);
  EXPECT_EQ(settings->height, 480);
  EXPECT_EQ(settings->fps, 15);
  EXPECT_EQ(settings->format, FormatChoice::yuyv);
  EXPECT_EQ(parse_camera_uri("camera:/dev/video2?format=mjpeg")->format, FormatChoice::mjpeg);
  EXPECT_EQ(parse_camera_uri("camera:/dev/video2?format=auto")->format, FormatChoice::automatic);
  EXPECT_EQ(parse_camera_uri("camera:/dev/video2?fps=5")->width, 1280);
}

// The error names the URI and says what is wrong with it.
void expect_error(const std::string& uri, const std::string& part) {
  const auto settings = parse_camera_uri(uri);
  ASSERT_FALSE(settings.has_value()) << uri;
  EXPECT_NE(settings.error().find(uri), std::string::npos) << settings.error();
  EXPECT_NE(settings.error().find(part), std::string::npos) << settings.error();
}

TEST(CameraUri, ClearErrors) {
  expect_error("serial:/dev/ttyACM0", "camera:");
  expect_error("camera:", "names no device");
  expect_error("camera:?width=640", "names no device");
  expect_error("camera:video0", "absolute path");
  expect_error("camera:/dev/video0?zoom=2", "'zoom' is not an option");
  expect_error("camera:/dev/video0?width=wide", "'width' must be a whole number from 16 to 4096");
  expect_error("camera:/dev/video0?width=640px", "'width' must be a whole number");
  expect_error("camera:/dev/video0?height=0", "'height' must be a whole number");
  expect_error("camera:/dev/video0?fps=500", "'fps' must be a whole number from 1 to 120");
  expect_error("camera:/dev/video0?fps=", "'fps' must be a whole number");
  expect_error("camera:/dev/video0?format=h264", "'format' must be yuyv, mjpeg or auto");
  expect_error("camera:/dev/video0?width=640&width=800", "'width' is given twice");
  expect_error("camera:/dev/video0?width", "'width' is not key=value");
}

TEST(CameraUri, ToleratesAnEmptyQueryOrTrailingAmpersand) {
  EXPECT_TRUE(parse_camera_uri("camera:/dev/video0?").has_value());
  EXPECT_EQ(parse_camera_uri("camera:/dev/video0?width=640&")->width, 640);
}

TEST(CameraUri, YuyvUpTo640x480AndMjpegAbove) {
  CameraSettings settings;
  settings.width = 640;
  settings.height = 480;
  EXPECT_EQ(choose_pixel_format(settings, true, true), PixelFormat::yuyv);
  settings.width = 1280;
  settings.height = 720;
  EXPECT_EQ(choose_pixel_format(settings, true, true), PixelFormat::mjpeg);
  settings.width = 1920;
  settings.height = 1080;
  EXPECT_EQ(choose_pixel_format(settings, true, true), PixelFormat::mjpeg);
}

TEST(CameraUri, FallsBackToWhatTheDeviceOffers) {
  CameraSettings settings;  // 1280x720: MJPEG preferred
  EXPECT_EQ(choose_pixel_format(settings, true, false), PixelFormat::yuyv);
  settings.width = 320;
  settings.height = 240;
  EXPECT_EQ(choose_pixel_format(settings, false, true), PixelFormat::mjpeg);
  EXPECT_EQ(choose_pixel_format(settings, false, false), std::nullopt);
}

TEST(CameraUri, AnExplicitFormatWinsWhenOffered) {
  CameraSettings settings;
  settings.format = FormatChoice::yuyv;
  EXPECT_EQ(choose_pixel_format(settings, true, true), PixelFormat::yuyv);
  EXPECT_EQ(choose_pixel_format(settings, false, true), PixelFormat::mjpeg);
  settings.width = 640;
  settings.height = 480;
  settings.format = FormatChoice::mjpeg;
  EXPECT_EQ(choose_pixel_format(settings, true, true), PixelFormat::mjpeg);
}

}  // namespace
}  // namespace kiosk::camera
