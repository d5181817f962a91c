#include "service/mail/mail_worker.h"

#include <spdlog/spdlog.h>

namespace bd::service {

MailWorker::MailWorker(DeadlineReminders* reminders, OutboxSender* sender, std::chrono::milliseconds interval)
    : reminders_(reminders), sender_(sender), interval_(interval) {}

MailWorker::~MailWorker() { stop(); }

void MailWorker::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

void MailWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MailWorker::run_once() {
  if (reminders_ != nullptr) {
    auto r = reminders_->enqueue_due();
    if (!r.ok()) spdlog::warn("deadline reminders failed: {} {}", r.error().message, r.error().detail);
  }
  if (sender_ == nullptr) return;
  // Deliver in batches until nothing due is left, so a backlog drains in one round.
  for (;;) {
    auto round = sender_->send_due();
    if (!round.ok()) {
      spdlog::warn("mail outbox round failed: {} {}", round.error().message, round.error().detail);
      return;
    }
    if (round->claimed == 0 || round->sent == 0) return;
  }
}

void MailWorker::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    run_once();
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace bd::service
