#include "core/fhir_r4_check.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <set>

namespace attune::testing {
namespace {

using nlohmann::json;
using Problems = std::vector<std::string>;

const std::regex kId("[A-Za-z0-9\\-\\.]{1,64}");
const std::regex kName("[A-Z]([A-Za-z0-9_]){0,254}");
const std::regex kDateTime(
    "([0-9]{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9]:"
    "([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?");
const std::regex kInstant(
    "([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:"
    "([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))");
const std::regex kUri("\\S+");

void need(Problems& p, bool ok, const std::string& what) {
  if (!ok) p.push_back(what);
}

// Only the listed elements may appear (the resource has no others in R4).
void only(Problems& p, const json& object, std::set<std::string> allowed, const std::string& at) {
  for (const auto& [key, value] : object.items()) {
    need(p, allowed.contains(key), at + ": unknown element " + key);
  }
}

bool string_matching(const json& object, const char* key, const std::regex& pattern) {
  return object.contains(key) && object[key].is_string() &&
         std::regex_match(object[key].get<std::string>(), pattern);
}

void optional_string(Problems& p, const json& object, const char* key, const std::string& at) {
  if (object.contains(key))
    need(p, object[key].is_string() && !object[key].get<std::string>().empty(),
         at + "." + key + " must be a non-empty string");
}

void optional_bool(Problems& p, const json& object, const char* key, const std::string& at) {
  if (object.contains(key)) need(p, object[key].is_boolean(), at + "." + key + " must be boolean");
}

// value[x]: exactly one of the allowed choice types, with the right JSON type.
std::optional<std::string> value_choice(Problems& p, const json& object, const std::string& at) {
  static const std::set<std::string> kAllowed{"valueBoolean", "valueDecimal",  "valueInteger",
                                              "valueDate",    "valueDateTime", "valueTime",
                                              "valueString",  "valueUri",      "valueAttachment",
                                              "valueCoding",  "valueQuantity", "valueReference"};
  std::optional<std::string> found;
  for (const auto& [key, value] : object.items()) {
    if (key.rfind("value", 0) != 0) continue;
    need(p, kAllowed.contains(key), at + ": " + key + " is not an allowed value type");
    need(p, !found, at + ": more than one value[x]");
    found = key;
    if (key == "valueInteger")
      need(p, value.is_number_integer(), at + ".valueInteger must be an integer");
  }
  need(p, found.has_value(), at + ": value[x] is required");
  return found;
}

void collect_link_ids(Problems& p, const json& items, std::set<std::string>& seen,
                      std::map<std::string, json>& by_id) {
  static const std::set<std::string> kTypes{"group",       "display",    "boolean",   "decimal",
                                            "integer",     "date",       "dateTime",  "time",
                                            "string",      "text",       "url",       "choice",
                                            "open-choice", "attachment", "reference", "quantity"};
  for (const auto& item : items) {
    const std::string at = "item " + item.value("linkId", std::string("?"));
    only(p, item,
         {"linkId", "definition", "code", "prefix", "text", "type", "enableWhen", "enableBehavior",
          "required", "repeats", "readOnly", "maxLength", "answerValueSet", "answerOption",
          "initial", "item", "id", "extension"},
         at);
    need(p, item.contains("linkId") && item["linkId"].is_string(), at + ": linkId 1..1");
    need(p,
         item.contains("type") && item["type"].is_string() &&
             kTypes.contains(item["type"].get<std::string>()),
         at + ": type 1..1 from the item-type codes");
    optional_string(p, item, "text", at);
    optional_bool(p, item, "required", at);
    optional_bool(p, item, "readOnly", at);
    const std::string id = item.value("linkId", std::string());
    need(p, seen.insert(id).second, at + ": linkId not unique (que-2)");
    by_id[id] = item;
    const std::string type = item.value("type", std::string());
    need(p, type != "group" || item.contains("item"), at + ": group without items (que-1)");
    need(p, type != "display" || (!item.contains("required") && !item.contains("repeats")),
         at + ": display item with required/repeats (que-6)");
    need(p, !(item.contains("answerOption") && item.contains("answerValueSet")), at + ": que-4");
    if (item.contains("answerOption")) {
      need(p,
           type == "choice" || type == "open-choice" || type == "integer" || type == "date" ||
               type == "time" || type == "string",
           at + ": answerOption on a type that takes none (que-5)");
      need(p, item["answerOption"].is_array() && !item["answerOption"].empty(),
           at + ": answerOption must be a non-empty array");
      for (const auto& option : item["answerOption"]) {
        only(p, option,
             {"valueInteger", "valueDate", "valueTime", "valueString", "valueCoding",
              "valueReference", "initialSelected", "id", "extension"},
             at + " answerOption");
        value_choice(p, option, at + " answerOption");
      }
    }
    if (item.contains("item")) collect_link_ids(p, item["item"], seen, by_id);
  }
}

}  // namespace

std::vector<std::string> check_questionnaire(const json& q) {
  Problems p;
  need(p, q.is_object() && q.value("resourceType", "") == "Questionnaire", "resourceType");
  only(p, q, {"resourceType", "id",           "meta",           "text",
              "url",          "identifier",   "version",        "name",
              "title",        "derivedFrom",  "status",         "experimental",
              "subjectType",  "date",         "publisher",      "contact",
              "description",  "useContext",   "jurisdiction",   "purpose",
              "copyright",    "approvalDate", "lastReviewDate", "effectivePeriod",
              "code",         "item",         "extension",      "language"},
       "Questionnaire");
  need(p, string_matching(q, "id", kId), "id format");
  need(p, string_matching(q, "url", kUri), "url must be a uri");
  need(p, !q.contains("name") || string_matching(q, "name", kName), "name (que-0)");
  static const std::set<std::string> kStatus{"draft", "active", "retired", "unknown"};
  need(p,
       q.contains("status") && q["status"].is_string() &&
           kStatus.contains(q["status"].get<std::string>()),
       "status 1..1 from publication-status");
  optional_string(p, q, "title", "Questionnaire");
  optional_string(p, q, "version", "Questionnaire");
  optional_bool(p, q, "experimental", "Questionnaire");
  std::set<std::string> seen;
  std::map<std::string, json> by_id;
  if (q.contains("item")) collect_link_ids(p, q["item"], seen, by_id);
  return p;
}

std::vector<std::string> check_questionnaire_response(const json& r, const json& questionnaire) {
  Problems p;
  need(p, r.is_object() && r.value("resourceType", "") == "QuestionnaireResponse", "resourceType");
  only(p, r,
       {"resourceType", "id", "meta", "text", "identifier", "basedOn", "partOf", "questionnaire",
        "status", "subject", "encounter", "authored", "author", "source", "item", "extension",
        "language"},
       "QuestionnaireResponse");
  need(p, string_matching(r, "id", kId), "id format");
  static const std::set<std::string> kStatus{"in-progress", "completed", "amended",
                                             "entered-in-error", "stopped"};
  need(p,
       r.contains("status") && r["status"].is_string() &&
           kStatus.contains(r["status"].get<std::string>()),
       "status 1..1 from questionnaire-answers-status");
  need(p, string_matching(r, "authored", kDateTime), "authored must be a dateTime");
  const std::string canonical =
      questionnaire.value("url", "") + "|" + questionnaire.value("version", "");
  need(p, r.value("questionnaire", "") == canonical,
       "questionnaire must be the canonical url|version");
  if (r.contains("author")) {
    need(p,
         r["author"].is_object() &&
             (r["author"].contains("reference") || r["author"].contains("display")),
         "author must be a Reference");
  }
  std::set<std::string> seen;
  std::map<std::string, json> by_id;
  Problems ignored;
  collect_link_ids(ignored, questionnaire.value("item", json::array()), seen, by_id);
  std::set<std::string> answered;
  for (const auto& item : r.value("item", json::array())) {
    const std::string id = item.value("linkId", "");
    const std::string at = "response item " + id;
    only(p, item, {"linkId", "definition", "text", "answer", "item", "id", "extension"}, at);
    need(p, !id.empty(), at + ": linkId 1..1");
    need(p, by_id.contains(id), at + ": linkId not in the Questionnaire");
    need(p, answered.insert(id).second, at + ": answered twice");
    if (!by_id.contains(id)) continue;
    const auto& question = by_id[id];
    for (const auto& answer : item.value("answer", json::array())) {
      only(p, answer,
           {"valueBoolean", "valueDecimal", "valueInteger", "valueDate", "valueDateTime",
            "valueTime", "valueString", "valueUri", "valueAttachment", "valueCoding",
            "valueQuantity", "valueReference", "item", "id", "extension"},
           at);
      const auto kind = value_choice(p, answer, at);
      const std::string type = question.value("type", "");
      if (type == "integer")
        need(p, kind == "valueInteger", at + ": integer item needs valueInteger");
      if (question.contains("answerOption") && kind) {
        const bool listed = std::ranges::any_of(question["answerOption"], [&](const json& o) {
          return o.contains(*kind) && o[*kind] == answer[*kind];
        });
        need(p, listed, at + ": answer is not one of the answerOptions");
      }
    }
  }
  if (r.value("status", "") == "completed") {
    for (const auto& [id, question] : by_id) {
      if (question.value("required", false))
        need(p, answered.contains(id), "required item " + id + " unanswered");
    }
  }
  return p;
}

std::vector<std::string> check_response_bundle(const json& b,
                                               const std::vector<json>& questionnaires) {
  Problems p;
  need(p, b.is_object() && b.value("resourceType", "") == "Bundle", "resourceType");
  only(p, b,
       {"resourceType", "id", "meta", "identifier", "type", "timestamp", "total", "link", "entry",
        "signature", "language"},
       "Bundle");
  static const std::set<std::string> kTypes{
      "document", "message",   "transaction", "transaction-response", "batch", "batch-response",
      "history",  "searchset", "collection"};
  need(p,
       b.contains("type") && b["type"].is_string() && kTypes.contains(b["type"].get<std::string>()),
       "type 1..1 from bundle-type");
  const std::string type = b.value("type", "");
  need(p, !b.contains("total") || type == "searchset" || type == "history", "bdl-1");
  need(p, !b.contains("timestamp") || string_matching(b, "timestamp", kInstant),
       "timestamp must be an instant");
  for (const auto& entry : b.value("entry", json::array())) {
    only(p, entry, {"link", "fullUrl", "resource", "search", "request", "response", "id"}, "entry");
    need(p, !entry.contains("search") || type == "searchset", "bdl-2");
    need(p, entry.contains("resource"), "entry.resource (bdl-5)");
    if (!entry.contains("resource")) continue;
    const auto& resource = entry["resource"];
    const auto match = std::ranges::find_if(questionnaires, [&](const json& q) {
      return resource.value("questionnaire", "") ==
             q.value("url", "") + "|" + q.value("version", "");
    });
    need(p, match != questionnaires.end(), "entry names an unknown questionnaire");
    if (match == questionnaires.end()) continue;
    for (auto& problem : check_questionnaire_response(resource, *match)) p.push_back(problem);
  }
  return p;
}

}  // namespace attune::testing
