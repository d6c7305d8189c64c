#!/bin/sh
# bash-as-nsh.sh -f SCRIPT - stands in for nsh in `run.sh --self-check`:
# runs SCRIPT as the reference does (bash -e + iproute2), so that both
# sides of every comparison are the reference
shift
BASH_ENV="$(dirname "$0")/errtrap.bash" exec bash -e "$@"
