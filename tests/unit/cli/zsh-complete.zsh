#!/usr/bin/env zsh
# Drives a zsh completion script as a user's Tab would, for tests/unit/cli/completion.test.ts:
#   zsh -f zsh-complete.zsh SCRIPT OUTFILE 'exam-preflight check --format '
# An interactive zsh runs in a pseudo-terminal (zsh/zpty); compadd is wrapped so that every word
# offered is appended to OUTFILE, and a line "<done>" is written when the completion has finished.
zmodload zsh/zpty || exit 3
local script=$1 out=$2 typed=$3
: >| $out
zpty shell zsh -f -i || exit 3
zpty -w shell "PS1=''; autoload -Uz compinit && compinit -u -D"
zpty -w shell "source ${(q)script}"
zpty -w shell "compadd() { local -a __offered; builtin compadd -A __offered \"\$@\"; (( \$#__offered )) && print -rl -- \$__offered >> ${(q)out}; builtin compadd \"\$@\" }"
zpty -w shell "__record_done() { print -r -- '<done>' >> ${(q)out} }; comppostfuncs=(__record_done)"
zpty -w shell "zstyle ':completion:*' insert-tab false; bindkey '^I' complete-word"
zpty -w -n shell "${typed}"$'\t'
# wait for the marker (reading the terminal so zsh never blocks on a full pty); the caller's
# timeout ends a completion that never finishes
while ! grep -qx '<done>' $out 2>/dev/null; do
  zpty -r -t shell __ignored 2>/dev/null
  sleep 0.05
done
zpty -d shell
