#include "live/practice_socket.h"

#include <nlohmann/json.hpp>

namespace attune::live {

void PracticeSocket::on_open(std::shared_ptr<Connection> connection) {
  connection_ = std::move(connection);
  hub_->subscribe(practice_id_, participant_, connection_, id_);
}

void PracticeSocket::on_message(std::string text) {
  // Pings are answered here, without touching the store, so they measure the link itself.
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_object() && json.value("type", "") == "ping") {
    connection_->send(
        nlohmann::json{{"type", "pong"}, {"t", json.value("t", nlohmann::json(nullptr))}}.dump());
    return;
  }
  hub_->handle_message(practice_id_, participant_, connection_, id_, std::move(text));
}

void PracticeSocket::on_close() {
  hub_->unsubscribe(practice_id_, participant_, id_);
  connection_.reset();
}

}  // namespace attune::live
