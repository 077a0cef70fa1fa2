// The real binary, started with / as its working directory, finds its content and web
// client beside itself, and `attune demo` ends by saying exactly what to run next.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct Run {
  int status = -1;
  std::string output;
};

// Runs a shell command from / and returns its exit status and standard output.
Run run_from_root(const std::string& command) {
  Run run;
  FILE* pipe = ::popen(("cd / && " + command).c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer{};
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
    run.output.append(buffer.data(), n);
  }
  run.status = ::pclose(pipe);
  return run;
}

class StartedElsewhere : public ::testing::Test {
 protected:
  void SetUp() override {
    // A space in the path: the printed command must quote it.
    data_dir_ = fs::temp_directory_path() / ("attune demo " + std::to_string(::getpid()));
    fs::remove_all(data_dir_);
  }
  void TearDown() override { fs::remove_all(data_dir_); }

  fs::path data_dir_;
};

TEST_F(StartedElsewhere, DemoSeedsFromRootAndPrintsTheServeCommand) {
  const std::string binary = ATTUNE_BINARY;
  auto run = run_from_root(binary + " demo --data-dir '" + data_dir_.string() + "' 2>&1");
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("river@demo.attune.local"), std::string::npos) << run.output;
  const std::string expected = "\n  " + binary + " serve --data-dir '" + data_dir_.string() + "'\n";
  EXPECT_NE(run.output.find(expected), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("http://127.0.0.1:8080"), std::string::npos) << run.output;
  EXPECT_TRUE(fs::exists(data_dir_ / "master.key"));
}

TEST_F(StartedElsewhere, AMissingContentDirectoryIsNamed) {
  const std::string binary = ATTUNE_BINARY;
  auto run = run_from_root(binary + " demo --data-dir '" + data_dir_.string() +
                           "' --content-dir /nonexistent-attune-content 2>&1");
  EXPECT_NE(run.status, 0);
  EXPECT_NE(run.output.find("/nonexistent-attune-content"), std::string::npos) << run.output;
}

// A pool of no threads would never answer; the config file says so before anything starts.
TEST_F(StartedElsewhere, AThreadCountOutOfRangeIsRefused) {
  const fs::path config =
      fs::temp_directory_path() / ("attune-threads-" + std::to_string(::getpid()) + ".toml");
  for (const char* line : {"write_threads = 0", "worker_threads = 100000"}) {
    { std::ofstream(config) << line << "\n"; }
    auto run = run_from_root(std::string(ATTUNE_BINARY) + " serve --config '" + config.string() +
                             "' --data-dir '" + data_dir_.string() + "' 2>&1");
    EXPECT_NE(run.status, 0) << line;
    const std::string name = std::string(line).substr(0, std::string(line).find(' '));
    EXPECT_NE(run.output.find(name + " must be 1 to 256"), std::string::npos) << run.output;
  }
  fs::remove(config);
}

}  // namespace
