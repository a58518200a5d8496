// Is this text a flow file at all? Size, binary content and UTF-8 are checked before parsing,
// so the grammar only ever sees well-formed text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ectflow::syntax {

struct TextProblem {
  std::uint32_t offset;
  std::string code;
  std::string message;
};

std::optional<TextProblem> check_flow_text(std::string_view text);
bool has_utf8_bom(std::string_view text);
// Offset of the first byte that is not part of well-formed UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view text);

}  // namespace ectflow::syntax
