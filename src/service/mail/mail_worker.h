// MailWorker: one background thread that, every `interval`, enqueues the deadline
// reminders that have become due and delivers the mail outbox. Started by `serve`;
// stop() (or the destructor) wakes it and joins, finishing the message in flight.
// Without a sender (no SMTP server configured) reminders still enter the outbox and
// wait there until a process with a mail server delivers them.
//
// Failures of a round (database down, …) are logged and the next round tries again.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "service/mail/deadline_reminders.h"
#include "service/mail/outbox_sender.h"

namespace bd::service {

class MailWorker {
 public:
  // reminders may be null (sending only), sender may be null (enqueueing only).
  // Both must outlive the worker.
  MailWorker(DeadlineReminders* reminders, OutboxSender* sender, std::chrono::milliseconds interval);
  ~MailWorker();
  MailWorker(const MailWorker&) = delete;
  MailWorker& operator=(const MailWorker&) = delete;

  void start();
  void stop();
  // One round on the calling thread (also used by tests and `breachdesk mail send`).
  void run_once();

 private:
  void loop();

  DeadlineReminders* reminders_;
  OutboxSender* sender_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace bd::service
