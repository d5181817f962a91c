// read_sqlite_database: the tables of a SQLite database file (an app's data, a tool's
// export, a forgotten copy of a customer database) as TSV members, one per table
// ("app.db!klant"): a line of its column names, then one line per row. Tabs and line
// breaks inside a value become spaces, as in a workbook's sheets; NULL and BLOB values
// are empty (a BLOB is binary; its bytes are not text to classify). Rows are read one
// at a time and handed on in chunks of about 1 MiB, so memory does not grow with the
// table.
//
// The file is opened read-only and immutable (SQLite takes no lock, reads no journal
// and writes nothing) through the descriptor the caller holds open
// (/proc/self/fd/N), so the file read is the one that was sniffed. An unnamed
// temporary copy (a database inside an archive) is linked under a name in $TMPDIR
// for the time it is read, since SQLite opens files by name.
// Failure: a file SQLite cannot read (damaged, not a database after all) returns an
// error naming what SQLite said; members already handed on stay counted.
#pragma once

#include <string>

#include "scan/input/xlsx.h"

namespace bd::scan::input {

Status read_sqlite_database(int fd, const std::string& path, const SheetCallbacks& callbacks);

}  // namespace bd::scan::input
