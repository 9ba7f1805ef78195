# Shared set-up of the shell suites. Source it first:
#   . "$(dirname "$0")/lib.sh" SUITE LOCALE BINARY
# It sets bin (absolute path of BINARY), root (the project), tmp (a folder
# removed on exit), the counters passed and failed, ok and bad to count a
# check, and finish to print "SUITE: N passed, N failed" and fail if any did.
set -u
suite=$1
bin=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
unset LANGUAGE LC_MESSAGES # Portuguese messages, whatever the machine says
export LC_ALL=$2 NO_COLOR=1 TRADLINT_DATA_DIR="$root"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/xdg-cache" # never the user's verdict cache
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "$suite: FAIL $*"; }
# limit SECONDS: a time limit that catches hangs, not slowness (speed is
# make bench's job): SECONDS on a machine with a core to spare, multiplied
# by the load per core when it is busier, so that a loaded CI farm does not
# turn a working case into a failure.
limit() {
  local l
  l=$(awk -v n="$(nproc 2>/dev/null || echo 1)" -v s="$1" \
        '{f = $1 / n; if (f < 1) f = 1; printf "%d", s * f + 0.5}' /proc/loadavg 2>/dev/null)
  echo "${l:-$1}"
}
finish() {
  echo "$suite: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
