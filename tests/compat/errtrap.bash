# errtrap.bash - BASH_ENV of the reference run (bash -e SCRIPT): when a
# command fails, say on which line of the script, as nsh's FILE:LINE does
trap 'echo "compat: $LINENO: exit $?" >&2' ERR
