// Writes archives for the generated corpus through libarchive: tar (optionally gzip or
// zstd compressed) and zip. Throws std::runtime_error on failure (generator only).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace bd::gen {

using ArchiveEntries = std::vector<std::pair<std::string, const std::string*>>;  // name, bytes

// format "zip" or "tar"; filter "", "gzip" or "zstd".
void write_archive_file(const std::string& path, const std::string& format, const std::string& filter,
                        const ArchiveEntries& entries);
std::string archive_in_memory(const std::string& format, const std::string& filter, const ArchiveEntries& entries);

}  // namespace bd::gen
