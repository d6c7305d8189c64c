# tests/tmux.sh - drive nsh in a terminal: a private tmux server (its own
# socket in $TMP, no configuration), killed when the test exits.  Sourced
# after tests/lib.sh by the tests that need a real terminal.
#
#   tm ARGS…          tmux on the private server
#   pane              the screen, trailing blanks cut
#   pane_all          the same with what scrolled off it
#   wait_pane REGEX   until a line of the screen matches (4 s at most)
#   show_pane         the screen as TAP comments
#   type_ TEXT        send TEXT as literal keys

# (an ASan nsh in the pane does not look for leaks: killing the server
# hangs it up, and LeakSanitizer stopping the world of a process being
# torn down by SIGHUP was once seen spinning after the test; the other
# tests look for leaks)
tm() {
	env -u TMUX HOME="$TMP" \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		tmux -f /dev/null -S "$TMP/tmux.sock" "$@"
}
trap 'tm kill-server 2>/dev/null; rm -rf "$TMP"' EXIT
pane() { tm capture-pane -p -J 2>/dev/null | sed 's/[[:space:]]*$//'; }
pane_all() { tm capture-pane -p -J -S -2000 2>/dev/null | sed 's/[[:space:]]*$//'; }
wait_pane() {
	_i=0
	while [ $_i -lt 200 ]; do
		pane | grep -Eq -- "$1" && return 0
		sleep 0.02
		_i=$((_i + 1))
	done
	return 1
}
show_pane() { pane_all | grep -v '^$' | tail -n 40 | sed 's/^/#   screen: /'; }
type_() { tm send-keys -l "$1"; }
