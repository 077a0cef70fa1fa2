// The binary finds the web client and the content library beside itself: installed under
// <prefix>/share/attune, or in the checkout it was built in; settings always win.
#include "cli/install_paths.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace attune::cli {
namespace {

namespace fs = std::filesystem;

class InstallPaths : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("attune-install-paths-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  // An empty file at root_/relative, with its directories.
  void touch(const fs::path& relative) {
    fs::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative).put('\n');
  }

  fs::path root_;
};

TEST_F(InstallPaths, FindsTheInstalledShareDirectoryBesideBin) {
  touch("usr/share/attune/web/index.html");
  touch("usr/share/attune/content/catalogue.toml");
  const fs::path binary = root_ / "usr/bin/attune";
  EXPECT_EQ(find_web_dir(binary), (root_ / "usr/share/attune/web").string());
  EXPECT_EQ(find_content_dir(binary), (root_ / "usr/share/attune/content").string());
}

TEST_F(InstallPaths, FindsTheCheckoutABuildDirectorySitsIn) {
  touch("checkout/web/dist/index.html");
  touch("checkout/content/catalogue.toml");
  const fs::path binary = root_ / "checkout/build/attune";
  EXPECT_EQ(find_web_dir(binary), (root_ / "checkout/web/dist").string());
  EXPECT_EQ(find_content_dir(binary), (root_ / "checkout/content").string());
}

TEST_F(InstallPaths, PrefersTheInstalledCopyOverAStrayCheckoutLayout) {
  touch("opt/share/attune/content/catalogue.toml");
  touch("opt/content/catalogue.toml");
  EXPECT_EQ(find_content_dir(root_ / "opt/bin/attune"),
            (root_ / "opt/share/attune/content").string());
}

TEST_F(InstallPaths, SkipsADirectoryWithoutItsMarkerFile) {
  // An unbuilt web/ (sources, no dist/index.html) is not a web client.
  touch("checkout/web/index.html");
  fs::create_directories(root_ / "checkout/web/dist");
  fs::create_directories(root_ / "usr/share/attune/content");
  EXPECT_EQ(find_web_dir(root_ / "checkout/build/attune"), "web/dist");
  EXPECT_EQ(find_content_dir(root_ / "usr/bin/attune"), "content");
}

TEST_F(InstallPaths, FallsBackToTheWorkingDirectoryWithoutAKnownBinary) {
  EXPECT_EQ(find_web_dir(fs::path()), "web/dist");
  EXPECT_EQ(find_content_dir(fs::path()), "content");
}

TEST_F(InstallPaths, LeavesDirectoriesTheSettingsNamed) {
  touch("usr/share/attune/web/index.html");
  touch("usr/share/attune/content/catalogue.toml");
  Settings settings;
  settings.web_dir = "/srv/reviewed-web";
  locate_shipped_dirs(settings, root_ / "usr/bin/attune");
  EXPECT_EQ(settings.web_dir, "/srv/reviewed-web");
  EXPECT_EQ(settings.content_dir, (root_ / "usr/share/attune/content").string());
}

TEST(RunningExecutable, IsThisTestBinary) {
  EXPECT_EQ(running_executable().filename(), "cli_tests");
  EXPECT_TRUE(running_executable().is_absolute());
}

}  // namespace
}  // namespace attune::cli
