#!/usr/bin/env bash
# Pre-commit: `tradlint install-hook` in a temporary git repository blocks a
# commit of an article with a forbidden term and lets it through once
# fixed; --staged reads the index, not the working tree; an existing hook
# is not overwritten without --force; many staged articles, names git would
# read as stage numbers (0:a.md, 1:x.md), submodules, symlinks and a binary
# path with a quote, each in a repository of its own.
# Prints "hooks: N passed, N failed".
. "$(dirname "$0")/lib.sh" hooks C.UTF-8 "$1"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t
cd "$tmp" && git init -q repo && cd repo
# the hook calls tradlint from PATH first: make it this build
mkdir -p "$tmp/bin" && ln -s "$bin" "$tmp/bin/tradlint" && export PATH="$tmp/bin:$PATH"

out=$("$bin" install-hook 2>&1) && [ -x .git/hooks/pre-commit ] && ok || bad "install-hook: $out"
printf 'O GPT-4.0 foi lançado pela OpenAI.\n' >artigo.md
git add artigo.md
if git commit -qm "artigo com erro" >commit.log 2>&1; then bad "commit with GPT-4.0 was not blocked"; else
  grep -q "GPT-4.0" commit.log && ok || bad "blocked without the finding: $(cat commit.log)"; fi
# the working tree is fixed but the index is not: still blocked
printf 'O GPT-4o foi lançado pela OpenAI.\n' >artigo.md
git commit -qm "ainda não preparado" >/dev/null 2>&1 && bad "--staged read the working tree" || ok
git add artigo.md
git commit -qm "artigo corrigido" >commit.log 2>&1 && ok || bad "fixed commit blocked: $(cat commit.log)"
# only articles: other files pass untouched
printf 'int main(void) { return 0; } /* treinamneto */\n' >x.c
git add x.c && git commit -qm "código" >/dev/null 2>&1 && ok || bad "non-article file blocked the commit"
# an existing foreign hook is kept unless --force
printf '#!/bin/sh\necho outro gancho\n' >.git/hooks/pre-commit
out=$("$bin" install-hook 2>&1); s=$?
if [ $s = 2 ] && [[ "$out" == *"--force"* ]] && grep -q "outro gancho" .git/hooks/pre-commit; then ok
else bad "foreign hook: exit $s: $out"; fi
"$bin" install-hook --force >/dev/null 2>&1 && grep -q "tradlint install-hook" .git/hooks/pre-commit && ok || bad "--force"
# reinstalling over our own hook is fine
"$bin" install-hook >/dev/null 2>&1 && ok || bad "reinstall over own hook"
# outside a repository
out=$(cd "$tmp" && "$bin" install-hook 2>&1); s=$?
[ $s = 2 ] && ok || bad "install-hook outside git: exit $s"

# fresh NAME: a new repository $tmp/NAME with the hook, as the current folder
fresh() { cd "$tmp" && git init -q "$1" && cd "$1" && "$bin" install-hook >/dev/null; }
# many staged articles (the list of names once overflowed an array sized
# from argv: heap overflow at 6 files, a crash at 40)
for n in 6 40; do
  fresh "muitos$n"
  for i in $(seq 1 $n); do printf 'O GPT-4o foi lançado pela OpenAI.\n' >"a$i.md"; done
  git add .
  out=$("$bin" check --staged --no-db 2>&1); s=$?
  [ $s = 0 ] && [[ "$out" == *"$n arquivos"* ]] && ok || bad "--staged with $n articles: exit $s: ${out:0:300}"
  git commit -qm "muitos $n" >commit.log 2>&1 && ok || bad "commit of $n articles: $(head -c 300 commit.log)"
done
# a file named like git's stage syntax is checked with its own content:
# '0:art.md' is not stage 0 of 'art.md'
fresh estagio0
printf 'O GPT-4o foi lançado pela OpenAI.\n' >art.md
printf 'O GPT-4.0 foi lançado pela OpenAI.\n' >0:art.md
git add art.md 0:art.md
out=$("$bin" check --staged --no-db 2>&1); s=$?
[ $s = 1 ] && [[ "$out" == *"0:art.md:1:3"*"GPT-4.0"* ]] && ok || bad "0:art.md read another file: exit $s: ${out:0:300}"
# '1:x.md' (stage 1 of x.md, which does not exist) must not be a git error
fresh estagio1
printf 'O GPT-4o foi lançado.\n' >1:x.md
git add 1:x.md
out=$("$bin" check --staged --no-db 2>&1); s=$?
[ $s = 0 ] && [[ "$out" == *"1 arquivo,"* ]] && ok || bad "1:x.md: exit $s: ${out:0:300}"
git commit -qm "1:x" >commit.log 2>&1 && ok || bad "commit of 1:x.md blocked: $(head -c 300 commit.log)"
# a submodule (a gitlink) and a symlink named *.md are not articles
git init -q "$tmp/sub" && (cd "$tmp/sub" && git commit -q --allow-empty -m sub)
fresh submodulo
printf 'O GPT-4o foi lançado.\n' >art.md && git add art.md
git -c protocol.file.allow=always submodule add -q "$tmp/sub" notas.md >/dev/null 2>&1
ln -s art.md link.md && git add link.md
out=$("$bin" check --staged --no-db 2>&1); s=$?
[ $s = 0 ] && [[ "$out" == *"1 arquivo,"* ]] && ok || bad "submodule/symlink: exit $s: ${out:0:300}"
git commit -qm "submódulo" >commit.log 2>&1 && ok || bad "commit of a submodule blocked: $(head -c 300 commit.log)"
# the hook finds the binary by a path with a single quote and a space in it
# when tradlint is not on PATH
fresh aspas
mkdir -p "$tmp/it's here" && cp "$bin" "$tmp/it's here/tradlint"
"$tmp/it's here/tradlint" install-hook --force >/dev/null 2>&1 && ok || bad "install-hook from a quoted path"
printf 'O GPT-4.0 foi lançado.\n' >quote.md && git add quote.md
if PATH=/usr/bin:/bin git commit -qm "aspas" >commit.log 2>&1; then bad "quoted path: commit with GPT-4.0 not blocked"
else grep -q "GPT-4.0" commit.log && ok || bad "quoted path: hook failed: $(head -c 300 commit.log)"; fi

finish
