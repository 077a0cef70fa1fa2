#include "http/worker_pool.h"

#include <algorithm>

namespace attune::http {

WorkerPool::WorkerPool(int threads) : pool_(static_cast<std::size_t>(std::max(threads, 1))) {}

WorkerPool::~WorkerPool() { join(); }

void WorkerPool::join() { pool_.join(); }

}  // namespace attune::http
