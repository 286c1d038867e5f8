#include "server/html.hpp"

namespace lotse::server::html {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string page(std::string_view title, std::string_view body) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  out += escape(title);
  out += " - Lotse</title>\n<link rel=\"stylesheet\" href=\"/static/lotse.css\">\n</head>\n<body>\n<main>\n<h1>";
  out += escape(title);
  out += "</h1>\n";
  out += body;
  out += "\n</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace lotse::server::html
