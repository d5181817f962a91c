// Convenience umbrella: the Database and every repository it owns.
#pragma once

#include "storage/account_repositories.h"
#include "storage/breach_repository.h"
#include "storage/database.h"
#include "storage/field_cipher.h"
#include "storage/records.h"
#include "storage/workflow_repositories.h"
