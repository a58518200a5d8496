// UTF-8 decoding that never fails: each invalid byte is one unit, so columns stay countable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ectflow::diagnostics {

// One code point, or one byte that is not part of a valid UTF-8 sequence.
struct Utf8Unit {
  char32_t code_point = 0;   // U+FFFD when !valid
  std::uint32_t length = 1;  // bytes
  bool valid = true;
};

// Decodes the unit starting at text[pos] (pos < text.size()). Overlong forms, surrogates,
// values past U+10FFFF and truncated sequences are invalid, one byte at a time.
Utf8Unit decode_utf8(std::string_view text, std::size_t pos);

// How many units text holds: code points, counting each invalid byte as one.
std::uint32_t count_units(std::string_view text);

}  // namespace ectflow::diagnostics
