// The sarif format: a SARIF 2.1.0 log, so code-scanning tools can show flow problems inline.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "diagnostics/render.hpp"

namespace ectflow::diagnostics {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSarifSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kProjectUri = "https://github.com/ectflow/ectflow";
// Each diagnostic code has a section in docs/diagnostics.md, anchored by the code itself.
constexpr std::string_view kRuleHelpUri =
    "https://github.com/ectflow/ectflow/blob/main/docs/diagnostics.md#{}";
// Relative flow paths are relative to the directory ectflow ran in.
constexpr std::string_view kSourceRoot = "SRCROOT";

// Percent-encodes a path for a URI reference, keeping '/' and RFC 3986 unreserved characters.
std::string encode_path(std::string_view path) {
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    out += unreserved ? std::string(1, c) : fmt::format("%{:02X}", byte);
  }
  return out;
}

Json artifact_location(std::string_view path) {
  if (path.starts_with('/')) return {{"uri", "file://" + encode_path(path)}};
  while (path.starts_with("./")) path.remove_prefix(2);
  return {{"uri", encode_path(path)}, {"uriBaseId", kSourceRoot}};
}

Json region(const Location& location) {
  return {{"startLine", location.start.line},
          {"startColumn", location.start.column},
          {"endLine", location.end.line},
          {"endColumn", location.end.column}};
}

Json physical_location(const Location& location) {
  return {{"artifactLocation", artifact_location(location.path)}, {"region", region(location)}};
}

Json fix(const Diagnostic& diagnostic, const Location& location) {
  const std::string& text = *diagnostic.replacement;
  const std::string description =
      text.empty() ? "Remove this text" : fmt::format("Replace with \"{}\"", text);
  Json replacement = {{"deletedRegion", region(location)}, {"insertedContent", {{"text", text}}}};
  Json change = {{"artifactLocation", artifact_location(location.path)},
                 {"replacements", Json::array({replacement})}};
  return {{"description", {{"text", description}}}, {"artifactChanges", Json::array({change})}};
}

Json result(const Diagnostic& diagnostic, std::size_t rule_index, const SourceSet& sources) {
  Json object = {{"ruleId", diagnostic.code},
                 {"ruleIndex", rule_index},
                 {"level", to_string(diagnostic.severity)},
                 {"message", {{"text", diagnostic.message}}}};
  const auto location = locate(sources, diagnostic.span);
  if (location)
    object["locations"] = Json::array({{{"physicalLocation", physical_location(*location)}}});

  Json related = Json::array();
  for (const DiagnosticNote& note : diagnostic.notes) {
    Json entry = {{"id", related.size()}, {"message", {{"text", note.message}}}};
    if (auto note_location = locate(sources, note.span)) {
      entry["physicalLocation"] = physical_location(*note_location);
    }
    related.push_back(std::move(entry));
  }
  if (!related.empty()) object["relatedLocations"] = std::move(related);
  if (diagnostic.replacement && location)
    object["fixes"] = Json::array({fix(diagnostic, *location)});
  return object;
}

}  // namespace

std::string render_sarif(const std::vector<Diagnostic>& diagnostics, const SourceSet& sources) {
  // One rule per distinct code, in code order; results point at theirs by index.
  std::map<std::string, std::size_t> rule_indexes;
  for (const Diagnostic& diagnostic : diagnostics) rule_indexes.emplace(diagnostic.code, 0);
  Json rules = Json::array();
  for (auto& [code, index] : rule_indexes) {
    index = rules.size();
    rules.push_back(
        {{"id", code}, {"helpUri", fmt::format(fmt::runtime(kRuleHelpUri), encode_path(code))}});
  }
  Json results = Json::array();
  for (const Diagnostic& diagnostic : diagnostics) {
    results.push_back(result(diagnostic, rule_indexes.at(diagnostic.code), sources));
  }
  const Json driver = {{"name", "ectflow"}, {"informationUri", kProjectUri}, {"rules", rules}};
  const Json source_root = {
      {"description", {{"text", "The directory ectflow ran in; flow paths are relative to it."}}}};
  const Json run = {{"tool", {{"driver", driver}}},
                    {"originalUriBaseIds", {{kSourceRoot, source_root}}},
                    {"columnKind", "unicodeCodePoints"},
                    {"results", std::move(results)}};
  const Json log = {
      {"$schema", kSarifSchemaUri}, {"version", "2.1.0"}, {"runs", Json::array({run})}};
  return log.dump(2, ' ', false, Json::error_handler_t::replace) + '\n';
}

}  // namespace ectflow::diagnostics
