// Every file the server creates in its data directory is readable by its owner alone, even
// when the operator made the directory itself readable by everyone.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include <filesystem>

#include "http/attune_process.h"

namespace attune::http::test {
namespace {

namespace fs = std::filesystem;

TEST(DataFiles, AreTheOwnersAloneWhateverTheDirectoryAllows) {
  AttuneProcess server({}, true);  // no harness config file in the directory
  fs::permissions(server.data_dir(), fs::perms::owner_all | fs::perms::group_read |
                                         fs::perms::group_exec | fs::perms::others_read |
                                         fs::perms::others_exec);
  // Files made after the change too: a write grows the WAL, a restart reopens everything.
  server.kill_hard();
  server.start();
  Api api(server.port());
  Person person = api.sign_up("Robin");
  ASSERT_EQ(api.call("POST", "/api/v1/relationships", R"({"name":"Ours"})", &person).status, 201);
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(server.data_dir())) {
    if (!entry.is_regular_file()) continue;
    ++files;
    const auto perms = entry.status().permissions();
    EXPECT_EQ(perms & (fs::perms::group_all | fs::perms::others_all), fs::perms::none)
        << entry.path() << " is open to others";
  }
  EXPECT_GE(files, 2);  // at least the database and the key
}

}  // namespace
}  // namespace attune::http::test
