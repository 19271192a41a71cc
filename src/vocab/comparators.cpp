#include "vocab/comparators.hpp"

namespace jx::vocab {

const char* cmp_symbol(Cmp c) {
    switch (c) {
    case Cmp::ge:
        return "≥";
    case Cmp::gt:
        return ">";
    case Cmp::le:
        return "≤";
    case Cmp::lt:
        return "<";
    case Cmp::eq:
        return "=";
    }
    return "?";
}

} // namespace jx::vocab
