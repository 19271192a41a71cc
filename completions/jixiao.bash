# bash completion for jixiao: commands, their options, the values of enum options, and paths
# (.jx specs for check/score/fmt/fix/render; tables for import). Installed into
# share/bash-completion/completions/jixiao by cmake --install.
_jixiao() {
    local cur prev cmd i
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        -*) ;;
        *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "check score fmt fix import render lsp policy templates --help --version" -- "$cur"))
        return
    fi
    case $prev in
    -f | --format)
        if [[ $cmd == render ]]; then
            COMPREPLY=($(compgen -W "xlsx html md csv" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "text json jsonl" -- "$cur"))
        fi
        return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --scores) COMPREPLY=($(compgen -W "reported recomputed both" -- "$cur")); return ;;
    --template | --show) COMPREPLY=($(compgen -W "central beijing sichuan" -- "$cur")); return ;;
    --templates-dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --from) COMPREPLY=($(compgen -W "text csv xlsx docx" -- "$cur")); return ;;
    --policy) COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur")); return ;;
    -o | --output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
    local options
    case $cmd in
    check) options="--format --policy --jobs --color --help" ;;
    score) options="--policy --help" ;;
    fmt) options="--check --help" ;;
    fix) options="--dry-run --policy --help" ;;
    lsp) options="--policy --help" ;;
    import) options="--from --output --force --template --templates-dir --help" ;;
    render) options="--format --scores --policy --output --template --templates-dir --help" ;;
    policy) options="--help" ;;
    templates) options="--show --templates-dir --help" ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    elif [[ $cmd == import ]]; then
        COMPREPLY=($(compgen -f -X '!*.@(txt|csv|xlsx|docx|TXT|CSV|XLSX|DOCX)' -- "$cur") $(compgen -d -- "$cur"))
    else
        COMPREPLY=($(compgen -f -X '!*.jx' -- "$cur") $(compgen -d -- "$cur"))
    fi
}
shopt -s extglob
complete -o filenames -F _jixiao jixiao
