#include "service/services.h"

#include "storage/database.h"

namespace bd::service {

Services::Services(storage::Database& db, const Clock& clock, ServiceOptions options)
    : db_(db),
      clock_(clock),
      options_(options),
      auth_(db, clock, options_.auth),
      users_(db, clock, auth_, options_.auth),
      organisations_(db, clock),
      breaches_(db, clock),
      exports_(breaches_, clock),
      workflow_(db, clock, options_.assessment),
      scan_reports_(db, clock, breaches_),
      attachments_(db, clock, breaches_) {}

}  // namespace bd::service
