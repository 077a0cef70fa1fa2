#include "live/nudge_socket.h"

#include <nlohmann/json.hpp>

namespace attune::live {

void NudgeSocket::on_open(std::shared_ptr<Connection> connection) {
  connection_ = std::move(connection);
  hub_->subscribe(person_, connection_, id_);
}

void NudgeSocket::on_message(std::string text) {
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_object() && json.value("type", "") == "ping") {
    connection_->send(
        nlohmann::json{{"type", "pong"}, {"t", json.value("t", nlohmann::json(nullptr))}}.dump());
    return;
  }
  connection_->send(
      R"({"type":"error","error":{"code":"invalid_json","message":"Unknown message."}})");
}

void NudgeSocket::on_close() {
  hub_->unsubscribe(person_.account_id, id_);
  connection_.reset();
}

}  // namespace attune::live
