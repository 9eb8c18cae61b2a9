#pragma once
// One function per screen; each draws into the content area and emits
// intents through the context.

#include "core/journey.hpp"
#include "core/match_score.hpp"
#include "ui/kiosk_ui.hpp"
#include "ui/widgets.hpp"

namespace kiosk::ui {

void draw_welcome(const UiContext& ctx, const JourneyView& view, const FrameInfo& info);
void draw_check_id(const UiContext& ctx, const JourneyView& view);
void draw_consent(const UiContext& ctx, const JourneyView& view);
void draw_matches(const UiContext& ctx, const JourneyView& view, int session_serial);
void draw_occupations(const UiContext& ctx, const JourneyView& view);
void draw_filters(const UiContext& ctx, const JourneyView& view);
void draw_ward(const UiContext& ctx, const JourneyView& view);
void draw_vacancy(const UiContext& ctx, const JourneyView& view);
void draw_slots(const UiContext& ctx, const JourneyView& view);
void draw_confirm(const UiContext& ctx, const JourneyView& view);
void draw_working(const UiContext& ctx, const JourneyView& view);
void draw_done(const UiContext& ctx, const JourneyView& view, const FrameInfo& info);

}  // namespace kiosk::ui
