#!/usr/bin/env bash
# Run the cmocka unit-test binaries given as arguments (optionally under
# $VALGRIND) and print one summary line: "N passed, N failed".
set -u
passed=0 failed=0
for t in "$@"; do
  out=$(${VALGRIND:-} "$t" 2>&1); rc=$?
  # cmocka prints "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)..."
  p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
  f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ "$rc" -ne 0 ]; then
    printf '%s\n' "$out" | grep -v '^\[ \(RUN\|       OK\) ' >&2
    [ -z "$f" ] && failed=$((failed + 1))
    echo "unit: $(basename "$t") failed (exit $rc)" >&2
  fi
done
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
