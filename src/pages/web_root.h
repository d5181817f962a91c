// Where the web assets live: <root>/templates, <root>/static and <root>/i18n.
//
// The default is the source tree this binary was built from (so `make run` and the
// tests need no flag); an installed layout passes its own root (`serve --web-root`).
// Pure functions, thread-safe; nothing is checked here, loading reports missing files.
#pragma once

#include <filesystem>

namespace bd::pages {

// The source tree's root, fixed at build time.
std::filesystem::path default_web_root();

inline std::filesystem::path templates_dir(const std::filesystem::path& root) { return root / "templates"; }
inline std::filesystem::path static_dir(const std::filesystem::path& root) { return root / "static"; }
inline std::filesystem::path i18n_dir(const std::filesystem::path& root) { return root / "i18n"; }

}  // namespace bd::pages
