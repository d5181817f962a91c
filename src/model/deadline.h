// The 72-hour clock of Art. 33(1) GDPR: the AP must be notified within the configured
// number of hours (EngineConfig::deadline_hours, 72 today) after the controller became
// aware of the breach. Everything is absolute time (TimePoint, UTC); show it to people
// in Europe/Amsterdam through base/time_zone.h, so daylight-saving changes never move
// a deadline (72 h across the October night are 72 real hours, 71 or 73 on the wall).
//
// Awareness is time.processor_informed when a processor informed the controller (the
// controller is aware from that moment, Art. 33(2)), else time.discovered. The clock
// stops at meta.submitted_at: lateness is frozen at filing and never grows afterwards.
// A late notification cannot be filed without time.late_reason (check_can_file).
// Once filed, the clock as it stood then (FiledClock, stored with the filed
// notification) is what the breach shows: later edits of the awareness time, the
// late reason or meta.submitted_at are revisions of the answers and change nothing
// of the recorded figures (ap_deadline with ClockContext::filed).
//
// Thread-safety: pure functions. Failure: a malformed datetime is kInvalidInput naming
// the id; filing late without a reason is kConflict naming time.late_reason.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/result.h"
#include "model/form_schema.h"
#include "model/value.h"

namespace bd::model {

struct DeadlineStatus {
  std::string_view awareness_id;      // "time.processor_informed" or "time.discovered"
  TimePoint awareness{};
  TimePoint due{};                    // awareness + hours
  std::chrono::hours length{72};
  std::optional<TimePoint> filed_at;  // meta.submitted_at
  // Time left until `due`, from `now` while open, from filed_at once filed; negative
  // when overdue (its magnitude is then the lateness).
  std::chrono::seconds time_left{0};
  bool overdue = false;               // open and past due, or filed after due
  bool filed_late = false;
  bool has_late_reason = false;       // time.late_reason is a non-empty text
  bool needs_late_reason = false;     // overdue and no late reason yet
};

// nullopt while no awareness time is known (the clock has not started).
Result<std::optional<DeadlineStatus>> deadline_status(const Answers& answers, TimePoint now, int deadline_hours = 72);

// The clock as it stood when the initial AP notification was filed.
struct FiledClock {
  std::string_view awareness_id;  // "time.processor_informed" or "time.discovered" (static text)
  TimePoint awareness{};
  TimePoint due{};
  std::chrono::hours length{72};
  TimePoint submitted_at{};
  bool had_late_reason = false;   // time.late_reason was given when it was filed
};

// The clock of `answers` filed at `submitted_at` (meta.submitted_at in `answers` is
// ignored). kInvalidInput when no valid awareness time is known.
Result<FiledClock> clock_at_filing(const Answers& answers, TimePoint submitted_at, int deadline_hours = 72);
// The status a filed breach shows: the frozen figures, whatever the time now.
DeadlineStatus frozen_status(const FiledClock& clock);
// The awareness id for a stored token ("time.discovered", "time.processor_informed"),
// as static text; nullopt for anything else.
std::optional<std::string_view> awareness_id_of(std::string_view token);

// What decides the AP clock of a breach besides its answers.
struct ClockContext {
  int deadline_hours = 72;
  // The recording organisation is a processor for this breach: it informs its
  // controllers without undue delay and has no AP clock of its own (Art. 33(2)).
  bool as_processor = false;
  // Set once the initial AP notification was filed: the clock as it stood then.
  std::optional<FiledClock> filed;
};

// The AP clock as every screen, dashboard, feed and reminder should see it: the
// frozen figures once filed; nullopt for a processor (that did not file) and while no
// awareness time is known; else deadline_status().
Result<std::optional<DeadlineStatus>> ap_deadline(const Answers& answers, TimePoint now, const ClockContext& context);

// A short sentence for dashboards, rounded down to minutes:
//   open    "Nog 2 dagen 3 uur 5 minuten" / "2 days 3 hours 5 minutes left"
//   overdue "5 uur 12 minuten te laat" / "5 hours 12 minutes overdue"
//   filed   "Op tijd gemeld" / "Notified in time", or "Gemeld, 3 uur te laat" / "Notified 3 hours late"
std::string describe_deadline(const DeadlineStatus& status, Language language);

// May a notification be marked filed at `submitted_at`? kConflict when it is past
// due and time.late_reason is missing; kInvalidInput when the awareness time is
// malformed or missing, or submitted_at lies before awareness.
Status check_can_file(const Answers& answers, TimePoint submitted_at, int deadline_hours = 72);

}  // namespace bd::model
