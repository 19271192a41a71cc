#!/bin/sh
# The phases of src/ depend one way (README, "Layout"): each folder may include only the folders
# listed for it. Scoring and rendering read the model, never the syntax tree: model/lower.hpp,
# which turns the tree into the model, is the only model header that includes syntax/.
set -u
src=$1
allowed() {
    case $1 in
    base) echo "base" ;;
    vocab) echo "vocab" ;;
    diag) echo "diag base" ;;
    syntax) echo "syntax jixiao vocab diag base" ;;
    format) echo "format syntax jixiao vocab diag base" ;;
    model) echo "model syntax format vocab diag base" ;;
    scoring) echo "scoring model vocab diag base" ;;
    render) echo "render templates scoring model vocab diag base" ;;
    import) echo "import templates format syntax jixiao vocab diag base" ;;
    export) echo "export base" ;;
    templates) echo "templates base" ;;
    driver) echo "driver templates export render import scoring model format syntax jixiao vocab diag base" ;;
    lsp) echo "lsp templates driver export render import scoring model format syntax jixiao vocab diag base" ;;
    cli) echo "cli templates lsp driver export render import scoring model format syntax jixiao vocab diag base" ;;
    *) echo "" ;;
    esac
}
status=0
for dir in "$src"/*/; do
    phase=$(basename "$dir")
    ok=$(allowed "$phase")
    [ -n "$ok" ] || { echo "src/$phase: a folder the layering does not know; add it to tests/layering.sh"; status=1; continue; }
    for file in "$dir"*; do
        for inc in $(sed -n 's/^#include "\([a-z_]*\)\/.*/\1/p' "$file" | sort -u); do
            case " $ok " in
            *" $inc "*) ;;
            *) echo "$file includes $inc/, which src/$phase may not"; status=1 ;;
            esac
        done
    done
done
# Within model/, only the lowering sees the syntax tree.
for file in "$src"/model/*; do
    case $(basename "$file") in lower.hpp | lower.cpp) continue ;; esac
    grep -n '#include "\(syntax\|format\)/' "$file" && { echo "$file: only model/lower.* may include the syntax tree"; status=1; }
done
# Scoring and rendering do not reach the tree through model/lower.hpp either.
grep -rn '#include "model/lower.hpp"' "$src"/scoring "$src"/render && { echo "scoring and render read the model, not its lowering"; status=1; }
[ $status -eq 0 ] && echo "every include follows the layering"
exit $status
