#!/usr/bin/env bash
# The hook of the pre-commit framework, as a newsroom uses it: Debian's
# pre-commit, a repository that lists tradlint in .pre-commit-config.yaml
# with the rev the README tells to pin (a commit hash; also a tag, made in
# this test's copy), `pre-commit install`, commits. A commit with GPT-4.0
# is blocked, the fixed one passes; without tradlint on PATH the hook says
# how to install it. The README pins no tag that does not exist.
# Prints "precommit: N passed, N failed".
. "$(dirname "$0")/lib.sh" precommit C.UTF-8 "$1"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
export PRE_COMMIT_HOME=$tmp/cache PRE_COMMIT_COLOR=never
pc=$(command -v pre-commit || true)
if [ -z "$pc" ]; then bad "pre-commit not installed (make deps-test)"; finish; exit 1; fi
# the README's snippet pins a commit hash, or a tag that exists
rev=$(sed -n '/^```yaml$/,/^```$/p' "$root/README.md" | awk '$1 == "rev:" {print $2; exit}')
if [ -z "$rev" ]; then bad "no rev in the README's pre-commit snippet"
elif [[ "$rev" =~ ^\<.*\>$ ]] || [ -n "$(git -C "$root" tag -l "$rev")" ]; then ok
else bad "the README pins rev '$rev', which is not a tag of the repository"; fi

# tradlint's repository as a newsroom sees it: the hook files as they are now
mkdir "$tmp/tradlint" && cd "$tmp/tradlint" && git init -q
mkdir hooks && cp "$root/.pre-commit-hooks.yaml" . && cp "$root/hooks/pre-commit.sh" hooks/
git add -A && git commit -qm "tradlint" && git tag v0.1.0
sha=$(git rev-parse HEAD)
mkdir -p "$tmp/bin" && ln -s "$bin" "$tmp/bin/tradlint"
cd "$tmp" && git init -q redacao && cd redacao
for r in "$sha" v0.1.0; do
  cat >.pre-commit-config.yaml <<EOT
repos:
  - repo: $tmp/tradlint
    rev: $r
    hooks:
      - id: tradlint
EOT
  git add .pre-commit-config.yaml && git commit -qm "config $r" >/dev/null 2>&1
  PATH="$tmp/bin:$PATH" "$pc" install >/dev/null 2>&1 && ok || bad "pre-commit install ($r)"
  printf 'O GPT-4.0 foi lançado pela OpenAI.\n' >artigo.md
  git add artigo.md
  if PATH="$tmp/bin:$PATH" git commit -qm "com erro" >commit.log 2>&1; then bad "GPT-4.0 not blocked ($r)"
  else grep -q 'GPT-4o' commit.log && ok || bad "blocked without the finding ($r): $(tail -5 commit.log)"; fi
  # without tradlint: a clear install message
  if PATH=/usr/bin:/bin git commit -qm "sem tradlint" >nobin.log 2>&1; then bad "passed without tradlint ($r)"
  else grep -q 'não está instalado' nobin.log && grep -q 'make install' nobin.log && ok ||
    bad "no install message ($r): $(tail -5 nobin.log)"; fi
  printf 'O GPT-4o foi lançado pela OpenAI.\n' >artigo.md
  git add artigo.md
  PATH="$tmp/bin:$PATH" git commit -qm "corrigido $r" >ok.log 2>&1 && ok || bad "fixed article blocked ($r): $(tail -5 ok.log)"
  git rm -q artigo.md && git commit -qm limpo --no-verify >/dev/null 2>&1
done
finish
