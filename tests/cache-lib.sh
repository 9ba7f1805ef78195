# Checks shared by the suites of the compiled cache files (gloss-cache.sh,
# ptpt-cache.sh). Source it after lib.sh and set: what (the debug word:
# "glossary cache"), glob (the files: 'glossary-*.bin'), prefix (their
# temporary files: '.glossary-'), dir (the cache folder), doc (the input),
# a function check (a run with TRADLINT_DEBUG_LOAD=1) and $tmp/ref.json
# (the findings without the cache).
said() { grep -c "debug: $what $1" "$2" || true; }
files() { find "$dir" -name "$glob" 2>/dev/null | wc -l; }

# damage NAME REASON CMD...: damage the file with CMD, expect REASON, the
# same findings, and the file read again by the next run
damage() {
  local name=$1 why=$2 ino
  shift 2
  "$@"
  ino=$(stat -c %i "$(find "$dir" -name "$glob")")
  check "$doc" >"$tmp/$name.json" 2>"$tmp/$name.err"
  grep -q "$what rebuilt .* ($why)" "$tmp/$name.err" && cmp -s "$tmp/ref.json" "$tmp/$name.json" &&
    ok || bad "$name cache: $(cat "$tmp/$name.err")"
  # replaced by a rename (a new file), never rewritten in place: a run that
  # has the old one mapped keeps reading it whole
  [ "$(stat -c %i "$(find "$dir" -name "$glob")")" != "$ino" ] && ok ||
    bad "$name cache rewritten in place (inode $ino kept)"
  check "$doc" >"$tmp/$name.2.json" 2>"$tmp/$name.2.err"
  [ "$(said read "$tmp/$name.2.err")" = 1 ] && cmp -s "$tmp/ref.json" "$tmp/$name.2.json" && ok ||
    bad "$name cache not rebuilt: $(cat "$tmp/$name.2.err")"
}

# damaged in the middle, truncated, foreign, another format: rebuilt, then
# read; a folder in the file's place: built from the sources, no message
damage_file() {
  local f=$1 mid s
  mid=$(($(stat -c %s "$f") / 2))
  damage damaged checksum sh -c "printf 'ZZZZ' | dd of='$f' bs=1 seek=$mid conv=notrunc 2>/dev/null"
  damage truncated 'truncated or damaged' sh -c "head -c $mid '$f' >'$tmp/cut' && cp '$tmp/cut' '$f'"
  damage short truncated sh -c "head -c 20 '$f' >'$tmp/cut' && cp '$tmp/cut' '$f'"
  damage foreign foreign sh -c "head -c 5000 /dev/urandom >'$f'"
  damage version 'other format' sh -c "printf '\\x63' | dd of='$f' bs=1 seek=12 conv=notrunc 2>/dev/null"
  rm -f "$f" && mkdir "$f"
  check "$doc" >"$tmp/dir.json" 2>"$tmp/dir.err"; s=$?
  [ $s = 0 ] && cmp -s "$tmp/ref.json" "$tmp/dir.json" && ! grep -q "aviso\|erro" "$tmp/dir.err" && ok ||
    bad "a folder for the cache file: exit $s, $(cat "$tmp/dir.err")"
  rmdir "$f"
}

# runs at once on an empty cache: every one right, the file whole after
runs_at_once() {
  local pids=() st=0 same=1 p i
  rm -rf "$dir"
  for i in 1 2 3 4; do
    check "$doc" >"$tmp/par$i.json" 2>/dev/null & pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || st=1; done
  check "$doc" >"$tmp/par.json" 2>"$tmp/par.err"
  for i in 1 2 3 4; do cmp -s "$tmp/ref.json" "$tmp/par$i.json" || same=0; done
  [ $st = 0 ] && [ $same = 1 ] && [ "$(said read "$tmp/par.err")" = 1 ] && [ "$(files)" = 1 ] &&
    [ -z "$(find "$dir" -name "$prefix*")" ] && ok ||
    bad "runs at once: status $st, same $same, $(cat "$tmp/par.err"), $(ls -a "$dir")"
}

# replaced_while_mapped EDIT UNDO: a long run reads (maps) the cache file;
# meanwhile EDIT changes the sources and a second run rebuilds the file and
# renames the new one over it; the long run ends right (no SIGBUS, the
# findings of the sources it started with); UNDO puts the sources back. If
# the long run ended before the rebuild did (a fast or a busy machine), the
# test proves nothing: it runs again on a text twice as long (up to 4 times)
replaced_while_mapped() {
  local edit=$1 undo=$2 big=$tmp/big.md pid s i alive copies=8000 try
  check "$doc" >/dev/null 2>&1 # the file as the sources are now
  for try in 1 2 3 4; do
    for i in $(seq $copies); do cat "$doc"; echo; done >"$big"
    check "$big" >"$tmp/big.ref" 2>/dev/null
    check "$big" >"$tmp/big.json" 2>"$tmp/big.err" & pid=$!
    sleep 0.1
    eval "$edit"
    check "$doc" >/dev/null 2>"$tmp/edit.err"
    kill -0 $pid 2>/dev/null && alive=1 || alive=0
    wait $pid; s=$?
    eval "$undo"
    check "$doc" >/dev/null 2>&1 # rebuilt for the sources as they are again
    [ $alive = 1 ] && break
    copies=$((copies * 2))
  done
  [ $alive = 1 ] && [ $s = 0 ] && grep -q "$what read" "$tmp/big.err" && grep -q "$what rebuilt" "$tmp/edit.err" &&
    cmp -s "$tmp/big.ref" "$tmp/big.json" && ok ||
    bad "a file replaced while mapped: still running $alive (after $try tries, $copies copies), exit $s, $(cat "$tmp/big.err" "$tmp/edit.err")"
}
