// Runs PostgreSQL's programs (initdb, the server) as child processes of the tests, as the
// postgres user when the tests run as root, since both refuse to run as root.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace attune::store::testing {

// Starts `args` (an absolute program path first) with stdout and stderr appended to
// `log`. With `die_with_parent` the kernel sends the child SIGQUIT, PostgreSQL's
// immediate shutdown, when the calling thread ends, so a crashed or killed test run
// leaves no server behind. Throws std::runtime_error when it cannot start.
pid_t spawn_postgres_program(std::vector<std::string> args, const std::string& log,
                             bool die_with_parent);

// Waits for the child to end; true when it exited with status 0.
bool wait_for_exit(pid_t pid);

// Whether the child still runs; reaps it if it has ended.
bool still_running(pid_t pid);

}  // namespace attune::store::testing
