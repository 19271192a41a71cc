// Writing a file so that it is complete or absent, never half-written: the new contents go to a
// temporary file in the same directory, which is flushed and then renamed over the target. The
// target keeps its permissions, a new file gets the umask's, and a symbolic link is written
// through to its file.
#pragma once

#include <string>

namespace jx::driver {

bool write_atomically(const std::string& path, const std::string& contents, std::string& error);

// The file that writing `path` should replace: `path` itself, or the file a symbolic link points
// at. False, with `error`, for a link to a missing file.
bool write_target(const std::string& path, std::string& target, std::string& error);

} // namespace jx::driver
