// A live connection for hub tests: keeps every message the hub sends, from any thread,
// and lets a test wait until a number of states has arrived.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "live/connection.h"

namespace attune::live::testing {

class RecordingConnection final : public Connection {
 public:
  void send(std::string text) override {
    std::lock_guard lock(mutex_);
    messages_.push_back(nlohmann::json::parse(text));
    arrived_.notify_all();
  }
  void close() override {
    std::lock_guard lock(mutex_);
    closed_ = true;
    arrived_.notify_all();
  }

  // The seq of every state received, in order of arrival.
  std::vector<std::int64_t> seqs() const {
    std::lock_guard lock(mutex_);
    std::vector<std::int64_t> seqs;
    for (const auto& message : messages_) {
      if (message.at("type") == "state") seqs.push_back(message.at("state").at("seq"));
    }
    return seqs;
  }
  std::vector<nlohmann::json> messages() const {
    std::lock_guard lock(mutex_);
    return messages_;
  }
  bool closed() const {
    std::lock_guard lock(mutex_);
    return closed_;
  }
  nlohmann::json last_state() const {
    std::lock_guard lock(mutex_);
    for (auto it = messages_.rbegin(); it != messages_.rend(); ++it) {
      if (it->at("type") == "state") return it->at("state");
    }
    return nullptr;
  }
  // True once at least n messages have arrived (false after a 5 s wait).
  bool await_messages(std::size_t n) const {
    std::unique_lock lock(mutex_);
    return arrived_.wait_for(lock, std::chrono::seconds(5), [&] { return messages_.size() >= n; });
  }

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable arrived_;
  std::vector<nlohmann::json> messages_;
  bool closed_ = false;
};

}  // namespace attune::live::testing
