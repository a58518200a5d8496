#include "syntax/text_checks.hpp"

#include <fmt/format.h>

#include "ectflow/authoring.hpp"

namespace ectflow::syntax {

bool has_utf8_bom(std::string_view text) { return text.substr(0, 3) == "\xEF\xBB\xBF"; }

std::size_t first_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char c = bytes[i];
    std::size_t length = 0;
    std::uint32_t min = 0;
    if (c < 0x80) length = 1;
    else if ((c & 0xE0) == 0xC0) length = 2, min = 0x80;
    else if ((c & 0xF0) == 0xE0) length = 3, min = 0x800;
    else if ((c & 0xF8) == 0xF0) length = 4, min = 0x10000;
    else return i;
    if (i + length > text.size()) return i;
    std::uint32_t code = length == 1 ? c : (c & (0x7F >> length));
    for (std::size_t k = 1; k < length; ++k) {
      if ((bytes[i + k] & 0xC0) != 0x80) return i;
      code = (code << 6) | (bytes[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if (length > 1 && (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))) return i;
    i += length;
  }
  return std::string_view::npos;
}

std::optional<TextProblem> check_flow_text(std::string_view text) {
  if (text.size() > kMaxFlowFileBytes) {
    return TextProblem{0, "file-too-large",
                       fmt::format("this file is {} bytes; flow files may be at most {} bytes "
                                   "(kMaxFlowFileBytes): split it into several files",
                                   text.size(), kMaxFlowFileBytes)};
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      return TextProblem{static_cast<std::uint32_t>(i), "binary-file",
                         fmt::format("this looks like a binary file, not a flow file: it holds the "
                                     "control byte 0x{:02X}; flow files are plain UTF-8 text",
                                     c)};
    }
  }
  if (auto bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    return TextProblem{static_cast<std::uint32_t>(bad), "not-utf8",
                       fmt::format("byte 0x{:02X} is not valid UTF-8; save the file as UTF-8",
                                   static_cast<unsigned char>(text[bad]))};
  }
  return std::nullopt;
}

}  // namespace ectflow::syntax
