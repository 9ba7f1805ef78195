#!/usr/bin/env bash
# Benchmark harness: tradlint against `hunspell -l -d pt_BR` and `wc -w` on the
# corpora of ../shared/bench/make_corpus.py.
#
# usage: tests/bench/run.sh BIN          (make bench runs it on build/tradlint)
# env:   BENCH_FULL=1  also the 100mb corpus, and hunspell on 10mb.md (slow)
#
# Corpora go to build/bench/ and are reused when they already exist (delete
# the folder to rebuild them). Progress goes to standard error; standard
# output gets only the report: one Markdown table for the inputs and one for
# the extra cases, whose text is the same from run to run apart from the
# numbers, the date, the core count and the machine.
#
# Wall time is the best of 3 runs for inputs under 2 MB, 1 run otherwise,
# measured in microseconds around the command; peak RSS is the largest `%M` of
# /usr/bin/time over those runs. MB = 10^6 bytes.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 BIN" >&2
  exit 2
fi

# Resolve BIN before leaving the caller's folder.
case $1 in
  */*) bindir=$(cd "$(dirname "$1")" 2>/dev/null && pwd) && bin=$bindir/$(basename "$1") || bin="" ;;
  *) bin=$(command -v "$1" || true) ;;
esac
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "bench: $1: not an executable file (run 'make' first)" >&2
  exit 2
fi

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

if [ ! -f ../shared/bench/make_corpus.py ]; then
  echo "bench: ../shared/bench/make_corpus.py not found: the shared folder must sit" >&2
  echo "bench: beside the repository ($(dirname "$root")/shared)" >&2
  exit 1
fi
for tool in python3 hunspell wc awk; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench: $tool not found (make deps installs it)" >&2
    exit 1
  fi
done

# Same numbers, word counts and decimal points whatever the caller's locale.
if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then
  export LC_ALL=C.UTF-8
else
  export LC_ALL=C
fi
export NO_COLOR=1 TRADLINT_DATA_DIR="${TRADLINT_DATA_DIR:-$root}"

full=${BENCH_FULL:-0}
out=build/bench
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

log() { echo "bench: $*" >&2; }

# ---- corpora -----------------------------------------------------------------
sizes=(1article 1mb 10mb)
[ "$full" = 1 ] && sizes+=(100mb)
missing=()
for s in "${sizes[@]}"; do
  [ -f "$out/$s.md" ] || missing+=("$s")
done
if [ ${#missing[@]} -gt 0 ]; then
  # Built aside and moved in, so that an interrupted run leaves no half file.
  log "building corpora: ${missing[*]}"
  mkdir -p "$tmp/gen"
  python3 ../shared/bench/make_corpus.py "$tmp/gen" "${missing[@]}" >&2
  for s in "${missing[@]}"; do
    if [ -f "$tmp/gen/$s.typos.tsv" ]; then mv "$tmp/gen/$s.typos.tsv" "$out/"; fi
    mv "$tmp/gen/$s.md" "$out/"
  done
  mv "$tmp/gen/sources.txt" "$out/"
fi
[ -f "$out/empty.md" ] || : >"$out/empty.md"

if [ ! -f "$out/glossary-20k.tsv" ]; then
  log "generating glossary-20k.tsv"
  python3 tests/bench/gen_glossary.py 20000 >"$tmp/glossary-20k.tsv"
  mv "$tmp/glossary-20k.tsv" "$out/"
fi

nmany=200
if [ ! -d "$out/many" ] || [ "$(find "$out/many" -name '*.md' | wc -l)" -ne "$nmany" ]; then
  log "splitting 10mb.md into $nmany files"
  python3 - "$out/10mb.md" "$tmp/many" "$nmany" <<'EOF'
import os, sys
src, outdir, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, "rb").read()
blocks = [b + b"\n\n" for b in data.split(b"\n\n")]
blocks[-1] = blocks[-1][:-2]                  # the split added one separator too many
os.makedirs(outdir)
total, done, part, cur = len(data), 0, 0, []
for b in blocks:
    cur.append(b)
    done += len(b)
    # close part i once the bytes written reach (i+1)/n of the file: n parts of ~total/n
    if part < n - 1 and done * n >= (part + 1) * total:
        open(os.path.join(outdir, "part-%03d.md" % part), "wb").write(b"".join(cur))
        part, cur = part + 1, []
open(os.path.join(outdir, "part-%03d.md" % part), "wb").write(b"".join(cur))
if part != n - 1:
    sys.exit("split gave %d files, not %d" % (part + 1, n))
EOF
  rm -rf "$out/many"
  mv "$tmp/many" "$out/many"
fi

# ---- measuring ---------------------------------------------------------------
have_time=0
[ -x /usr/bin/time ] && have_time=1
[ "$have_time" = 1 ] || log "/usr/bin/time missing: wall time from bash, peak RSS n/a"

# measure RUNS CMD...: best wall time (s) in M_WALL, largest peak RSS (KiB, or
# empty when unknown) in M_RSS. Standard output is discarded; a failing command
# stops the benchmark with its standard error.
measure() {
  local runs=$1 i t0 t1 w r
  shift
  M_WALL="" M_RSS=""
  for ((i = 0; i < runs; i++)); do
    if [ "$have_time" = 1 ]; then
      t0=$EPOCHREALTIME
      if ! /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err"; then
        log "failed: $*"; cat "$tmp/err" >&2; exit 1
      fi
      t1=$EPOCHREALTIME
      read -r _ r < <(tail -n 1 "$tmp/time")   # %e (10 ms steps) unused: wall is timed above
      w=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
      M_RSS=$(awk -v a="${M_RSS:-0}" -v b="$r" 'BEGIN { print (b > a ? b : a) }')
    else
      if ! { TIMEFORMAT=%3R; time "$@" >/dev/null 2>"$tmp/err"; } 2>"$tmp/time"; then
        log "failed: $*"; cat "$tmp/err" >&2; exit 1
      fi
      w=$(tail -n 1 "$tmp/time")
    fi
    if [ -z "$M_WALL" ] || awk -v a="$w" -v b="$M_WALL" 'BEGIN { exit !(a < b) }'; then
      M_WALL=$w
    fi
  done
}

runs_for() {  # best of 3 under 2 MB (counting every file given), 1 run otherwise
  local bytes
  bytes=$(cat "$@" | wc -c)
  if [ "$bytes" -lt $((2 * 1000 * 1000)) ]; then echo 3; else echo 1; fi
}

# Formatting: wall s, MB/s, words/s, MiB, and speed ratios.
f_wall() { awk -v w="$1" 'BEGIN { printf "%.2f", w }'; }
f_mbs() {
  if [ "$1" -eq 0 ]; then echo "—"; return; fi
  awk -v b="$1" -v w="$2" 'BEGIN { if (w < 1e-6) w = 1e-6; printf "%.2f", b / 1e6 / w }'
}
f_wps() {
  if [ "$1" -eq 0 ]; then echo "—"; return; fi
  awk -v n="$1" -v w="$2" 'BEGIN { if (w < 1e-6) w = 1e-6; printf "%.0f", n / w }'
}
f_rss() {
  if [ -z "$1" ]; then echo "n/a"; return; fi
  awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}
# f_ratio NUM DEN: NUM / DEN with 3 significant digits, suffixed ×
f_ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN {
    if (b < 1e-6) b = 1e-6
    r = a / b
    if (r >= 100) printf "%.0f×", r; else if (r >= 1) printf "%.2f×", r; else printf "%.2g×", r }'
}

check=("$bin" check -j 1 --no-db --no-suggestions --fail-on never)

inputs=(empty 1article 1mb 10mb)
[ "$full" = 1 ] && inputs+=(100mb)
hun_on=(empty 1mb)
[ "$full" = 1 ] && hun_on+=(10mb)

declare -A bytes words t_wall t_rss h_wall w_wall
for s in "${inputs[@]}"; do
  f=$out/$s.md
  bytes[$s]=$(wc -c <"$f")
  words[$s]=$(wc -w <"$f")
  n=$(runs_for "$f")
  log "tradlint $s.md (best of $n)"
  measure "$n" "${check[@]}" "$f"
  t_wall[$s]=$M_WALL t_rss[$s]=$M_RSS
  log "wc -w $s.md (best of $n)"
  measure "$n" wc -w "$f"
  w_wall[$s]=$M_WALL
  for h in "${hun_on[@]}"; do
    if [ "$h" = "$s" ]; then
      log "hunspell -l -d pt_BR $s.md (best of $n)"
      measure "$n" hunspell -l -d pt_BR "$f"
      h_wall[$s]=$M_WALL
    fi
  done
done

# Extra cases: NAME|baseline NAME|words|bytes|wall|rss
extra=()
add_extra() {  # LABEL BASELINE-LABEL BASELINE-WALL RUNS-FILES... -- CMD...
  local label=$1 blabel=$2 bwall=$3 files=() b n wd
  shift 3
  while [ "$1" != -- ]; do files+=("$1"); shift; done
  shift
  b=$(cat "${files[@]}" | wc -c)
  wd=$(cat "${files[@]}" | wc -w)
  n=$(runs_for "${files[@]}")
  log "$label (best of $n)"
  measure "$n" "$@"
  extra+=("$label|$b|$wd|$M_WALL|$M_RSS|$blabel|$bwall")
}

add_extra "1article.md, with suggestions" "1article.md --no-suggestions" "${t_wall[1article]}" \
  "$out/1article.md" -- "$bin" check --no-db --fail-on never "$out/1article.md"
add_extra "1article.md, --glossary glossary-20k.tsv" "1article.md, default glossary" "${t_wall[1article]}" \
  "$out/1article.md" -- "${check[@]}" --glossary "$out/glossary-20k.tsv" "$out/1article.md"
add_extra "10mb.md, --glossary glossary-20k.tsv" "10mb.md, default glossary" "${t_wall[10mb]}" \
  "$out/10mb.md" -- "${check[@]}" --glossary "$out/glossary-20k.tsv" "$out/10mb.md"
# The house glossary against the 470 concepts it had before issue 12 (its
# first four files): load (empty.md) and matching cost (10mb.md).
g470=$tmp/glossary-470
mkdir -p "$g470"
cp glossary/techniques.tsv glossary/products.tsv glossary/organizations.tsv glossary/general.tsv "$g470/"
nconc=$("$bin" glossary check glossary 2>/dev/null | sed -n 's/^glossário: \([0-9]*\) conceitos.*/\1/p')
add_extra "empty.md, 470-concept glossary (before issue 12)" "empty.md, default glossary (${nconc:-?} concepts)" \
  "${t_wall[empty]}" "$out/empty.md" -- "${check[@]}" --glossary "$g470" "$out/empty.md"
add_extra "10mb.md, 470-concept glossary (before issue 12)" "10mb.md, default glossary (${nconc:-?} concepts)" \
  "${t_wall[10mb]}" "$out/10mb.md" -- "${check[@]}" --glossary "$g470" "$out/10mb.md"
many_files=("$out"/many/*.md)
add_extra "many/ ($nmany files), -j 1" "10mb.md, one file" "${t_wall[10mb]}" \
  "${many_files[@]}" -- "${check[@]}" "$out/many"
# one article with the corpus memory: cold (empty database), then warm
rm -f "$tmp/bench.db" "$tmp/bench.db-wal" "$tmp/bench.db-shm"
add_extra "1article.md, corpus memory cold (empty database)" "1article.md --no-db" "${t_wall[1article]}" \
  "$out/1article.md" -- sh -c 'rm -f "$1"*; shift; exec "$@"' sh "$tmp/bench.db" \
  "$bin" check --db "$tmp/bench.db" --fail-on never "$out/1article.md"
"$bin" check --db "$tmp/bench.db" --fail-on never "$out/1article.md" >/dev/null 2>&1 || true
add_extra "1article.md, corpus memory warm" "1article.md --no-db" "${t_wall[1article]}" \
  "$out/1article.md" -- "$bin" check --db "$tmp/bench.db" --fail-on never "$out/1article.md"

help=$("$bin" --help 2>&1 || true)
has_j=0
if grep -q -- '-j' <<<"$help"; then
  has_j=1
  cores=$(nproc)
  one_wall=$(printf '%s\n' "${extra[@]}" | grep '^many/' | head -1 | cut -d'|' -f4)
  add_extra "many/ ($nmany files), -j $cores" "many/, -j 1" "$one_wall" \
    "${many_files[@]}" -- "$bin" check -j "$cores" --no-db --no-suggestions --fail-on never "$out/many"
fi

# ---- report ------------------------------------------------------------------
echo "## tradlint benchmark — $(date -u +%F), $(nproc) cores, $(uname -m)"
echo
echo "Command: \`tradlint check --no-db --no-suggestions --fail-on never FILE\`; corpora from"
echo "\`../shared/bench/make_corpus.py\` in \`build/bench/\`$([ "$full" = 1 ] && echo " (BENCH_FULL=1)")."
echo
echo "| input | bytes | words | wall s | MB/s | words/s | peak RSS MiB | vs hunspell | vs wc -w |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for s in "${inputs[@]}"; do
  vh="—"
  [ -n "${h_wall[$s]:-}" ] && vh=$(f_ratio "${h_wall[$s]}" "${t_wall[$s]}")
  vw=$(f_ratio "${w_wall[$s]}" "${t_wall[$s]}")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$s.md" "${bytes[$s]}" "${words[$s]}" \
    "$(f_wall "${t_wall[$s]}")" "$(f_mbs "${bytes[$s]}" "${t_wall[$s]}")" \
    "$(f_wps "${words[$s]}" "${t_wall[$s]}")" "$(f_rss "${t_rss[$s]}")" "$vh" "$vw"
done
echo
echo "words: \`wc -w\`. vs hunspell / vs wc -w: tradlint speed ÷ that tool's speed on the same file"
echo "(its wall time ÷ tradlint's; above 1× tradlint is faster)."
peers="hunspell -l -d pt_BR:"
for h in "${hun_on[@]}"; do peers+=" $h.md $(f_wall "${h_wall[$h]}") s,"; done
peers=${peers%,}
[ "$full" = 1 ] || peers+=" (10mb.md only with BENCH_FULL=1)"
echo "Peers, wall s: $peers; wc -w:$(for s in "${inputs[@]}"; do printf ' %s.md %s s,' "$s" "$(f_wall "${w_wall[$s]}")"; done | sed 's/,$//')."
echo
echo "| extra case | bytes | words | wall s | MB/s | words/s | peak RSS MiB | baseline | time ÷ baseline |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |"
for row in "${extra[@]}"; do
  IFS='|' read -r label b wd w r blabel bwall <<<"$row"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s (%s s) | %s |\n' "$label" "$b" "$wd" "$(f_wall "$w")" \
    "$(f_mbs "$b" "$w")" "$(f_wps "$wd" "$w")" "$(f_rss "$r")" "$blabel" "$(f_wall "$bwall")" \
    "$(f_ratio "$w" "$bwall")"
done
if [ "$has_j" = 0 ]; then
  echo
  echo "-j: not implemented yet"
fi
