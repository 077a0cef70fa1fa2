#include "http/therapist_account.h"

#include <unistd.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace attune::http::test {

Person add_therapist(const AttuneProcess& server, Api& api, const std::string& name) {
  static int made = 0;
  Person person;
  person.email =
      "therapist-" + std::to_string(++made) + "-" + std::to_string(::getpid()) + "@example.test";
  const std::string password = "a long therapist password";
  const std::string command = std::string(ATTUNE_BINARY) + " user add --therapist --email '" +
                              person.email + "' --name '" + name + "' --data-dir '" +
                              server.data_dir().string() + "' --content-dir '" + ATTUNE_SOURCE_DIR +
                              "/content' > /dev/null";
  FILE* pipe = ::popen(command.c_str(), "w");
  if (!pipe) throw std::runtime_error("cannot run attune user add");
  std::fputs((password + "\n").c_str(), pipe);
  if (::pclose(pipe) != 0) throw std::runtime_error("attune user add failed");
  auto login = api.call("POST", "/api/v1/auth/login",
                        nlohmann::json{{"email", person.email}, {"password", password}}.dump());
  if (login.status != 200) throw std::runtime_error("therapist login failed: " + login.body);
  auto json = nlohmann::json::parse(login.body);
  person.id = json["account"]["id"];
  person.token = json["token"];
  person.csrf = json["csrf_token"];
  return person;
}

void link_therapist(Api& api, const std::string& rid, const Person& therapist,
                    const std::vector<const Person*>& partners) {
  auto code = api.call("POST", "/api/v1/therapist/link-codes", "", &therapist);
  if (code.status != 201) throw std::runtime_error("link code: " + code.body);
  const std::string requested = nlohmann::json{
      {"code", nlohmann::json::parse(code.body)["code"]},
      {"understood", true}}.dump();
  auto request =
      api.call("POST", "/api/v1/relationships/" + rid + "/therapist", requested, partners.at(0));
  if (request.status != 201) throw std::runtime_error("link request: " + request.body);
  for (std::size_t i = 1; i < partners.size(); ++i) {
    auto consent = api.call("POST", "/api/v1/relationships/" + rid + "/therapist/consent",
                            R"({"understood":true})", partners[i]);
    if (consent.status != 200) throw std::runtime_error("link consent: " + consent.body);
  }
}

}  // namespace attune::http::test
