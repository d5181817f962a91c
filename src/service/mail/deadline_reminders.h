// DeadlineReminders: puts reminder e-mails about the AP deadline into the mail outbox
// for every privacy officer of the breach's organisation — 24 hours before the
// deadline, 6 hours before it, and when it has passed — each at most once per officer
// (an outbox dedupe key "reminder:<breach>:<kind>:<user>" makes a second enqueue a no-op,
// also across restarts and several server processes). A processor organisation gets
// none: it informs its controllers and has no AP deadline of its own (Art. 33(2)).
//
// Texts come from the mail message catalog (i18n/mail/<lang>.json) in each officer's
// language; the deadline is shown in Europe/Amsterdam time.
//
// Thread-safety: enqueue_due() may run concurrently; duplicates are refused by the store.
#pragma once

#include <string>

#include "base/clock.h"
#include "base/result.h"
#include "pages/catalog.h"

namespace bd::storage {
class Database;
}

namespace bd::service {

struct ReminderOptions {
  int deadline_hours = 72;
  std::string base_url = "http://127.0.0.1:8080";  // for the link to the breach page
};

class DeadlineReminders {
 public:
  // db, clock and catalog must outlive this object.
  DeadlineReminders(storage::Database& db, const Clock& clock, const pages::Catalog& catalog,
                    ReminderOptions options = {});

  // Enqueues every reminder that is due now and was not enqueued before; returns how many.
  Result<int> enqueue_due();

 private:
  Result<int> enqueue_for_organisation(const std::string& organisation_id);

  storage::Database& db_;
  const Clock& clock_;
  const pages::Catalog& catalog_;
  ReminderOptions options_;
};

}  // namespace bd::service
