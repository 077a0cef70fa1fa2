// deploy/attune.service: the sandbox it promises (docs/deploy.md) is really in it, and, where
// systemd-analyze is installed, systemd reads every line of it and rates its exposure low.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>

namespace attune::ops {
namespace {

std::string read_unit() {
  std::ifstream in(ATTUNE_SOURCE_DIR "/deploy/attune.service");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The command's stdout and stderr, and its exit status.
std::pair<std::string, int> run(const std::string& command) {
  std::string output;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return {"", -1};
  std::array<char, 4096> buffer{};
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
    output.append(buffer.data(), n);
  }
  const int status = ::pclose(pipe);
  return {output, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

TEST(SystemdUnit, SandboxesTheServiceToItsStateDirectoryAndTheNetwork) {
  const std::string unit = read_unit();
  ASSERT_FALSE(unit.empty());
  for (const char* line : {"NoNewPrivileges=true",
                           "ProtectSystem=strict",
                           "ReadWritePaths=/var/lib/attune",
                           "ProtectHome=true",
                           "PrivateTmp=true",
                           "PrivateDevices=true",
                           "PrivateUsers=true",
                           "PrivateMounts=true",
                           "PrivateIPC=true",
                           "ProtectKernelTunables=true",
                           "ProtectKernelModules=true",
                           "ProtectKernelLogs=true",
                           "ProtectControlGroups=true",
                           "ProtectClock=true",
                           "ProtectHostname=true",
                           "ProtectProc=invisible",
                           "ProcSubset=pid",
                           "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX",
                           "RestrictNamespaces=true",
                           "RestrictRealtime=true",
                           "RestrictSUIDSGID=true",
                           "LockPersonality=true",
                           "MemoryDenyWriteExecute=true",
                           "RemoveIPC=true",
                           "CapabilityBoundingSet=\n",
                           "AmbientCapabilities=\n",
                           "SystemCallArchitectures=native",
                           "SystemCallFilter=@system-service",
                           "SystemCallFilter=~@privileged",
                           "UMask=0077",
                           "StateDirectoryMode=0700",
                           "LoadCredential=master_key:"}) {
    EXPECT_NE(unit.find(std::string("\n") + line), std::string::npos) << line;
  }
  // The master key never travels in the environment itself, only its file's path.
  EXPECT_EQ(unit.find("ATTUNE_MASTER_KEY="), std::string::npos);
}

TEST(SystemdUnit, SystemdAcceptsEveryLineAndRatesItsExposureLow) {
  if (run("command -v systemd-analyze").second != 0) {
    std::cout << "systemd-analyze is not installed: only the lines were checked\n";
    return;
  }
  // ExecStart must name an executable that exists here; the rest is the unit as shipped.
  const auto dir =
      std::filesystem::temp_directory_path() / ("attune-unit-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "attune.service";
  {
    std::ofstream out(path);
    out << std::regex_replace(read_unit(), std::regex("ExecStart=/usr/bin/attune"),
                              std::string("ExecStart=") + ATTUNE_BINARY);
  }
  const auto [verify, verify_status] = run("systemd-analyze verify " + path.string());
  EXPECT_EQ(verify_status, 0) << verify;
  // verify only warns about a misspelt key or a value it cannot parse, so read what it says.
  EXPECT_EQ(verify.find("attune.service:"), std::string::npos) << verify;
  const auto [security, security_status] =
      run("systemd-analyze security --offline=yes --no-pager " + path.string());
  std::smatch level;
  ASSERT_TRUE(std::regex_search(
      security, level, std::regex(R"(Overall exposure level for attune\.service: ([0-9.]+))")))
      << security;
  EXPECT_LE(std::stod(level[1]), 1.5) << security;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace attune::ops
