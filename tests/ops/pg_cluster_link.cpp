// The store tests' throwaway PostgreSQL cluster, compiled into the operator tools' tests too, so
// the PostgreSQL backup and restore run against a real server. Should the cluster helper gain
// another source file, it is included here as well.
#include "store/pg_cluster.cpp"      // NOLINT(bugprone-suspicious-include)
#include "store/postgres_child.cpp"  // NOLINT(bugprone-suspicious-include)
