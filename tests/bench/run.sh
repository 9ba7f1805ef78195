#!/usr/bin/env bash
# Benchmark harness: tradlint against its peers (`hunspell -l -d pt_BR`,
# `wc -w`, itself with other options) on the corpora of
# ../shared/bench/make_corpus.py, and the targets of issue 14, each printed
# with its ratio against the peer measured in the same run.
#
# usage: tests/bench/run.sh BIN          (make bench runs it on build/tradlint)
# env:   BENCH_RUNS=N   runs of every command (default 3, at least 3)
#        BENCH_FULL=1   also the 100 MB corpus (tradlint and wc -w)
#        BENCH_ONLY=RE  only the targets whose key matches RE (t1, t2, ...)
#
# Every command runs BENCH_RUNS times, interleaved with its peer (tradlint,
# peer, tradlint, peer, ...) so that a change of load on the machine hits
# both; a ratio is the median (and the minimum) of the per-run ratios.
# Times are min and median wall seconds, timed in microseconds around the
# command; peak RSS is the largest `%M` of /usr/bin/time over the runs.
# "Cold" means no corpus memory and no verdict cache (--no-db --no-cache);
# "warm", every distinct word's verdict in the cache. Corpora go to
# build/bench/ and are reused (delete the folder to rebuild them). Progress
# goes to standard error; standard output gets only the report.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 BIN" >&2
  exit 2
fi
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
for tool in python3 hunspell wc awk /usr/bin/time; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench: $tool not found (make deps installs it)" >&2
    exit 1
  fi
done
if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then
  export LC_ALL=C.UTF-8
else
  export LC_ALL=C
fi
export NO_COLOR=1 TRADLINT_DATA_DIR="${TRADLINT_DATA_DIR:-$root}"
unset TRADLINT_DB TRADLINT_DEBUG_LOAD

runs=${BENCH_RUNS:-3}
[ "$runs" -ge 3 ] 2>/dev/null || { echo "bench: BENCH_RUNS must be 3 or more" >&2; exit 2; }
full=${BENCH_FULL:-0}
only=${BENCH_ONLY:-.}
out=build/bench
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache" # never the user's cache
log() { echo "bench: $*" >&2; }
want() { [[ $1 =~ $only ]]; }

# ---- inputs ------------------------------------------------------------------
sizes=(1article 1mb 10mb)
[ "$full" = 1 ] && sizes+=(100mb)
missing=()
for s in "${sizes[@]}"; do
  [ -f "$out/$s.md" ] || missing+=("$s")
done
if [ ${#missing[@]} -gt 0 ]; then
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

if [ ! -f "$out/glossary-20000.tsv" ]; then
  log "generating glossary-20000.tsv"
  python3 tests/bench/gen_glossary.py 20000 >"$tmp/g.tsv"
  mv "$tmp/g.tsv" "$out/glossary-20000.tsv"
fi
# the 470 concepts the house glossary had before issue 12: its first four files
g470=$tmp/glossary-470
mkdir -p "$g470"
cp glossary/techniques.tsv glossary/products.tsv glossary/organizations.tsv glossary/general.tsv "$g470/"

# split FILE DIR N: FILE cut at paragraph breaks into N files of about the
# same size (DIR/part-NNNNN.md)
split() {
  local src=$1 dir=$2 n=$3
  if [ -d "$dir" ] && [ "$(find "$dir" -name '*.md' | wc -l)" -eq "$n" ]; then return; fi
  log "splitting $(basename "$src") into $n files"
  rm -rf "$tmp/split"
  python3 - "$src" "$tmp/split" "$n" <<'EOF'
import os, sys
src, outdir, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, "rb").read()
blocks = [b + b"\n\n" for b in data.split(b"\n\n")]
blocks[-1] = blocks[-1][:-2]
os.makedirs(outdir)
total, done, part, cur = len(data), 0, 0, []
for b in blocks:
    cur.append(b)
    done += len(b)
    if part < n - 1 and done * n >= (part + 1) * total:
        open(os.path.join(outdir, "part-%05d.md" % part), "wb").write(b"".join(cur))
        part, cur = part + 1, []
open(os.path.join(outdir, "part-%05d.md" % part), "wb").write(b"".join(cur))
if part != n - 1:
    sys.exit("split gave %d files, not %d" % (part + 1, n))
EOF
  rm -rf "$dir"
  mv "$tmp/split" "$dir"
}
split "$out/10mb.md" "$out/many" 200

# consistency-N.md: N paragraphs that render one concept two ways (the
# document-level consistency check counts every mention of it)
for n in 4000 40000; do
  if [ ! -f "$out/consistency-$n.md" ]; then
    python3 - "$n" >"$out/consistency-$n.md" <<'EOF'
import sys
for i in range(int(sys.argv[1])):
    form = "aprendizado por reforço" if i % 3 else "aprendizagem por reforço"
    print("O texto %d usa %s para treinar o agente.\n" % (i, form))
EOF
  fi
done

# ---- measuring ---------------------------------------------------------------
declare -A W R # W[key]: the run times (s), space-separated; R[key]: peak RSS (KiB)

# sample KEY CMD...: one run of CMD, its time appended to W[KEY]. Standard
# output is discarded; a failing command (status above 1) stops the bench.
sample() {
  local key=$1 t0 t1 rc=0 rss
  shift
  t0=$EPOCHREALTIME
  /usr/bin/time -f '%M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || rc=$?
  t1=$EPOCHREALTIME
  if [ "$rc" -gt 1 ]; then
    log "failed ($rc): $*"
    cat "$tmp/err" >&2
    exit 1
  fi
  rss=$(tail -n 1 "$tmp/time")
  W[$key]="${W[$key]:-} $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')"
  R[$key]=$(awk -v a="${R[$key]:-0}" -v b="$rss" 'BEGIN { print (b > a ? b : a) }')
}

# series KEY CMD...: BENCH_RUNS samples.
series() {
  local key=$1 i
  shift
  log "$key (x$runs)"
  for ((i = 0; i < runs; i++)); do sample "$key" "$@"; done
}

# pair KEY_A KEY_B [SETUP] -- CMD_A... -- CMD_B...: A then B, BENCH_RUNS
# times (SETUP, a shell command, runs before each of them).
pair() {
  local ka=$1 kb=$2 i setup=: a=() b=()
  shift 2
  if [ "$1" != -- ]; then setup=$1; shift; fi
  shift
  while [ "$1" != -- ]; do a+=("$1"); shift; done
  shift
  b=("$@")
  log "$ka / $kb (x$runs)"
  for ((i = 0; i < runs; i++)); do
    eval "$setup"
    sample "$ka" "${a[@]}"
    eval "$setup"
    sample "$kb" "${b[@]}"
  done
}

smin() { tr ' ' '\n' <<<"${W[$1]}" | awk 'NF { if (m == "" || $1 < m) m = $1 } END { printf "%.3f", m }'; }
smed() {
  tr ' ' '\n' <<<"${W[$1]}" | awk 'NF' | sort -g |
    awk '{ v[NR] = $1 } END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f", m }'
}
mib() { awk -v k="${R[$1]:-0}" 'BEGIN { printf "%.1f", k / 1024 }'; }
# ratio NUM DEN: per-run ratios W[NUM][i] / W[DEN][i]; prints "median min"
ratio() {
  paste <(tr ' ' '\n' <<<"${W[$1]}" | awk 'NF') <(tr ' ' '\n' <<<"${W[$2]}" | awk 'NF') |
    awk '{ d = $2 < 1e-6 ? 1e-6 : $2; print $1 / d }' | sort -g |
    awk '{ v[NR] = $1 } END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f %.3f\n", m, v[1] }'
}
fx() { awk -v r="$1" 'BEGIN { if (r >= 100) printf "%.0f×", r; else if (r >= 10) printf "%.1f×", r; else printf "%.2f×", r }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }

# a binary from before the verdict cache (to measure "before") has no
# --no-cache: its --no-db runs are cold anyway, and it has no warm rows
nocache=--no-cache
has_cache=1
if ! "$bin" check --help 2>&1 | grep -q -- --no-cache; then nocache="" has_cache=0; fi
cold=("$bin" check -j 1 --no-db $nocache --no-suggestions --fail-on never)
warm=("$bin" check -j 1 --no-db --no-suggestions --fail-on never)

# ---- the inputs against hunspell -l and wc -w --------------------------------
inputs=(empty 1article 1mb 10mb)
[ "$full" = 1 ] && inputs+=(100mb)
declare -A bytes words
for s in "${inputs[@]}"; do
  f=$out/$s.md
  bytes[$s]=$(wc -c <"$f")
  words[$s]=$(wc -w <"$f")
  if [ "$s" != 100mb ] && { want inputs || { [ "$s" = 1article ] && want t1; } ||
                              { [ "$s" = 10mb ] && want t2; }; }; then
    pair "tl-$s" "hun-$s" -- "${cold[@]}" "$f" -- hunspell -l -d pt_BR "$f"
  elif want inputs; then
    series "tl-$s" "${cold[@]}" "$f"
  fi
  if want inputs; then
    pair "tlw-$s" "wc-$s" -- "${cold[@]}" "$f" -- wc -w "$f"
  fi
done

# ---- targets -----------------------------------------------------------------
# rows: key|target|measured|goal|met
rows=()
row() { rows+=("$1|$2|$3|$4|$5"); }
yesno() { if "$@"; then echo met; else echo "not met"; fi; }

if want t1; then
  read -r m n < <(ratio "hun-1article" "tl-1article")
  row t1 "one article cold, \`-j 1\`, vs \`hunspell -l\` on the same file" \
    "$(fx "$m") (min $(fx "$n")); tradlint $(smed tl-1article) s, hunspell $(smed hun-1article) s (medians)" \
    "≥ 1.0×" "$(yesno ge "$m" 1.0)"
  pair "tl2-1article" "hun2-1article" -- "$bin" check --no-db $nocache --no-suggestions \
    --fail-on never "$out/1article.md" -- hunspell -l -d pt_BR "$out/1article.md"
  read -r m n < <(ratio "hun2-1article" "tl2-1article")
  row t1 "one article cold, default \`-j\` ($(nproc) cores), vs \`hunspell -l\`" \
    "$(fx "$m") (min $(fx "$n")); tradlint $(smed tl2-1article) s" "≥ 1.0×" "$(yesno ge "$m" 1.0)"
  # warm: the verdict cache filled by one run, then every run reads it
  if [ "$has_cache" = 1 ]; then
  rm -rf "$XDG_CACHE_HOME"
  "${warm[@]}" "$out/1article.md" >/dev/null 2>&1 || true
  series "warm-1article" "${warm[@]}" "$out/1article.md"
  loaded=$(TRADLINT_DEBUG_LOAD=1 "${warm[@]}" "$out/1article.md" 2>&1 >/dev/null | grep -c 'debug: loading' || true)
  row t1 "one article warm (verdict cache), \`--no-db\`" \
    "$(smed warm-1article) s median, $(smin warm-1article) s min; Hunspell loaded $loaded times" \
    "≤ 0.010 s" "$(yesno le "$(smed warm-1article)" 0.010)"
  else
    row t1 "one article warm (verdict cache), \`--no-db\`" "no verdict cache in this build" "≤ 0.010 s" "—"
  fi
  rm -f "$tmp/w.db"*
  "$bin" check -j 1 --db "$tmp/w.db" --no-suggestions --fail-on never "$out/1article.md" >/dev/null 2>&1 || true
  series "warmdb-1article" "$bin" check -j 1 --db "$tmp/w.db" --no-suggestions --fail-on never "$out/1article.md"
  row t1 "one article warm (corpus memory), \`--db\`" \
    "$(smed warmdb-1article) s median, $(smin warmdb-1article) s min" "≤ 0.010 s" \
    "$(yesno le "$(smed warmdb-1article)" 0.010)"
fi

if want t2; then
  read -r m n < <(ratio "hun-10mb" "tl-10mb")
  row t2 "10 MB, one thread, all rules, vs \`hunspell -l\`" \
    "$(fx "$m") (min $(fx "$n")); tradlint $(smed tl-10mb) s, hunspell $(smed hun-10mb) s" \
    "≥ 45×" "$(yesno ge "$m" 45)"
  pair "j1-many" "j2-many" -- "${cold[@]}" "$out/many" -- \
    "$bin" check -j 2 --no-db $nocache --no-suggestions --fail-on never "$out/many"
  read -r m n < <(ratio "j1-many" "j2-many")
  row t2 "200 files of 50 KB, \`-j 2\` vs \`-j 1\`" \
    "$(fx "$m") (min $(fx "$n")); $(smed j1-many) s → $(smed j2-many) s" "≥ 1.5×" "$(yesno ge "$m" 1.5)"
  pair "j1-10mb" "j2-10mb" -- "${cold[@]}" "$out/10mb.md" -- \
    "$bin" check -j 2 --no-db $nocache --no-suggestions --fail-on never "$out/10mb.md"
  read -r m n < <(ratio "j1-10mb" "j2-10mb")
  row t2 "one 10 MB file, \`-j 2\` vs \`-j 1\`" \
    "$(fx "$m") (min $(fx "$n")); $(smed j1-10mb) s → $(smed j2-10mb) s" "> 1.0×" \
    "$(yesno awk -v r="$m" 'BEGIN { exit !(r > 1.0) }')"
fi

if want t3 && [ "$has_cache" = 0 ]; then
  row t3 "10 MB warm (verdict cache), one thread" "no verdict cache in this build" \
    "≤ 0.3 s, Hunspell never loaded" "—"
elif want t3; then
  rm -rf "$XDG_CACHE_HOME"
  "${warm[@]}" "$out/10mb.md" >/dev/null 2>&1 || true
  pair "cold-10mb" "warm-10mb" -- "${cold[@]}" "$out/10mb.md" -- "${warm[@]}" "$out/10mb.md"
  loaded=$(TRADLINT_DEBUG_LOAD=1 "${warm[@]}" "$out/10mb.md" 2>&1 >/dev/null | grep -c 'debug: loading' || true)
  read -r m n < <(ratio "cold-10mb" "warm-10mb")
  row t3 "10 MB warm (verdict cache), one thread" \
    "$(smed warm-10mb) s median ($(fx "$m") faster than cold); Hunspell loaded $loaded times" \
    "≤ 0.3 s, Hunspell never loaded" \
    "$(yesno eval "le $(smed warm-10mb) 0.3 && [ $loaded = 0 ]")"
fi

if want t4; then
  pair "cons-4000" "cons-40000" -- "${cold[@]}" "$out/consistency-4000.md" -- \
    "${cold[@]}" "$out/consistency-40000.md"
  read -r m n < <(ratio "cons-40000" "cons-4000")
  row t4 "consistency counting: one concept mentioned 40,000 vs 4,000 times" \
    "time × $(awk -v r="$m" 'BEGIN { printf "%.1f", r }') for × 10 the mentions ($(smed cons-4000) s → $(smed cons-40000) s)" \
    "linear (≤ × 12)" "$(yesno le "$m" 12)"
  for n in 2000 8000 20000; do
    split "$out/10mb.md" "$out/docs-$n" "$n"
    series "index-$n" sh -c 'rm -f "$1"*; shift; exec "$@"' sh "$tmp/idx.db" \
      "$bin" corpus index --db "$tmp/idx.db" "$out/docs-$n"
  done
  per() { awk -v t="$(smed "index-$1")" -v n="$1" 'BEGIN { printf "%.2f", t / n * 1000 }'; }
  grow=$(awk -v a="$(per 20000)" -v b="$(per 2000)" 'BEGIN { printf "%.2f", a / b }')
  row t4 "\`corpus index\`: 2,000 / 8,000 / 20,000 documents (the 10 MB corpus split)" \
    "$(smed index-2000) s / $(smed index-8000) s / $(smed index-20000) s; ms a document $(per 2000) / $(per 8000) / $(per 20000) (× $grow)" \
    "linear (ms a document × ≤ 1.5)" "$(yesno le "$grow" 1.5)"
  if [ "$full" = 1 ]; then
    read -r m n < <(ratio "wc-100mb" "tlw-100mb")
    row t4 "100 MB, one thread, vs \`wc -w\`" \
      "$(awk -v r="$m" 'BEGIN { printf "%.3f×", r }'); tradlint $(smed tlw-100mb) s, wc -w $(smed wc-100mb) s" \
      "≥ 0.1×" "$(yesno ge "$m" 0.1)"
  else
    row t4 "100 MB, one thread, vs \`wc -w\`" "not run (BENCH_FULL=1)" "≥ 0.1×" "—"
  fi
  if [ "$full" = 1 ] && [ -n "${R[tl-100mb]:-}" ] && [ -n "${R[tl-10mb]:-}" ]; then
    # memory against the text's size: the inputs' own runs (cold, -j 1)
    g=$(awk -v a="${R[tl-100mb]}" -v b="${R[tl-10mb]}" 'BEGIN { printf "%.2f", a / b }')
    per=$(awk -v a="${R[tl-100mb]}" -v b="${R[tl-10mb]}" 'BEGIN { printf "%.2f", (a - b) / 1024 / 90 }')
    row t4 "peak RSS: one 100 MB file vs one 10 MB file" \
      "$(mib tl-100mb) MiB vs $(mib tl-10mb) MiB (× $g; $per MiB a MB of text beyond 10 MB)" \
      "linear in the text (× ≤ 10)" "$(yesno le "$g" 10)"
  fi
  series "rss-one" "${cold[@]}" "$out/many/part-00000.md"
  series "rss-many" "${cold[@]}" "$out/many"
  g=$(awk -v a="${R[rss-many]}" -v b="${R[rss-one]}" 'BEGIN { printf "%.2f", a / b }')
  row t4 "peak RSS: 200 files (10 MB) vs the first of them alone" \
    "$(mib rss-many) MiB vs $(mib rss-one) MiB (× $g)" "flat (× ≤ 1.5)" "$(yesno le "$g" 1.5)"
fi

if want t5; then
  log "glossaries (x$runs, interleaved)"
  for ((i = 0; i < runs; i++)); do
    sample "g470" "${cold[@]}" --glossary "$g470" "$out/10mb.md"
    sample "ghouse" "${cold[@]}" "$out/10mb.md"
    sample "g20000" "${cold[@]}" --glossary "$out/glossary-20000.tsv" "$out/10mb.md"
  done
  nconc=$("$bin" glossary check glossary 2>/dev/null | sed -n 's/^glossário: \([0-9]*\) conceitos.*/\1/p')
  read -r m _ < <(ratio "ghouse" "g470")
  row t5 "10 MB with the house glossary (${nconc:-?} concepts) vs the 470-concept one" \
    "+$(awk -v r="$m" 'BEGIN { printf "%.1f", (r - 1) * 100 }')% ($(smed g470) s → $(smed ghouse) s)" \
    "≤ +10%" "$(yesno le "$m" 1.10)"
  read -r m _ < <(ratio "g20000" "g470")
  row t5 "10 MB with a generated 20,000-concept glossary (the house one, then made-up terms) vs the 470-concept one" \
    "+$(awk -v r="$m" 'BEGIN { printf "%.1f", (r - 1) * 100 }')% ($(smed g470) s → $(smed g20000) s)" \
    "≤ +20%" "$(yesno le "$m" 1.20)"
  if [ "$has_cache" = 1 ]; then
    # the same with the glossary cache and the verdict cache filled by a run
    # before (what every run after the first does): the glossary's size
    # without its parsing
    log "glossaries, caches filled (x$runs, interleaved)"
    for g in 470 house 20000; do
      case $g in
        470) ga=(--glossary "$g470") ;;
        house) ga=() ;;
        20000) ga=(--glossary "$out/glossary-20000.tsv") ;;
      esac
      "${warm[@]}" "${ga[@]}" "$out/10mb.md" >/dev/null 2>&1 || true
    done
    for ((i = 0; i < runs; i++)); do
      sample "gw470" "${warm[@]}" --glossary "$g470" "$out/10mb.md"
      sample "gwhouse" "${warm[@]}" "$out/10mb.md"
      sample "gw20000" "${warm[@]}" --glossary "$out/glossary-20000.tsv" "$out/10mb.md"
    done
    read -r m _ < <(ratio "gwhouse" "gw470")
    row t5 "the same, caches filled (glossary and verdicts): house glossary vs the 470-concept one" \
      "+$(awk -v r="$m" 'BEGIN { printf "%.1f", (r - 1) * 100 }')% ($(smed gw470) s → $(smed gwhouse) s)" \
      "≤ +10%" "$(yesno le "$m" 1.10)"
    read -r m _ < <(ratio "gw20000" "gw470")
    row t5 "the same, caches filled: the 20,000-concept glossary vs the 470-concept one" \
      "+$(awk -v r="$m" 'BEGIN { printf "%.1f", (r - 1) * 100 }')% ($(smed gw470) s → $(smed gw20000) s)" \
      "≤ +20%" "$(yesno le "$m" 1.20)"
  fi
fi

# 6, the server's warm request, is measured and printed by tests/bench/serve.sh
# (make bench runs it after this script): one server, one load tool.

# ---- report ------------------------------------------------------------------
echo "## tradlint benchmark — $(date -u +%F), $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Every command $runs times, interleaved with its peer; times are min / median wall"
echo "seconds; ratios are the median (min) of the per-run ratios. Cold: \`tradlint check"
echo "-j 1 --no-db --no-cache --no-suggestions --fail-on never FILE\`."
if want inputs; then
  echo
  echo "| input | bytes | words | tradlint s (min / med) | MB/s | peak RSS MiB | hunspell -l s | vs hunspell | wc -w s | vs wc -w |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for s in "${inputs[@]}"; do
    vh="—" hs="—"
    if [ -n "${W[hun-$s]:-}" ]; then
      read -r m n < <(ratio "hun-$s" "tl-$s")
      vh="$(fx "$m") ($(fx "$n"))" hs="$(smin "hun-$s") / $(smed "hun-$s")"
    fi
    read -r m n < <(ratio "wc-$s" "tlw-$s")
    mbs=$(awk -v b="${bytes[$s]}" -v w="$(smed "tl-$s")" 'BEGIN { if (b == 0) print "—"; else printf "%.2f", b / 1e6 / (w < 1e-6 ? 1e-6 : w) }')
    printf '| %s | %s | %s | %s / %s | %s | %s | %s | %s | %s / %s | %s |\n' "$s.md" "${bytes[$s]}" \
      "${words[$s]}" "$(smin "tl-$s")" "$(smed "tl-$s")" "$mbs" "$(mib "tl-$s")" "$hs" "$vh" \
      "$(smin "wc-$s")" "$(smed "wc-$s")" "$(awk -v r="$m" 'BEGIN { printf "%.3f×", r }')"
  done
  echo
  echo "vs hunspell, vs wc -w: the peer's time ÷ tradlint's in the same run (above 1× tradlint is faster)."
fi
echo
echo "| target | measured | goal | |"
echo "| --- | --- | --- | --- |"
for r in "${rows[@]}"; do
  IFS='|' read -r key what got goal met <<<"$r"
  printf '| %s: %s | %s | %s | %s |\n' "${key#t}" "$what" "$got" "$goal" "$met"
done
