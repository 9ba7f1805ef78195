#!/usr/bin/env bash
# Many writers on one memory, some of them killed: nothing lost, nothing
# doubled. On PostgreSQL, half the writers connect over the Unix socket and
# half over TCP with a password, as runners on other machines do.
#   tests/concurrency.sh BIN sqlite|postgresql
# env: WRITERS (default 4), DOCS per writer (default 30), KILLS (default
#      WRITERS/4, at least 1); make stress runs 8 x 250 with 2 kills.
#
# Writer k indexes DOCS articles from its own folder under the same
# relative paths as its neighbours (k's second half is k+1's first half),
# with content of its own version (neighbours differ); even writers go up,
# odd ones down, so that neighbours meet on a path: one path recorded by
# two processes at once with different content. KILLS writers
# get a kill -9 at a random moment. Then, for every document the memory
# holds, its rows must be exactly those of its content (path and hash)
# recorded alone into a fresh SQLite memory: no usage lost, none doubled,
# none from the other version; every path of a writer that finished is
# there; the report's counts (PostgreSQL: the running totals) agree with
# the rows. Prints the numbers and "concurrency-BACKEND: N passed, N failed".
backend=${2:-sqlite}
. "$(dirname "$0")/lib.sh" "concurrency-$backend" C "$1"
unset TRADLINT_DB TRADLINT_ARCHIVE
writers=${WRITERS:-4}
docs=${DOCS:-30}
kills=${KILLS:-$(( writers / 4 > 0 ? writers / 4 : 1 ))}

case $backend in
sqlite) db=$tmp/stress.db ;;
postgresql)
  . "$root/tests/pg.sh"
  trap 'pg_stop; rm -rf "$tmp"' EXIT
  pg_start || { echo "$suite: FAIL: no PostgreSQL server"; exit 1; }
  db=$PG_URI
  # odd writers come as other machines would: over TCP, with a password
  # (SCRAM) and TLS when the cluster has it
  tcpdb="$PG_TCP_URI?sslmode=prefer"
  export PGPASSWORD=$PG_PASSWORD
  ;;
*) echo "usage: $0 BIN sqlite|postgresql" >&2; exit 2 ;;
esac

cd "$tmp"
half=$(( docs / 2 ))
npaths=$(( half * (writers + 1) ))
# The articles: version v of article i (v: the writer's parity), and every
# version of every path for the reference.
python3 - "$writers" "$docs" "$npaths" <<'PY'
import os, sys
writers, docs, npaths = map(int, sys.argv[1:])
words = ("modelo dados rede treino camada texto imagem pesquisa empresa "
         "laboratório resultado métrica tarefa código sistema usuário "
         "pergunta resposta exemplo problema").split()
def article(i, v):
    ft = ["ajuste fino", "fine-tuning"][(i + v) % 2]
    rl = ["aprendizado por reforço", "aprendizagem por reforço"][(i // 2 + v) % 2]
    extra = " ".join(words[(i * 7 + k * 3 + v) % len(words)] for k in range(6))
    body = f"# Artigo {i}\n\nTexto {i} da versão {v} sobre o {ft} e o {rl}: {extra}.\n"
    if (i + v) % 3 == 0:
        body += f"\nDe novo o {ft}, agora com {words[(i + v) % len(words)]}.\n"
    return body
def write(folder, i, v):
    os.makedirs(f"{folder}/artigos", exist_ok=True)
    with open(f"{folder}/artigos/a{i:04d}.md", "w") as f:
        f.write(article(i, v))
half = docs // 2
for k in range(writers):
    for i in range(k * half, k * half + docs):
        write(f"w{k}", i, k % 2)
for v in range(2):
    for i in range(npaths):
        write(f"ref{v}", i, v)
PY

# The reference: each version alone, one process, a fresh SQLite file.
# Its time also sets when the victims die: a writer of DOCS documents runs
# at least DOCS/NPATHS of it alone, and longer among the others.
ref_start=$(date +%s.%N)
for v in 0 1; do
  (cd ref$v && "$bin" corpus index --db "$tmp/ref$v.db" artigos >/dev/null 2>&1) ||
    bad "reference $v: corpus index failed"
  "$bin" corpus export --db "$tmp/ref$v.db" >ref$v.jsonl
done
solo=$(python3 -c "import time; print((time.time() - $ref_start) / 2 * $docs / $npaths)")

# The writers, all at once; some killed: each victim at its own moment,
# drawn from the middle of a writer's time alone (so well inside its run
# among the others, however fast the store becomes). The victims and the
# pauses between their deaths are drawn before the start, so that nothing
# slow sits between the start and a kill.
victims=$(python3 -c "import random; print(' '.join(map(str, random.sample(range($writers), $kills))))")
read -ra pauses < <(python3 -c "
import random
m = sorted(random.uniform(0.2, 0.6) * $solo for _ in range($kills))
print(' '.join(str(round(b - a, 3)) for a, b in zip([0.0] + m, m)))")
i=0
# The writers, all at once; some killed.
start=$(date +%s.%N)
pids=()
for k in $(seq 0 $((writers - 1))); do
  if [ $((k % 2)) = 0 ]; then order=""; else order="-r"; fi
  wdb=$db; [ $backend = postgresql ] && [ $((k % 2)) = 1 ] && wdb=$tcpdb
  (cd w$k && mapfile -t files < <(printf '%s\n' artigos/*.md | sort $order) &&
    exec "$bin" corpus index --db "$wdb" --archive stress "${files[@]}" >"$tmp/w$k.out" 2>&1) &
  pids+=($!)
done
# A reader meanwhile: exports and reports while the writers write, each of
# one snapshot (checked below: every document exported has exactly the rows
# of its hash, though writers replace documents under the reader; every
# concept reported has two renderings or more).
(for i in $(seq 1 40); do
   alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
   [ $alive = 1 ] || break
   sleep 0.2
   "$bin" corpus export --db "$db" --archive stress >"during$i.jsonl" 2>"during$i.err" ||
     echo "export $i: exit $?: $(cat "during$i.err")" >>during.failed
   "$bin" corpus report --db "$db" --archive stress --format json >"during$i.json" 2>"during$i.err" ||
     echo "report $i: exit $?: $(cat "during$i.err")" >>during.failed
 done) & reader=$!
# (bash's "Killed" notices are not ours to print)
exec 3>&2 2>/dev/null
for k in $victims; do
  sleep "${pauses[$i]}"; i=$((i + 1))
  kill -9 "${pids[$k]}" 2>/dev/null
done
status=()
for k in $(seq 0 $((writers - 1))); do
  { wait "${pids[$k]}"; } 2>/dev/null; status+=($?)
done
exec 2>&3 3>&-
wait $reader
took=$(python3 -c "import time; print(round(time.time() - $start, 1))")

"$bin" corpus export --db "$db" --archive stress >got.jsonl 2>export.err ||
  bad "export: $(cat export.err)"
"$bin" corpus report --db "$db" --archive stress --format json >report.json 2>report.err ||
  bad "report: $(cat report.err)"
"$bin" corpus stats --db "$db" --archive stress >stats.txt 2>&1 || bad "stats: $(cat stats.txt)"

check=$(python3 - "$writers" "$docs" "${status[*]}" <<'PY'
import json, sys, collections
writers, docs = int(sys.argv[1]), int(sys.argv[2])
status = list(map(int, sys.argv[3].split()))
half = docs // 2
KEYS = ("concept", "rendering", "kind", "count", "first_line", "first_offset", "surface")
def load(name):
    docs = collections.defaultdict(list)
    for line in open(name):
        r = json.loads(line)
        docs[(r["path"], r["hash"])].append(tuple(r[k] for k in KEYS))
    return docs
ref = {}
for v in (0, 1):
    ref.update(load(f"ref{v}.jsonl"))
got = load("got.jsonl")
problems = []
paths = collections.Counter(p for p, h in got)
for p, n in paths.items():
    if n > 1:
        problems.append(f"{p}: {n} hashes at once")
for key, rows in got.items():
    if key not in ref:
        problems.append(f"{key}: content of no version")
    elif sorted(rows) != sorted(ref[key]):
        problems.append(f"{key}: rows {sorted(rows)} != {sorted(ref[key])}")
    if len(set(rows)) != len(rows):
        problems.append(f"{key}: a usage twice")
finished = [k for k in range(writers) if status[k] == 0]
for k in finished:
    for i in range(k * half, k * half + docs):
        if f"artigos/a{i:04d}.md" not in paths:
            problems.append(f"writer {k} finished and artigos/a{i:04d}.md is missing")
# the report's counts (running totals) against the rows
tot = collections.defaultdict(lambda: [0, 0])
for (p, h), rows in got.items():
    for r in rows:
        tot[(r[0], r[1])][0] += 1
        tot[(r[0], r[1])][1] += r[3]
for c in json.load(open("report.json"))["concepts"]:
    for x in c["renderings"]:
        want = tot[(c["concept"], x["rendering"])]
        if [x["documents"], x["occurrences"]] != want:
            problems.append(f"report {c['concept']}/{x['rendering']}: {x['documents']}, {x['occurrences']} != {want}")
stats = dict(l.split(": ", 1) for l in open("stats.txt").read().splitlines() if ": " in l)
if int(stats["documentos"]) != len(paths) or int(stats["formas registradas"]) != sum(map(len, got.values())):
    problems.append(f"stats {stats['documentos']} documents, {stats['formas registradas']} usages; rows: {len(paths)}, {sum(map(len, got.values()))}")
# the exports and reports taken during the writes: one snapshot each
import glob, os
seen = 0
for name in sorted(glob.glob("during*.jsonl")):
    for key, rows in load(name).items():
        seen += 1
        if key not in ref or sorted(rows) != sorted(ref[key]):
            problems.append(f"{name}: {key}: rows of another version")
for name in sorted(glob.glob("during*.json")):
    try:
        concepts = json.load(open(name))["concepts"]
    except ValueError:
        problems.append(f"{name}: not JSON")
        continue
    for c in concepts:
        if len(c["renderings"]) < 2:
            problems.append(f"{name}: {c['concept']} listed with {len(c['renderings'])} rendering")
if os.path.exists("during.failed"):
    problems.append("report during the writes failed: " + open("during.failed").read().strip())
killed = [k for k in range(writers) if status[k] == 137]
print(f"{len(paths)} documents committed ({sum(map(len, got.values()))} usages), "
      f"{len(finished)} writers finished, {len(killed)} killed, "
      f"{sum(1 for k in finished for _ in range(docs))} documents from finished writers, "
      f"{seen} documents read by exports during the writes")
for p in problems[:10]:
    print("PROBLEM", p)
print("PROBLEMS", len(problems))
PY
)
echo "concurrency-$backend: $writers writers x $docs documents, $kills kill -9, ${took} s: $(echo "$check" | head -1)"
if [[ "$check" == *"PROBLEMS 0"* ]]; then ok
else bad "integrity:"; echo "$check" | grep PROBLEM; fi
for k in $(seq 0 $((writers - 1))); do
  if [ "${status[$k]}" != 0 ] && [ "${status[$k]}" != 137 ]; then
    bad "writer $k: exit ${status[$k]}: $(tail -3 w$k.out)"
  fi
done
# at least one writer was really killed mid-run (else the test tested less)
n=0; for k in $victims; do [ "${status[$k]}" = 137 ] && n=$((n + 1)); done
[ $n -ge 1 ] && ok || bad "no writer was killed while running (statuses: ${status[*]})"

finish
