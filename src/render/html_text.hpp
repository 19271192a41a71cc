// The pieces every html page of jixiao shares: text escaped for html, and the page's head with
// its print-ready style sheet (A4, CJK fonts).
#pragma once

#include <string>

namespace jx::rendering {

std::string html_escape(const std::string& s);

// <!DOCTYPE html> … <body>, titled.
std::string html_head(const std::string& title);

} // namespace jx::rendering
