#include "cli/install_paths.h"

#include <array>
#include <system_error>

namespace attune::cli {
namespace {

namespace fs = std::filesystem;

struct ShippedDir {
  const char* installed;    // below <prefix>/share/attune
  const char* source_tree;  // below the checkout
  const char* marker;       // a file every real copy holds
};

constexpr ShippedDir kWeb{"web", "web/dist", "index.html"};
constexpr ShippedDir kContent{"content", "content", "catalogue.toml"};

bool holds(const fs::path& dir, const char* marker) {
  std::error_code ignored;
  return fs::is_regular_file(dir / marker, ignored);
}

std::string find_shipped(const fs::path& executable, const ShippedDir& shipped) {
  if (!executable.empty()) {
    const fs::path prefix = executable.parent_path().parent_path();
    // <prefix>/bin/attune installed, or <checkout>/build/attune built in place.
    const std::array<fs::path, 2> candidates{prefix / "share" / "attune" / shipped.installed,
                                             prefix / shipped.source_tree};
    for (const auto& dir : candidates) {
      if (holds(dir, shipped.marker)) return dir.lexically_normal().string();
    }
  }
  return shipped.source_tree;
}

}  // namespace

fs::path running_executable() {
  std::error_code error;
  fs::path path = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : path;
}

std::string find_web_dir(const fs::path& executable) { return find_shipped(executable, kWeb); }

std::string find_content_dir(const fs::path& executable) {
  return find_shipped(executable, kContent);
}

void locate_shipped_dirs(Settings& settings, const fs::path& executable) {
  if (settings.web_dir.empty()) settings.web_dir = find_web_dir(executable);
  if (settings.content_dir.empty()) settings.content_dir = find_content_dir(executable);
}

}  // namespace attune::cli
