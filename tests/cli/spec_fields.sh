# Sourced by the round-trip tests: the fields of a spec, as compared after a trip through an office
# suite or a browser.
# The same fields, row for row: comments, alignment, the quotes of a value the importer
# writes bare (35件/次 for "35件/次"), 总计 for 总分, 执行率 100% for 执行率 100 (one rate), a funds
# figure's 万 in a block of 万元 (one amount) and a goals block of empty texts aside. The level-1
# blocks and closing braces aside too: a level 2 a table lists under another level 1's merged cell
# (可持续影响指标 under 产出指标) comes back under the level 1 the official tree gives it, as import
# places a row whose level-1 cell reads blank; the rows and their level 2s are still compared.
fields() {
    fields_with_blocks "$1" | grep -v -E '^ (产出指标|效益指标|满意度指标|成本指标) \{$|^ \}$'
}
fields_with_blocks() {
    grep -v '^ *#' "$1" | sed 's/  *#.*$//; s/"//g; s/  */ /g; s/^ 总计 / 总分 /; s/执行率 \([0-9.]*\)%/执行率 \1/g; /预算数/s/\([0-9]\)万\( \|$\)/\1\2/g' |
        awk '/^ 年度总体目标 \{$/ { held = $0; n = 0; next }
             held != "" { lines[n++] = $0
                          if ($0 == " }") { empty = 1
                              for (i = 0; i < n - 1; i++) if (lines[i] !~ /^ (预期目标|实际完成情况) ?$/) empty = 0
                              if (!empty) { print held; for (i = 0; i < n; i++) print lines[i] }
                              held = "" }
                          next }
             { print }'
}
