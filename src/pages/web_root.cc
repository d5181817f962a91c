#include "pages/web_root.h"

namespace bd::pages {

std::filesystem::path default_web_root() {
  // This file is src/pages/web_root.cc; CMake compiles it by absolute path, so the
  // source root is three levels up. BD_WEB_ROOT, when defined by the build, wins.
#ifdef BD_WEB_ROOT
  return std::filesystem::path(BD_WEB_ROOT);
#else
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
#endif
}

}  // namespace bd::pages
