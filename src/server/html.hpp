// Server-rendered HTML: escaping and the page frame. Every piece of text
// that did not come from the program itself goes through escape() before it
// reaches a page, so a report whose description is `<script>` shows the
// characters, never runs them. Pages work without JavaScript and load no
// external resources. Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace lotse::server::html {

// `text` with & < > " ' replaced by character references: safe in element
// content and in quoted attribute values.
std::string escape(std::string_view text);

// A complete HTML5 document titled `title` around `body` (already HTML).
std::string page(std::string_view title, std::string_view body);

}  // namespace lotse::server::html
