/* European Portuguese in a pt-BR text (spelling.european, warning):
 *   - words of the pt-PT list (dictionaries/pt-PT.tsv): the reviewed lexical
 *     pairs always (utilizador -> usuário, ecrã -> tela), nouns only after
 *     an article or determiner, or one and a prenominal adjective (o facto,
 *     a equipa, numa única equipa: "de facto" and "ele equipa" are
 *     Brazilian too), the reviewed pre-1990 spellings pt_BR still accepts
 *     always (objectivo, optimização, excepção: rule "prereform"), and the
 *     spelling-rule pairs (acção, económico, registámos) only when pt_BR
 *     does not know the word: a form pt_BR knows is Brazilian as well;
 *   - "estar a" + infinitive, the European progressive ("está a fazer" ->
 *     "está fazendo"), but not "estar a par", "a partir de", "a 10 km". */
#include "check.h"
#include "msg.h"

#include "ptpt.h"
#include "utf8.h"

#include <string.h>

/* Articles, contractions and determiners after which a word is a noun. */
static const char *const DETERMINERS[] = {
    "o", "a", "os", "as", "um", "uma", "uns", "umas", "do", "da", "dos",
    "das", "no", "na", "nos", "nas", "ao", "à", "aos", "às", "pelo", "pela",
    "pelos", "pelas", "num", "numa", "este", "esta", "estes", "estas",
    "esse", "essa", "esses", "essas", "aquele", "aquela", "aqueles",
    "aquelas", "deste", "desta", "desse", "dessa", "neste", "nesta", "nesse",
    "nessa", "seu", "sua", "seus", "suas", "nosso", "nossa", "nossos",
    "nossas", "meu", "minha", "teu", "tua", "cada", "outro", "outra",
    "qualquer", NULL};

/* Adjectives that come before a noun, between it and its determiner: "numa
 * única equipa", "o mesmo facto". */
static const char *const PRENOMINAL[] = {
    "único", "única", "únicos", "únicas", "novo", "nova", "novos", "novas",
    "grande", "grandes", "próprio", "própria", "próprios", "próprias",
    "mesmo", "mesma", "mesmos", "mesmas", "primeiro", "primeira",
    "primeiros", "primeiras", "último", "última", "últimos", "últimas",
    "pequeno", "pequena", "pequenos", "pequenas", "antigo", "antiga",
    "antigos", "antigas", "melhor", "melhores", "verdadeiro", "verdadeira",
    NULL};

/* Forms of "estar". */
static const char *const ESTAR[] = {
    "estar", "estou", "está", "estás", "estamos", "estão", "estava",
    "estavas", "estávamos", "estavam", "esteve", "estiveram", "estivemos",
    "estará", "estarão", "estaria", "estariam", "estando", "estivesse",
    "estivessem", "esteja", "estejam", "estarem", "estive", NULL};

/* Words in -ar/-er/-ir after "estar a" that are not verbs: "estar a par",
 * "a caráter". */
static const char *const NOT_VERBS[] = {"ar",  "par", "mar", "lar", "bar",
                                        "caráter", "éter", "mister", "ímpar",
                                        "colher", "talher", NULL};

/* The lower-case text of token @tok, in @b. */
static const char *lower(const tl_ctx *c, const tl_token *tok, tl_buf *b)
{
  tl_buf_clear(b);
  tl_utf8_lower(c->doc + tok->off, tok->len, b);
  return tl_buf_cstr(b);
}

/* @w with the case of its first letter taken from @model, in @out. */
static const char *with_case(const char *model, size_t mlen, const char *w,
                             tl_buf *out)
{
  size_t adv;
  int32_t cp = tl_utf8_decode(model, mlen, &adv);

  tl_buf_clear(out);
  if (tl_cp_is_upper(cp)) {
    int32_t first = tl_utf8_decode(w, strlen(w), &adv);
    tl_utf8_encode(tl_cp_upper(first), out);
    tl_buf_adds(out, w + adv);
  } else {
    tl_buf_adds(out, w);
  }
  return tl_buf_cstr(out);
}

/* 1 when pt_BR knows @w, 0 when not, -1 when it cannot say. */
static int br_knows(tl_ctx *c, const char *w, size_t n)
{
  tl_map_slot *v = c->verdicts != NULL ? tl_map_find(c->verdicts, w, n)
                                       : NULL;
  int known;

  if (v != NULL)
    return v->value == 1;
  known = tl_spell_check(c->spell, w, n, NULL);
  if (known < 0)
    return -1;
  if (c->verdicts != NULL)
    tl_map_put(c->verdicts, w, n, known ? 1 : 2, NULL);
  return known;
}

static void report(tl_ctx *c, size_t off, size_t len, const char *sugg,
                   const char *why)
{
  const char *sv = tl_arena_strndup(&c->res->arena, sugg, strlen(sugg));
  tl_finding *f = tl_result_add(
      c->res, off, len, "spelling.european", "spelling", TL_WARNING,
      _("'%s' é português europeu%s; no Brasil, '%s'"),
      tl_result_surface(c->res, off, len), why, sv);
  tl_result_set_suggestions(c->res, f, &sv, 1);
  f->fix = true;
}

/* Adverbs that may stand between "estar" and "a": "estão agora a usar". */
static const char *const ADVERBS[] = {"agora", "já", "ainda", "também",
                                      "sempre", "hoje", "todos", NULL};

/* Clitics after a hyphen: "está a refletir-se" -> "está se refletindo". */
static const char *const CLITICS[] = {"se", "me", "te", "nos", "vos", "lhe",
                                      "lhes", NULL};

/* "estar a" + infinitive at token @k (a form of estar); returns the index
 * of the last token used, or @k. */
static size_t progressive(tl_ctx *c, const tl_tokens *t, size_t k,
                          tl_buf *low, tl_buf *sugg)
{
  const tl_token *e = &t->v[k], *a, *v;
  const char *w, *clitic = NULL;
  size_t n, i = k + 1, head;

  if (i < t->n && t->v[i].kind == TL_TOK_WORD &&
      t->v[i].off == e->off + e->len + 1) {
    lower(c, &t->v[i], low);
    if (tl_in_list(ADVERBS, low->p, low->len))
      i++; /* an adverb between */
  }
  if (i + 1 >= t->n)
    return k;
  a = &t->v[i];
  v = &t->v[i + 1];
  if (a->sent != e->sent || v->sent != a->sent || a->kind != TL_TOK_WORD ||
      v->kind != TL_TOK_WORD || a->len != 1 || c->doc[a->off] != 'a' ||
      (v->flags & TL_TF_CAP))
    return k;
  /* nothing but one space between the words */
  if (a->off != t->v[i - 1].off + t->v[i - 1].len + 1 || v->off != a->off + 2)
    return k;
  w = lower(c, v, low);
  n = low->len;
  if (v->flags & TL_TF_HYPHEN) { /* "refletir-se" */
    const char *h = memchr(w, '-', n);
    if (h == NULL || !tl_in_list(CLITICS, h + 1, n - (size_t)(h - w) - 1))
      return k;
    clitic = h + 1;
    n = (size_t)(h - w);
  }
  if (n < 3 || tl_in_list(NOT_VERBS, w, n) ||
      !(w[n - 1] == 'r' && (w[n - 2] == 'a' || w[n - 2] == 'e' ||
                            w[n - 2] == 'i')))
    return k;
  /* "a partir de", "a contar de": a preposition, not a verb */
  if (((n == 6 && memcmp(w, "partir", 6) == 0) ||
       (n == 6 && memcmp(w, "contar", 6) == 0)) &&
      i + 2 < t->n) {
    tl_buf tmp;
    bool de;
    tl_buf_init(&tmp);
    de = strncmp(lower(c, &t->v[i + 2], &tmp), "d", 1) == 0;
    tl_buf_fini(&tmp);
    if (de)
      return k;
  }
  if (br_knows(c, w, n) != 1)
    return k;
  tl_buf_clear(sugg);
  tl_buf_add(sugg, c->doc + e->off, v->off - e->off - 2); /* up to "a" */
  while (sugg->len > 0 && sugg->p[sugg->len - 1] == ' ')
    sugg->len--;
  tl_buf_addc(sugg, ' ');
  if (clitic != NULL) {
    tl_buf_adds(sugg, clitic);
    tl_buf_addc(sugg, ' ');
  }
  head = sugg->len;
  tl_buf_add(sugg, w, n - 2);
  tl_buf_adds(sugg, w[n - 2] == 'a' ? "ando"
                                    : (w[n - 2] == 'e' ? "endo" : "indo"));
  if (br_knows(c, sugg->p + head, sugg->len - head) != 1)
    return k;
  report(c, e->off, v->off + v->len - e->off, tl_buf_cstr(sugg),
         _(" (estar a + infinitivo)"));
  return i + 1;
}

/* Token @k is a noun by its left context: right after a determiner ("a
 * equipa"), or after a determiner and a prenominal adjective ("numa única
 * equipa"); "ele equipa" is the Brazilian verb. */
static bool after_determiner(tl_ctx *c, const tl_tokens *t, size_t k)
{
  const tl_token *tok = &t->v[k];
  tl_buf w;
  bool noun = false;

  tl_buf_init(&w);
  for (size_t back = 1; back <= 2 && back <= k && !noun; back++) {
    const tl_token *p = &t->v[k - back];
    if (p->sent != tok->sent || p->kind != TL_TOK_WORD)
      break;
    tl_buf_clear(&w);
    lower(c, p, &w);
    if (tl_in_list(DETERMINERS, w.p, w.len))
      noun = true;
    else if (!tl_in_list(PRENOMINAL, w.p, w.len))
      break;
  }
  tl_buf_fini(&w);
  return noun;
}

bool tl_european_word(const tl_ctx *c, const char *low, size_t n)
{
  return c->ptpt != NULL &&
         ((n == 3 && memcmp(low, "mil", 3) == 0) || tl_in_list(ESTAR, low, n) ||
          tl_ptpt_lookup_lower(c->ptpt, low, n) != NULL);
}

void tl_check_european(tl_ctx *c, const tl_tokens *t)
{
  tl_buf low, sugg;

  if (c->ptpt == NULL)
    return;
  tl_buf_init(&low);
  tl_buf_init(&sugg);
  for (size_t k = 0; k < t->n; k++) {
    const tl_token *tok = &t->v[k];
    const tl_ptpt_entry *e;
    const char *w;
    size_t wn;

    if (tok->kind != TL_TOK_WORD || (tok->flags & TL_TF_ALLCAPS) ||
        !c->lang[k].european)
      continue; /* nothing of the check's: its class says so */
    w = tl_token_lower(c->doc, tok, &low, &wn);
    if (wn == 3 && memcmp(w, "mil", 3) == 0 && k + 1 < t->n &&
        t->v[k + 1].off == tok->off + 4 && t->v[k + 1].sent == tok->sent) {
      /* "13 mil milhões": the European billion */
      lower(c, &t->v[k + 1], &low);
      if (strcmp(tl_buf_cstr(&low), "milhões") == 0) {
        report(c, tok->off, t->v[k + 1].off + t->v[k + 1].len - tok->off,
               "bilhões", "");
        k++;
      }
      continue;
    }
    if (tl_in_list(ESTAR, w, wn)) {
      k = progressive(c, t, k, &low, &sugg);
      continue;
    }
    e = tl_ptpt_lookup_lower(c->ptpt, w, wn); /* w: the token lowered */
    if (e == NULL)
      continue;
    if (e->when == TL_PTPT_NOUN) {
      if (!after_determiner(c, t, k))
        continue;
    } else if (strcmp(e->rule, "lexical") != 0 &&
               strcmp(e->rule, "prereform") != 0) {
      /* a spelling pair: only when the form is not Brazilian as well (the
       * reviewed tables' pairs are reported although pt_BR accepts them:
       * "objectivo", "optimização" are in pt_BR's word list) */
      tl_buf key;
      int known;
      tl_buf_init(&key);
      tl_token_key(c->doc, tok, &key);
      known = br_knows(c, key.p, key.len);
      tl_buf_fini(&key);
      if (known != 0)
        continue;
    }
    report(c, tok->off, tok->len,
           with_case(c->doc + tok->off, tok->len, e->ptbr, &sugg), "");
  }
  tl_buf_fini(&low);
  tl_buf_fini(&sugg);
}
