// The Unicode rules of the flow language's text builtins, in one place: code points from UTF-8,
// white space, and simple (one-to-one) case mappings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ectflow::expr {

std::vector<char32_t> decode_utf8(std::string_view text);  // invalid bytes become U+FFFD
std::string encode_utf8(const std::vector<char32_t>& code_points);
bool is_white_space(char32_t c);  // ECMAScript's white space (see unicode.cpp)
char32_t simple_casefold(char32_t c);
char32_t simple_upper(char32_t c);
char32_t simple_lower(char32_t c);
// `lower`: every code point through simple_lower (ASCII without decoding).
std::string lower_text(std::string_view text);

}  // namespace ectflow::expr
