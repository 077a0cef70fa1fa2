// Builds the store tests' throwaway PostgreSQL 15 cluster into this test program as well, so
// the durability tests can run the real server on PostgreSQL without a second copy of it.
#include "store/pg_cluster.cpp"
#include "store/postgres_child.cpp"
