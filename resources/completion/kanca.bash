# bash completion for kanca. The commands and each command's options are read from the help of the
# installed kanca itself (`kanca help`, `kanca help COMMAND`, in English), so the completion
# never disagrees with the program.

_kanca_commands()
{
    LC_ALL=C LANGUAGE= kanca help 2>/dev/null |
        sed -n '/^Commands:/,/^$/{/^  [a-z]/{s/^  \([a-z]*\).*/\1/;p}}'
}

_kanca()
{
    local cur prev words cword
    _init_completion -n = || return

    if [[ $cword -eq 1 ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '--help --version' -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_kanca_commands)" -- "$cur"))
            # Without a command, kanca opens a rule set in the designer.
            _filedir '@(kanca.json|json)'
        fi
        return
    fi

    local command=${words[1]}
    if [[ $command == help ]]; then
        [[ $cword -eq 2 ]] && COMPREPLY=($(compgen -W "$(_kanca_commands)" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        local options
        # The options of the usage lines ([--db PATH]) and of the option list ("  --db PATH").
        options=$(LC_ALL=C LANGUAGE= kanca help "$command" 2>/dev/null |
            grep -oE -- '\[--[a-z][a-z0-9-]*|^ +(-[a-z], )?--[a-z][a-z0-9-]*' |
            grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
        COMPREPLY=($(compgen -W "$options --help" -- "$cur"))
        return
    fi
    _filedir
}
complete -F _kanca kanca
