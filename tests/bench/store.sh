#!/usr/bin/env bash
# Indexing throughput of the two store backends: W writers (processes,
# -j 1 each) index DOCS articles each, all different, into one memory, for
# W = 1, 4 and 8; documents per second = W x DOCS / wall time. The
# spelling verdicts are stored beforehand (one warm-up run), so that the
# numbers are the store's and the checks', not Hunspell's loading.
# SQLite: a file (WAL, synchronous=NORMAL, as tradlint sets it).
# PostgreSQL: a throwaway local cluster (tests/pg.sh) over its Unix socket,
# with fsync on, as a server would run.
#
# usage: tests/bench/store.sh BIN     (make bench runs it)
# env:   BENCH_STORE_DOCS (default 100 per writer), BENCH_STORE_WRITERS
#        (default "1 4 8")
# Prints one Markdown table on standard output.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
docs=${BENCH_STORE_DOCS:-100}
writers_list=${BENCH_STORE_WRITERS:-1 4 8}
export LC_ALL=C NO_COLOR=1 TRADLINT_DATA_DIR="$root"
unset TRADLINT_DB TRADLINT_ARCHIVE
tmp=$(mktemp -d)
. "$root/tests/pg.sh"
trap 'pg_stop; rm -rf "$tmp"' EXIT
PG_FSYNC=on pg_start || { echo "bench-store: no PostgreSQL server" >&2; exit 1; }
log() { echo "bench-store: $*" >&2; }

max=0
for w in $writers_list; do [ "$w" -gt "$max" ] && max=$w; done
# The articles: a few paragraphs with glossary terms rendered two ways,
# distinct per writer and per article.
python3 - "$tmp" "$max" "$docs" <<'PY'
import os, sys
tmp, writers, docs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
pairs = [("ajuste fino", "fine-tuning"), ("aprendizado por reforço", "aprendizagem por reforço"),
         ("grande modelo de linguagem", "LLM"), ("rede neural", "rede neuronal"),
         ("inteligência artificial", "IA"), ("conjunto de dados", "dataset")]
words = ("modelo dados treino camada texto imagem pesquisa empresa laboratório "
         "resultado métrica tarefa código sistema usuário pergunta resposta "
         "exemplo problema avaliação").split()
for w in range(writers):
    d = f"{tmp}/w{w}/artigos"
    os.makedirs(d)
    for i in range(docs):
        paras = []
        for p in range(4):
            a, b = pairs[(i + p + w) % len(pairs)]
            pick = a if (i + p) % 3 else b
            filler = " ".join(words[(i * 5 + p * 3 + k) % len(words)] for k in range(40))
            paras.append(f"No parágrafo {p} do artigo {i}, o texto trata de {pick}: {filler}.")
        with open(f"{d}/a{i:04d}.md", "w") as f:
            f.write(f"# Artigo {i} do redator {w}\n\n" + "\n\n".join(paras) + "\n")
PY
mkdir -p "$tmp/warm/artigos"
cp "$tmp"/w0/artigos/a000*.md "$tmp/warm/artigos/"

# run BACKEND-DB W: index W writers' folders at once; prints seconds
run() {
  local db=$1 w=$2 pids=() start end k
  start=$(date +%s.%N)
  for k in $(seq 0 $((w - 1))); do
    (cd "$tmp/w$k" && exec "$bin" corpus index -j 1 --db "$db" --archive bench artigos >/dev/null 2>"$tmp/err$k") &
    pids+=($!)
  done
  for k in "${!pids[@]}"; do
    wait "${pids[$k]}" || { log "writer $k failed: $(cat "$tmp/err$k")"; return 1; }
  done
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}

declare -A secs
n=0
for backend in sqlite postgresql; do
  for w in $writers_list; do
    n=$((n + 1))
    if [ $backend = sqlite ]; then
      db=$tmp/bench$n.db
    else
      "$PG_BIN/createdb" -h "$PG_SOCK" -p "$PG_PORT" -U tradlint "bench$n" || exit 1
      db="postgresql://tradlint@/bench$n?host=$PG_SOCK&port=$PG_PORT"
    fi
    # warm-up: the verdicts of the vocabulary, then an empty archive again
    (cd "$tmp/warm" && "$bin" corpus index --db "$db" --archive warm artigos >/dev/null 2>&1)
    log "$backend, $w writers x $docs articles"
    secs[$backend,$w]=$(run "$db" "$w") || exit 1
  done
done

echo "## store backends: indexing throughput — $(date -u +%F), $(nproc) cores"
echo
echo "\`tradlint corpus index -j 1\` per writer, $docs articles (~1.8 KB, 4 paragraphs with"
echo "glossary terms) per writer, all different, into one memory; verdicts stored beforehand."
echo "SQLite: WAL, synchronous=NORMAL. PostgreSQL 15: local cluster, Unix socket, fsync on."
echo
echo "| writers | documents | SQLite s | SQLite docs/s | PostgreSQL s | PostgreSQL docs/s |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
for w in $writers_list; do
  total=$((w * docs))
  s1=${secs[sqlite,$w]} s2=${secs[postgresql,$w]}
  printf '| %s | %s | %s | %s | %s | %s |\n' "$w" "$total" "$s1" \
    "$(awk -v n=$total -v s="$s1" 'BEGIN { printf "%.0f", n / s }')" "$s2" \
    "$(awk -v n=$total -v s="$s2" 'BEGIN { printf "%.0f", n / s }')"
done
