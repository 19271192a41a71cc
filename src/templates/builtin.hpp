// The built-in templates' YAML texts (builtin.cpp).
#pragma once

namespace jx::templates {

extern const char* const builtin_central;
extern const char* const builtin_beijing;
extern const char* const builtin_sichuan;

} // namespace jx::templates
