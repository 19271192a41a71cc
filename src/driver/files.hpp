// The one way jixiao writes a file (fmt, import, render in every format). The contract:
//
// - Complete or absent: the contents go to a temporary file in the target's directory, created
//   with O_EXCL under a short random name (`.jixiao-<pid>-XXXXXX`, so any legal target name
//   works); it is fsync'ed, renamed over the target, and the directory is fsync'ed.
// - Only regular files are replaced: a target that is a device, FIFO, socket or directory is
//   refused, and so is a target that is an input of the same run (by device and inode, so a link
//   planted under an output name cannot make a run overwrite its own input).
// - A symbolic link given as the target is followed: the file it points at is replaced and the
//   link stays a link; a link to a missing file is refused. The temporary file is never followed:
//   it is created by the run itself (O_EXCL, or inside a directory only this run can write to).
// - The replaced file keeps its mode, owner and group (owner and group as far as the user may
//   set them); a new file gets 0666 less the umask.
// - A file with several hard links is rewritten in place (after the new contents were written
//   out in full beside it), so that every name keeps seeing the same file: replacing it would
//   detach the name written from the others.
// - Temporary files left by a run that was killed are removed by the next run writing into that
//   directory (their name carries the pid; only files of processes that are gone are removed).
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace jx::driver {

class OutputWriter {
public:
    // An input of this run: writing over it (through any link) is refused.
    void protect(const std::string& input_path);

    bool write(const std::string& path, std::string_view contents, std::string& error);

    // For writers that can only write to a path of their own choosing (libxlsxwriter): `produce`
    // writes the file at the path it is given, inside a directory only this run can write to;
    // its errors name that path, so they are rewritten to name `path`.
    using Producer = std::function<bool(const std::string& path, std::string& error)>;
    bool write_with(const std::string& path, const Producer& produce, std::string& error);

private:
    bool prepare(const std::string& path, std::string& target, std::string& error);
    // `contents` is none when the file at `tmp` (open as `fd`) already holds them.
    bool finish(const std::string& path, const std::string& target, int fd, const std::string& tmp,
                const std::string_view* contents, std::string& error);
    void remove_stale_temporaries(const std::string& dir);

    std::map<std::pair<dev_t, ino_t>, std::string> inputs_;
    std::set<std::string> cleaned_;
};

// One write with a writer of its own (no inputs protected).
bool write_atomically(const std::string& path, std::string_view contents, std::string& error);

} // namespace jx::driver
