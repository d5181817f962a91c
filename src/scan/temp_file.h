// Unnamed temporary files for the scanner: the copy of a nested 7z it must seek in
// (scan/input) and the spilled hashes of its distinct counts (scan/count).
//
// The file is created 0600 in $TMPDIR (else /tmp) with O_TMPFILE, so it has no name
// on disk while open and nothing is left behind even when the process dies; on file
// systems without O_TMPFILE it is created under a unique name and unlinked at once.
// Failure: -1 with errno set, like open(2). The caller owns the descriptor.
#pragma once

#include <string>

namespace bd::scan {

// `name_prefix` names the fallback file ("breachdesk-count") for the moment it exists.
int open_unnamed_temp_file(const char* name_prefix);

// Where the scanner's temporary files go: $TMPDIR, else /tmp.
std::string temp_directory();

}  // namespace bd::scan
