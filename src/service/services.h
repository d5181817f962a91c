// Services: the bundle of use-case services the two front doors (http handlers and
// CLI commands) call. Built once at start-up from an open, migrated storage::Database
// and a Clock; owns every service. The Database and Clock must outlive it.
// ServiceOptions carry what is configured at start: the password-hash cost and the
// assessment configuration in force.
//
// Thread-safety: every service is safe for concurrent use from the worker pool.
#pragma once

#include <memory>

#include "base/clock.h"
#include "service/attachment_service.h"
#include "service/auth_service.h"
#include "service/breach_service.h"
#include "service/export_service.h"
#include "service/organisation_service.h"
#include "service/scan_report_service.h"
#include "service/user_service.h"
#include "service/workflow_service.h"

namespace bd::storage {
class Database;
}

namespace bd::service {

struct ServiceOptions {
  AuthOptions auth;
  // The assessment configuration in force (proposals, the AP deadline, filing checks).
  model::assess::EngineConfig assessment = model::assess::default_config();
};

class Services {
 public:
  Services(storage::Database& db, const Clock& clock, ServiceOptions options = {});
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  AuthService& auth() { return auth_; }
  UserService& users() { return users_; }
  OrganisationService& organisations() { return organisations_; }
  BreachService& breaches() { return breaches_; }
  ExportService& exports() { return exports_; }
  WorkflowService& workflow() { return workflow_; }
  ScanReportService& scan_reports() { return scan_reports_; }
  AttachmentService& attachments() { return attachments_; }

  storage::Database& database() { return db_; }
  const Clock& clock() const { return clock_; }
  const ServiceOptions& options() const { return options_; }

 private:
  storage::Database& db_;
  const Clock& clock_;
  ServiceOptions options_;
  AuthService auth_;
  UserService users_;
  OrganisationService organisations_;
  BreachService breaches_;
  ExportService exports_;
  WorkflowService workflow_;
  ScanReportService scan_reports_;
  AttachmentService attachments_;
};

}  // namespace bd::service
