// The exit statuses every command shares: 0 clean (or warnings only), 1 error-level findings, 2
// usage or I/O errors.
#pragma once

namespace jx::driver {

inline constexpr int exit_ok = 0, exit_findings = 1, exit_usage = 2;

} // namespace jx::driver
