// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The regular expressions of twitter-text 3.1.0 (and twemoji-parser 11.0.2, which it counts emoji
// with), translated to PCRE2's code-point syntax by tests/support/twitter-text/generate.js and
// checked there against the originals. Used only by social/xtext.cpp.
namespace lux::social::xpatterns {

extern const char16_t *const kUrlPattern;         // extractUrl: groups 2 before, 3 url, 4 protocol, 5 domain, 7 path
extern const char16_t *const kAsciiDomainPattern; // validAsciiDomain
extern const char16_t *const kTcoPattern;         // validTcoUrl: group 1 the slug
extern const char16_t *const kEmojiPattern;       // twemoji-parser's emoji

} // namespace lux::social::xpatterns
