#!/usr/bin/env bash
# Pre-commit: `tradlint install-hook` in a temporary git repository blocks a
# commit of an article with a forbidden term and lets it through once
# fixed; --staged reads the index, not the working tree; an existing hook
# is not overwritten without --force. Prints "hooks: N passed, N failed".
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

finish
