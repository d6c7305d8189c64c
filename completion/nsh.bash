# bash completion for nsh(1)                        -*- shell-script -*-
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Completes nsh's own options, their arguments (files for -f, --step,
# --check and a script; users for --user) and the first word of the line
# given to -c.  Nothing here is a list of its own: the options and what
# they take come from `nsh --help`, the first words of the commands from
# `nsh --help-commands` (nsh's declarations, those `help` lists), asked of
# the nsh being completed and kept until another one is.  Installed as
# .../bash-completion/completions/nsh; works without bash-completion too
# (source it).

# _nsh_learn NSH: fill the cache from NSH (a path or a name on PATH)
_nsh_learn()
{
	[[ ${_nsh_bin-} == "$1" ]] && return 0
	_nsh_bin=$1
	# "  -c, --command LINE  run one line": each option, then its argument
	_nsh_opts=$("$1" --help 2>/dev/null | awk '
		/^ +-/ {
			sub(/^ +/, "")
			split($0, col, /  +/)
			n = split(col[1], w, /[ ,]+/)
			arg = ""
			for (i = n; i >= 1; i--)
				if (w[i] ~ /^-/)
					print w[i], arg
				else
					arg = w[i]
		}')
	_nsh_words=$("$1" --help-commands 2>/dev/null | awk -F '\t' '
		$1 == "command" {
			split($3, w, " ")
			if (!seen[w[1]]++)
				print w[1]
		}')
}

# _nsh_line_word WORD: the first word of a -c line (WORD as typed, an
# opening quote included); later words are left alone
_nsh_line_word()
{
	local w=$1
	w=${w#[\'\"]}
	[[ $w == *[[:space:]]* ]] && return 0
	COMPREPLY=($(compgen -W "$_nsh_words" -- "$w"))
	# no nsh command begins so: a program (a line runs it)
	((${#COMPREPLY[@]})) || COMPREPLY=($(compgen -c -- "$w"))
	compopt -o nospace 2>/dev/null
	return 0
}

_nsh()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev= bin=${COMP_WORDS[0]} arg
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	bin=${bin/#\~/$HOME}
	command -v -- "$bin" >/dev/null 2>&1 || bin=nsh
	_nsh_learn "$bin"
	COMPREPLY=()

	# the argument of the option before
	if [[ $prev == -* ]]; then
		arg=$(awk -v o="$prev" '$1 == o { print $2; exit }' <<<"$_nsh_opts")
		case $arg in
		LINE)
			_nsh_line_word "$cur"
			return 0
			;;
		NAME)
			COMPREPLY=($(compgen -u -- "$cur"))
			return 0
			;;
		?*)
			compopt -o filenames 2>/dev/null
			COMPREPLY=($(compgen -f -- "$cur"))
			return 0
			;;
		esac
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(awk '{ print $1 }' <<<"$_nsh_opts")" \
			-- "$cur"))
		return 0
	fi
	# a script to run
	compopt -o filenames 2>/dev/null
	COMPREPLY=($(compgen -f -- "$cur"))
	return 0
}
complete -F _nsh nsh
