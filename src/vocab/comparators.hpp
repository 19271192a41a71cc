// The comparators a target may state (≥ ＞ ≤ ＜ ＝, 不低于, 以上 …), as every phase knows them: the
// parser reads their spellings into a Cmp, the model and the scoring engine reason with it, the
// policy names them in YAML.
#pragma once

namespace jx::vocab {

enum class Cmp { ge, gt, le, lt, eq };

// ≥ > ≤ < =
const char* cmp_symbol(Cmp c);

} // namespace jx::vocab
