// Writing a file so that it is complete or absent, never half-written: the new contents go to a
// temporary file in the same directory, which is flushed and then renamed over the target.
#pragma once

#include <string>

namespace jx::driver {

bool write_atomically(const std::string& path, const std::string& contents, std::string& error);

} // namespace jx::driver
