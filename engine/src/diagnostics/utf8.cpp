// Tolerant UTF-8 decoding for line:column positions and quoted source lines.
#include "diagnostics/utf8.hpp"

namespace ectflow::diagnostics {
namespace {

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

}  // namespace

Utf8Unit decode_utf8(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1, true};

  std::uint32_t length = 0;
  char32_t code_point = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, code_point = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code_point = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code_point = lead & 0x07, minimum = 0x10000;
  } else {
    return {U'\uFFFD', 1, false};
  }
  if (pos + length > text.size()) return {U'\uFFFD', 1, false};
  for (std::uint32_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation(byte)) return {U'\uFFFD', 1, false};
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < minimum || code_point > 0x10FFFF || surrogate) {
    return {U'\uFFFD', 1, false};
  }
  return {code_point, length, true};
}

std::uint32_t count_units(std::string_view text) {
  std::uint32_t units = 0;
  for (std::size_t pos = 0; pos < text.size(); ++units) {
    pos += decode_utf8(text, pos).length;
  }
  return units;
}

}  // namespace ectflow::diagnostics
