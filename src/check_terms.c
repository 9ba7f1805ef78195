/* Terminology and agreement, from the glossary matches of a block. */
#include "check.h"
#include "msg.h"

#include "article.h"
#include "prose.h"
#include "utf8.h"

#include <string.h>

/* " (nota)" when the concept has a note. */
static const char *note_of(const tl_concept *c, char *buf, size_t n)
{
  if (c->note == NULL || c->note[0] == '\0')
    return "";
  snprintf(buf, n, " — %s", c->note);
  return buf;
}

/* Whether token @i, a neighbour of the match joined to it by one space
 * inside the sentence, makes it part of a name: a capitalised English or
 * neutral word that is not the sentence's first (capitalised anyway: "A AI
 * da empresa"), an English word of the same link text, or, right before a
 * short acronym, a glossary name or a brand with inner capitals: the
 * product's own name ("a Claude AI", "os óculos Ray-Ban AI"), while
 * "servidores de AI", "a AI" and "Inteligência AI" stay errors. */
static bool name_neighbour(tl_ctx *c, const tl_tokens *t, const tl_matches *m,
                           const tl_match *x, size_t i)
{
  const tl_token *w = &t->v[i], *first = &t->v[x->tok_first];
  size_t gap_a = i < x->tok_first ? w->off + w->len : x->off + x->len;
  size_t gap_b = i < x->tok_first ? x->off : w->off;
  const tl_match *name;

  if (w->kind != TL_TOK_WORD || w->sent != first->sent ||
      gap_b != gap_a + 1 || c->doc[gap_a] != ' ')
    return false;
  /* link text in English, whatever its case: "[… of safer AI](…)" */
  /* "Show", "Total", "safer": Portuguese words English has too are
   * neutral */
  tl_word_lang_resolve(c, w, &c->lang[i]);
  if ((w->flags & TL_TF_LINK) && (first->flags & TL_TF_LINK) &&
      (c->lang[i].lang == TL_WORD_EN ||
       (c->lang[i].en_known && w->len >= 3 &&
        !tl_is_en_function(c->doc + w->off, w->len))))
    return true;
  if (!(w->flags & TL_TF_CAP) || (w->flags & TL_TF_SENT_START))
    return false;
  if (c->lang[i].lang != TL_WORD_PT)
    return true;
  if (i + 1 != x->tok_first || x->tok_first != x->tok_last ||
      !(first->flags & TL_TF_ALLCAPS) || first->len > 3)
    return false;
  name = tl_matches_at_token(m, i);
  return name != NULL ? c->gloss->c[name->concept].exact
                      : (w->flags & TL_TF_INNERCAP) != 0;
}

/* A forbidden name form inside an English title or name ("Empire of AI",
 * "AI Action Summit", "o canal AI Show", "[Must Learn AI Security](…)",
 * "os óculos Ray-Ban AI", "Character.AI"): part of the name, not the
 * house's term. The
 * match is in a run of capitalised words with an English or unknown word
 * beside it, or, in a name the document has not taught (link text, a
 * show's name), written next to a capitalised English or neutral word:
 * Portuguese prose puts no such word against the acronym ("a AI
 * Generativa" keeps its finding: "Generativa" is Portuguese). */
static bool inside_english_title(tl_ctx *c, const tl_tokens *t,
                                 const tl_matches *m, const tl_match *x)
{
  size_t nb[2];
  int k = 0;
  bool title = true;
  char before = x->off > 1 ? c->doc[x->off - 2] : ' ';

  /* glued to a name by a point: "Character.AI" */
  if (x->off > 1 && c->doc[x->off - 1] == '.' &&
      ((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z')))
    return true;
  for (uint32_t i = x->tok_first; i <= x->tok_last; i++)
    if (!(c->role[i] & TL_ROLE_TITLE))
      title = false;
  if (x->tok_first > 0)
    nb[k++] = x->tok_first - 1;
  if (x->tok_last + 1 < t->n)
    nb[k++] = x->tok_last + 1;
  for (int j = 0; j < k; j++) {
    size_t i = nb[j];
    if (title && (c->role[i] & TL_ROLE_TITLE) &&
        t->v[i].sent == t->v[x->tok_first].sent &&
        (c->lang[i].lang == TL_WORD_EN ||
         (t->v[i].kind == TL_TOK_WORD && (t->v[i].flags & TL_TF_CAP) &&
          c->lang[i].lang == TL_WORD_NEUTRAL)))
      return true;
    if (name_neighbour(c, t, m, x, i))
      return true;
  }
  return false;
}

/* Whether the surface [p, p+n) is, byte for byte, one of the English names
 * of name concept @k (its `en` column: "Nvidia|NVIDIA", "Wikipedia"): the
 * brand's own spelling, which the house may respell ("Nvidia",
 * "Wikipédia") but which is never wrong as written. A note in parentheses
 * after a term is not part of it. */
static bool is_own_spelling(const tl_concept *k, const char *p, size_t n)
{
  /* a name: case exact and written with a capital by the house too (not
   * "youtuber", a common noun that English capitalises) */
  if (!k->exact || k->en == NULL ||
      !tl_utf8_has_upper(k->preferred, strlen(k->preferred)))
    return false;
  for (const char *e = k->en; *e != '\0';) {
    size_t len = strcspn(e, "|");
    size_t name = strcspn(e, "(|");
    while (name > 0 && e[name - 1] == ' ')
      name--;
    while (name > 0 && *e == ' ') {
      e++, len--, name--;
    }
    if (name == n && memcmp(e, p, n) == 0)
      return true;
    e += len;
    if (*e == '|')
      e++;
  }
  return false;
}

/* Whether the surface [p, p+n) is the form @f with a Unicode hyphen
 * (U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN) where the form has '-':
 * "o4‑mini" copied from an English page is the house's "o4-mini" to the
 * eye and to the reader; only the byte differs. */
static bool unicode_hyphen_of(const char *p, size_t n, const char *f)
{
  size_t i = 0;
  bool any = false;

  for (; i < n && *f; f++) {
    if (*f == '-' && i + 3 <= n && (unsigned char)p[i] == 0xE2 &&
        (unsigned char)p[i + 1] == 0x80 &&
        ((unsigned char)p[i + 2] == 0x90 || (unsigned char)p[i + 2] == 0x91)) {
      i += 3;
      any = true;
    } else if (p[i] == *f) {
      i++;
    } else {
      return false;
    }
  }
  return any && i == n && *f == '\0';
}

/* Whether the surface [p, p+n) is the form @f with accents added, and a
 * Portuguese word of its own: "desde o Cadê até o Google" (the old search
 * engine, "cadê?") is no spelling of the council's "Cade". An accent is
 * never added to a name by accident of typing; a word that has one is
 * that word. */
static bool accented_word_not_form(tl_ctx *c, const char *p, size_t n,
                                   const char *f)
{
  size_t fn = strlen(f);
  bool other = false;
  tl_buf a, b;

  if (c->spell == NULL || n <= fn)
    return false; /* no accent added: an accent takes a byte more */
  for (size_t i = 0; i < fn; i++)
    if ((unsigned char)f[i] >= 0x80)
      return false; /* the form has accents of its own */
  tl_buf_init(&a);
  tl_buf_init(&b);
  tl_utf8_strip_accents(p, n, &a);
  tl_utf8_lower(a.p, a.len, &b);
  tl_buf_clear(&a);
  tl_utf8_lower(f, fn, &a);
  if (a.len == b.len && memcmp(a.p, b.p, a.len) == 0) {
    tl_buf_clear(&b);
    tl_utf8_lower(p, n, &b);
    other = tl_spell_check(c->spell, b.p, b.len, NULL) == 1;
  }
  tl_buf_fini(&a);
  tl_buf_fini(&b);
  return other;
}

/* Copulas: a predicative adjective after one says what its subject is. */
static const char *const COPULAS[] = {
    "é",      "são",    "era",     "eram",   "foi",     "foram",  "será",
    "serão",  "seria",  "seriam",  "seja",   "sejam",   "ser",    "sendo",
    "sido",   "está",   "estão",   "estava", "estavam", "estar",  "parece",
    "parecem", "fica",  "ficam",   "ficar",  NULL};
/* Whether @tok may be one of COPULAS, before lower-casing it: they are 2
 * to 7 bytes long and begin with e, é, f, p or s (no other capital
 * lower-cases to those; İ, the one letter that lower-cases shorter, to an
 * 'i', makes a word a byte longer at most). */
static bool may_be_copula(const char *doc, const tl_token *tok)
{
  unsigned char b = (unsigned char)doc[tok->off];

  if (tok->len < 2 || tok->len > 8)
    return false;
  switch (b | 0x20) {
  case 'e': case 'f': case 'p': case 's':
    return true;
  default:
    return b == 0xC3; /* é, É */
  }
}

/* Degree words between a copula and its adjective ("é muito ruidoso"). */
static const char *const DEGREE[] = {"muito", "pouco",  "bem",   "tão",
                                     "bastante", "mais", "menos", "sempre",
                                     "ainda", "também", "quase", "não",
                                     NULL};

/* Adjectives of evaluation, said of any subject: "a atribuição de tarefas
 * é difícil" is Portuguese even though "atribuição difícil" is a wrong
 * rendering of "hard assignment". */
static const char *const EVALUATIVE[] = {
    "difícil", "difíceis", "fácil",  "fáceis",  "simples",  "possível",
    "possíveis", "impossível", "impossíveis", "importante", "importantes",
    "necessário", "necessária", "necessários", "necessárias", "útil",
    "úteis",   NULL};

/* A forbidden "noun adjective" form said of its noun by a copula: "os
 * dados ... podem ser barulhentos" for "dados barulhentos", when the
 * concept's own form starts with the same noun ("dados ruidosos"): the
 * adjective is the wrong word wherever it stands. The noun is within
 * PRED_REACH words before the copula, in the same sentence. */
#define PRED_REACH 12
static void predicative(tl_ctx *c, const tl_tokens *t, const tl_matches *m)
{
  const tl_gloss *g = c->gloss;
  const size_t *offs;
  const char *keys;
  char nb[1200];

  if (g == NULL || t->n < 3 || t->n > TL_PHRASE_MAX_TOKENS ||
      !tl_gloss_has_pred_forms(g))
    return;
  offs = tl_ctx_token_keys(c, t, &keys);
  for (size_t i = 1; i + 1 < t->n; i++) {
    size_t a = i + 1, skipped = 0, npf;
    const tl_token *adj;
    const tl_pred_form *pf;

    if (t->v[i].kind != TL_TOK_WORD || !may_be_copula(c->doc, &t->v[i]) ||
        !tl_ctx_in_list(c, t, i, TL_WL_COPULA, COPULAS, true))
      continue;
    while (a < t->n && skipped < 2 && t->v[a].kind == TL_TOK_WORD &&
           t->v[a].sent == t->v[i].sent &&
           (tl_ctx_in_list(c, t, a, TL_WL_DEGREE, DEGREE, true) ||
            (t->v[a].len > 6 &&
             memcmp(c->doc + t->v[a].off + t->v[a].len - 5, "mente", 5) ==
                 0))) {
      a++;
      skipped++;
    }
    if (a >= t->n)
      continue;
    adj = &t->v[a];
    if (adj->kind != TL_TOK_WORD || adj->sent != t->v[i].sent ||
        (adj->flags & (TL_TF_CAP | TL_TF_ALLCAPS)) ||
        tl_ctx_in_list(c, t, a, TL_WL_EVALUATIVE, EVALUATIVE, true) ||
        tl_matches_overlap(m, adj->off, adj->off + adj->len) != NULL)
      continue;
    pf = tl_gloss_pred_forms(g, keys + offs[a], offs[a + 1] - offs[a], &npf);
    for (size_t p = 0; p < npf; p++) {
      const tl_concept *k = &g->c[g->f[pf[p].form].concept];
      size_t noun = (size_t)-1;

      for (size_t j = i; j-- > 0 && i - j <= PRED_REACH;) {
        if (t->v[j].sent != t->v[i].sent)
          break;
        if (t->v[j].kind == TL_TOK_WORD &&
            offs[j + 1] - offs[j] == pf[p].nlen &&
            memcmp(keys + offs[j], pf[p].noun, pf[p].nlen) == 0) {
          noun = j;
          break;
        }
      }
      if (noun == (size_t)-1)
        continue;
      {
        const char *sugg = k->preferred;
        tl_finding *fd = tl_result_add(
            c->res, adj->off, adj->len, "terminology.forbidden",
            "terminology", TL_ERROR,
            _("'%.*s', dito de '%.*s', é uma forma errada de '%s': "
              "escreva '%s'%s"),
            (int)adj->len, c->doc + adj->off, (int)t->v[noun].len,
            c->doc + t->v[noun].off, k->preferred, sugg,
            note_of(k, nb, sizeof nb));
        tl_result_set_suggestions(c->res, fd, &sugg, 1);
        fd->concept = k->id;
      }
      break;
    }
  }
}

static bool word_byte(char b)
{
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
         (b >= '0' && b <= '9') || (unsigned char)b >= 0x80;
}

/* Whether word @w breaks a run of capitals: a word with a lower-case letter
 * does, unless it is one ASCII letter ("e" between capitals); "À", "E" and
 * "2025" do not, though the tokenizer marks as all capitals only words of
 * two letters or more. */
static bool breaks_capitals(const tl_ctx *c, const tl_token *w)
{
  if (w->flags & TL_TF_ALLCAPS)
    return false;
  return w->len > 1 && tl_utf8_has_lower(c->doc + w->off, w->len);
}

/* Whether match @x stands in a sentence written all in capitals, as a
 * subheading of the press is ("DONA DO CHATGPT FOI ALVO", "PROJETO VOLTA
 * À CÂMARA DOS DEPUTADOS"): its case says nothing of the name's. */
static bool in_capitals(const tl_ctx *c, const tl_tokens *t,
                        const tl_match *x)
{
  uint32_t sent = t->v[x->tok_first].sent;
  size_t words = 0;

  if (tl_utf8_has_lower(c->doc + x->off, x->len))
    return false;
  for (size_t k = x->tok_first; k > 0 && t->v[k - 1].sent == sent; k--)
    if (t->v[k - 1].kind == TL_TOK_WORD) {
      if (breaks_capitals(c, &t->v[k - 1]))
        return false;
      words++;
    }
  for (size_t k = x->tok_last + 1; k < t->n && t->v[k].sent == sent; k++)
    if (t->v[k].kind == TL_TOK_WORD) {
      if (breaks_capitals(c, &t->v[k]))
        return false;
      words++;
    }
  return words >= 2;
}

/* Whether the document writes @w (n bytes) as a word somewhere: not inside
 * a longer word ("o3" in "o3-mini" counts, in "foo3" does not). */
static bool doc_has_word(tl_ctx *c, const char *w, size_t n)
{
  const char *end = c->doc + c->len;
  const tl_map_slot *known = tl_map_find(&c->doc_words, w, n);
  bool seen = false, created;

  /* kept per word: a long document may write "O3" thousands of times */
  if (known != NULL)
    return known->value == 2;
  for (const char *p = c->doc; !seen && (size_t)(end - p) >= n; p++) {
    p = memchr(p, w[0], (size_t)(end - p) - n + 1);
    if (p == NULL)
      break;
    seen = memcmp(p, w, n) == 0 && !(p > c->doc && word_byte(p[-1])) &&
           !(p + n < end && word_byte(p[n]));
  }
  tl_map_put(&c->doc_words, w, n, seen ? 2 : 1, &created);
  return seen;
}

/* A short model name of a letter and digits written in lower case (o1, o3,
 * o4) with a capital: "usar o O3", "OpenAI Revela O3 e O3-mini". The
 * matcher takes these names in their exact case only, because "O3" is
 * also ozone; here the capital is a variant where the document is about
 * the model: it writes the name in lower case elsewhere, or names OpenAI. */
static void short_name_case(tl_ctx *c, const tl_tokens *t,
                            const tl_matches *m)
{
  char key[8], nb[1200];

  for (size_t i = 0; i < t->n; i++) {
    const tl_token *w = &t->v[i];
    const char *p = c->doc + w->off;
    const tl_map_slot *slot;
    const tl_concept *k;
    const char *sugg;
    tl_finding *fd;
    bool digits = w->len >= 2 && w->len <= 3;

    if (w->kind != TL_TOK_MIXED || !digits || p[0] < 'A' || p[0] > 'Z')
      continue;
    for (size_t j = 1; j < w->len && digits; j++)
      digits = p[j] >= '0' && p[j] <= '9';
    if (!digits || tl_matches_overlap(m, w->off, w->off + w->len) != NULL)
      continue;
    key[0] = 'E';
    key[1] = (char)(p[0] - 'A' + 'a');
    memcpy(key + 2, p + 1, w->len - 1);
    slot = tl_map_find(&c->gloss->claims, key, w->len + 1);
    if (slot == NULL || ((slot->value - 1) & 3) == TL_FORM_FORBIDDEN)
      continue;
    k = &c->gloss->c[(slot->value - 1) >> 2];
    if (!k->exact || strlen(k->preferred) != w->len ||
        memcmp(k->preferred, key + 1, w->len) != 0)
      continue;
    if (!doc_has_word(c, k->preferred, w->len) &&
        !doc_has_word(c, "OpenAI", 6))
      continue;
    sugg = k->preferred;
    fd = tl_result_add(c->res, w->off, w->len, "terminology.variant",
                       "terminology", TL_WARNING,
                       _("'%s' é uma grafia fora do padrão de '%s': "
                         "escreva '%s'%s"),
                       tl_result_surface(c->res, w->off, w->len), sugg, sugg,
                       note_of(k, nb, sizeof nb));
    tl_result_set_suggestions(c->res, fd, &sugg, 1);
    fd->fix = true;
    fd->concept = k->id;
  }
}

void tl_check_terminology(tl_ctx *c, const tl_tokens *t, const tl_matches *m)
{
  char nb[1200];

  for (size_t i = 0; i < m->n; i++) {
    const tl_match *x = &m->v[i];
    const tl_form *f = &c->gloss->f[x->form];
    const tl_concept *k = &c->gloss->c[x->concept];
    tl_finding *fd;
    const char *sugg;

    if (f->kind == TL_FORM_FORBIDDEN && x->how == TL_MATCH_EXACT &&
        !(f->exact && inside_english_title(c, t, m, x))) {
      sugg = k->preferred;
      fd = tl_result_add(c->res, x->off, x->len, "terminology.forbidden",
                         "terminology", TL_ERROR,
                         _("'%s' é uma forma errada de '%s': escreva '%s'%s"),
                         tl_result_surface(c->res, x->off, x->len),
                         k->preferred, sugg,
                         note_of(k, nb, sizeof nb));
      tl_result_set_suggestions(c->res, fd, &sugg, 1);
      /* safe only when the text is the listed form itself, uninflected */
      fd->fix = x->len == strlen(f->text) &&
                memcmp(c->doc + x->off, f->text, x->len) == 0;
      fd->concept = k->id;
    } else if (f->kind != TL_FORM_FORBIDDEN && x->how == TL_MATCH_VARIANT &&
               !(c->role[x->tok_first] & TL_ROLE_CODENAME) &&
               !in_capitals(c, t, x) &&
               !unicode_hyphen_of(c->doc + x->off, x->len, f->text) &&
               !accented_word_not_form(c, c->doc + x->off, x->len, f->text)) {
      /* (a package's lower-case name, "openai", is not a variant) */
      sugg = f->text;
      if (is_own_spelling(k, c->doc + x->off, x->len))
        /* "NVIDIA DGX-2", "Crédito: Wikipedia": the brand as it writes
         * itself; the house form is a preference, not a correction */
        fd = tl_result_add(c->res, x->off, x->len, "terminology.variant",
                           "terminology", TL_INFO,
                           _("'%s' é a grafia original do nome; a casa "
                             "escreve '%s'%s"),
                           tl_result_surface(c->res, x->off, x->len),
                           f->text, note_of(k, nb, sizeof nb));
      else
        fd = tl_result_add(c->res, x->off, x->len, "terminology.variant",
                           "terminology", TL_WARNING,
                           _("'%s' é uma grafia fora do padrão de '%s': "
                             "escreva '%s'%s"),
                           tl_result_surface(c->res, x->off, x->len), f->text,
                           sugg,
                           note_of(k, nb, sizeof nb));
      tl_result_set_suggestions(c->res, fd, &sugg, 1);
      fd->fix = x->same_letters;
      fd->concept = k->id;
    }
  }
  predicative(c, t, m);
  short_name_case(c, t, m);
}

/* "X ou Y X Z": the name X recurs in the next item of a coordination,
 * followed by more of a name, so here it stands for "X Z". */
static bool elided(const tl_ctx *c, const tl_tokens *t, const tl_match *x,
                   size_t k)
{
  const tl_token *conj = &t->v[k];

  if (!((conj->len == 2 && memcmp(c->doc + conj->off, "ou", 2) == 0) ||
        (conj->len == 1 && c->doc[conj->off] == 'e')))
    return false;
  for (size_t j = k + 1; j < t->n && j < k + 5 && t->v[j].sent == conj->sent;
       j++) {
    size_t p = t->v[j].off + x->len;
    if (p + 1 < c->len &&
        memcmp(c->doc + t->v[j].off, c->doc + x->off, x->len) == 0 &&
        c->doc[p] == ' ' && c->doc[p + 1] >= 'A' && c->doc[p + 1] <= 'Z')
      return true;
  }
  return false;
}

/* Whether the surface [p, p+n) is a plural of a concept whose preferred
 * form is singular: "aplicativos" for "aplicativo", "GPUs" for "GPU". */
static bool plural_of(const tl_concept *k, const char *p, size_t n)
{
  size_t pl = strlen(k->preferred);

  return n > 1 && (p[n - 1] == 's' || p[n - 1] == 'S') && pl > 0 &&
         k->preferred[pl - 1] != 's' && k->preferred[pl - 1] != 'S';
}

/* Whether the document calls the name at [off, off+n) a model: "[Mistral]
 * (...) é um modelo", "Mistral é um LLM", "o modelo Mistral". A company's
 * name that is also its model's ("Mistral") then takes the model's
 * article, masculine, in this document. The document is read once per
 * name (c->model_names keeps the answer): a long document may repeat the
 * name thousands of times. */
static bool taught_as_model(tl_ctx *c, size_t off, size_t n)
{
  static const char *const AFTER[] = {" é um modelo", " é um LLM",
                                      " é um SLM", NULL};
  const char *name = c->doc + off, *end = c->doc + c->len;
  const tl_map_slot *known;
  bool taught = false, created;

  if (n == 0)
    return false;
  known = tl_map_find(&c->model_names, name, n);
  if (known != NULL)
    return known->value == 2;
  for (const char *p = c->doc; !taught && (size_t)(end - p) >= n; p++) {
    const char *a;

    p = memchr(p, name[0], (size_t)(end - p) - n + 1);
    if (p == NULL)
      break;
    if (memcmp(p, name, n) != 0)
      continue;
    a = p + n;
    if (a < end && *a == ']') { /* a link: skip its target */
      const char *close = a + 1 < end && a[1] == '(' ?
          memchr(a + 1, ')', (size_t)(end - a - 1)) : NULL;
      a = close != NULL ? close + 1 : a + 1;
    }
    for (size_t i = 0; !taught && AFTER[i] != NULL; i++) {
      size_t l = strlen(AFTER[i]);
      taught = (size_t)(end - a) > l && memcmp(a, AFTER[i], l) == 0 &&
               !((a[l] >= 'a' && a[l] <= 'z') || (a[l] >= 'A' && a[l] <= 'Z'));
    }
    /* "o modelo Mistral", not "o modelo Mistral Large" */
    if (p - c->doc >= 7 && memcmp(p - 7, "modelo ", 7) == 0 &&
        !(a + 1 < end && *a == ' ' &&
          ((a[1] >= 'A' && a[1] <= 'Z') || (a[1] >= '0' && a[1] <= '9'))))
      taught = true;
  }
  tl_map_put(&c->model_names, name, n, taught ? 2 : 1, &created);
  return taught;
}

/* Prepositions that open a complement of a noun ("a id do anúncio"). */
static const char *const OF[] = {"de", "do", "da", "dos", "das", NULL};

/* The gendered concept whose acronym (an exact form) is the lower-case
 * word @w written in capitals ("id" for ID), or -1. */
static long lower_acronym(const tl_gloss *g, const char *w, size_t n,
                         tl_buf *key)
{
  const tl_map_slot *slot;
  uint32_t ci;

  tl_buf_clear(key);
  tl_buf_addc(key, 'E');
  for (size_t i = 0; i < n; i++) {
    if (w[i] < 'a' || w[i] > 'z')
      return -1;
    tl_buf_addc(key, (char)(w[i] - 'a' + 'A'));
  }
  slot = tl_map_find(&g->claims, key->p, key->len);
  if (slot == NULL || ((slot->value - 1) & 3) == TL_FORM_FORBIDDEN)
    return -1;
  ci = (slot->value - 1) >> 2;
  return g->c[ci].gender != 0 ? (long)ci : -1;
}

/* An acronym written in lower case, which the dictionary takes for a
 * word ("id"), after an article of the other gender and before the
 * complement that makes it a noun: "a id do anúncio" (o ID do anúncio). */
static void lower_acronym_agreement(tl_ctx *c, const tl_tokens *t,
                                    tl_buf *low, tl_buf *key)
{
  char nb[1200];

  for (size_t i = 1; i + 1 < t->n; i++) {
    const tl_token *art = &t->v[i - 1], *w = &t->v[i];
    const char *other = NULL;
    long ci;
    char g;

    if (w->kind != TL_TOK_WORD || w->len < 2 || w->len > 4 ||
        art->kind != TL_TOK_WORD || art->sent != w->sent ||
        art->off + art->len + 1 != w->off || c->doc[w->off - 1] != ' ' ||
        t->v[i + 1].sent != w->sent ||
        !tl_ctx_in_list(c, t, i + 1, TL_WL_OF, OF, true) ||
        (ci = lower_acronym(c->gloss, c->doc + w->off, w->len, key)) < 0)
      continue;
    tl_buf_clear(low);
    tl_utf8_lower(c->doc + art->off, art->len, low);
    g = tl_article_gender(low->p, low->len, TL_ARTICLES, &other);
    if (g == 0 || g == c->gloss->c[ci].gender)
      continue;
    {
      const tl_concept *k = &c->gloss->c[ci];
      const char *sv;
      tl_finding *fd;
      tl_buf_clear(low); /* the suggestion: "o ID", "O ID" */
      if (art->flags & TL_TF_CAP) {
        size_t adv;
        int32_t cp = tl_utf8_decode(other, strlen(other), &adv);
        tl_utf8_encode(tl_cp_upper(cp), low);
        tl_buf_adds(low, other + adv);
      } else {
        tl_buf_adds(low, other);
      }
      tl_buf_addc(low, ' ');
      tl_buf_adds(low, key->p + 1);
      sv = tl_buf_cstr(low);
      fd = tl_result_add(
          c->res, art->off, w->off + w->len - art->off, "agreement.gender",
          "agreement", TL_WARNING,
          _("'%.*s': a sigla %s é %s (%s %s) e se escreve em maiúsculas; "
            "escreva '%s'%s"),
          (int)(w->off + w->len - art->off), c->doc + art->off,
          key->p + 1, k->gender == 'm' ? _("masculina") : _("feminina"),
          k->gender == 'm' ? "o" : "a", k->preferred, sv,
          note_of(k, nb, sizeof nb));
      tl_result_set_suggestions(c->res, fd, &sv, 1);
      fd->fix = true;
      fd->concept = k->id;
    }
  }
}

/* The gender of the name match i of @m stands for when a family name
 * follows it after "do"/"da"/"de": "o OpenAI do Azure" is the product
 * Azure OpenAI (o serviço), the Portuguese order of the English name, as
 * Microsoft's own pt-BR writes it. The glossary's name "Y X" for "X do Y";
 * 0 when there is none. */
static char inverted_name_gender(const tl_ctx *c, const tl_tokens *t,
                                 const tl_matches *m, size_t i)
{
  const tl_match *x = &m->v[i], *y;
  const tl_token *of;
  const tl_map_slot *slot;
  const char *a, *b;
  char key[256];
  size_t n = 0;

  if (i + 1 >= m->n || x->tok_last + 2 >= t->n)
    return 0;
  of = &t->v[x->tok_last + 1];
  y = &m->v[i + 1];
  if (y->tok_first != x->tok_last + 2 || of->sent != t->v[x->tok_first].sent ||
      !((of->len == 2 && (memcmp(c->doc + of->off, "do", 2) == 0 ||
                          memcmp(c->doc + of->off, "da", 2) == 0 ||
                          memcmp(c->doc + of->off, "de", 2) == 0))))
    return 0;
  a = c->gloss->c[y->concept].preferred;
  b = c->gloss->c[x->concept].preferred;
  key[n++] = 'E';
  for (const char *p = a; *p != '\0' && n + 1 < sizeof key; p++)
    if (*p != ' ' && *p != '-')
      key[n++] = *p;
  for (const char *p = b; *p != '\0' && n + 1 < sizeof key; p++)
    if (*p != ' ' && *p != '-')
      key[n++] = *p;
  slot = tl_map_find(&c->gloss->claims, key, n);
  if (slot == NULL || ((slot->value - 1) & 3) == TL_FORM_FORBIDDEN)
    return 0;
  return c->gloss->c[(slot->value - 1) >> 2].gender;
}

void tl_check_agreement(tl_ctx *c, const tl_tokens *t, const tl_matches *m)
{
  tl_buf low, sugg;
  char nb[1200];

  tl_buf_init(&low);
  tl_buf_init(&sugg);
  for (size_t i = 0; i < m->n; i++) {
    const tl_match *x = &m->v[i];
    const tl_concept *k = &c->gloss->c[x->concept];
    const tl_token *art;
    const char *other = NULL;
    char g;

    if (k->gender == 0 || x->tok_first == 0 ||
        c->gloss->f[x->form].kind == TL_FORM_FORBIDDEN)
      continue;
    art = &t->v[x->tok_first - 1];
    if (art->kind != TL_TOK_WORD || art->len > 6)
      continue;
    /* only white space, '[' or emphasis between the article and the name */
    {
      bool ok = art->off + art->len < x->off;
      for (size_t p = art->off + art->len; p < x->off && ok; p++)
        ok = strchr(" \t\r\n[*_", c->doc[p]) != NULL;
      if (!ok)
        continue;
    }
    /* the name goes on: "o OpenAI Playground", "pelo OpenAI ChatGPT", "no
     * Hugging Face Spaces": the article agrees with the whole name; or
     * its end is left out before "ou"/"e": "no OpenAI ou Azure OpenAI
     * Playground" */
    if (x->tok_last + 1 < t->n) {
      const tl_token *nx = &t->v[x->tok_last + 1];
      size_t p = x->off + x->len;
      /* or another glossary name, in lower case: "O IBM watsonx
       * Orchestrate", "do IBM watsonx.ai" (the product's article) */
      const tl_match *y = tl_matches_at_token(m, x->tok_last + 1);
      bool brand = y != NULL && c->gloss->c[y->concept].exact &&
                   c->gloss->f[y->form].kind != TL_FORM_FORBIDDEN;
      /* or a name the tokenizer read as an address: "do IBM watsonx.ai" */
      if (p + 1 < c->len && c->doc[p] == ' ' && c->doc[p + 1] >= 'a' &&
          c->doc[p + 1] <= 'z' && nx->off > p + 1)
        continue;
      if (nx->sent == art->sent && ((nx->flags & TL_TF_CAP) || brand) &&
          nx->off > p && nx->off - p <= 2 &&
          (c->doc[p] == ' ' || c->doc[p] == '\n'))
        continue;
      if (nx->sent == art->sent && elided(c, t, x, x->tok_last + 1))
        continue;
    }
    tl_buf_clear(&low);
    tl_utf8_lower(c->doc + art->off, art->len, &low);
    g = tl_article_gender(low.p, low.len, TL_ARTICLES, &other);
    if (g == 0 || g == k->gender || g == tl_gloss_head_gender(k->preferred) ||
        g == inverted_name_gender(c, t, m, i))
      continue;
    if (g == 'm' && taught_as_model(c, x->off, x->len))
      continue; /* "versões do Mistral" where "Mistral é um modelo" */
    /* "se aplicam a aplicativos", "acesso a GPUs": "a" before a plural is
     * the preposition (the article would be "os"/"as") */
    if (low.len == 1 && low.p[0] == 'a' && plural_of(k, c->doc + x->off,
                                                      x->len))
      continue;
    /* a plural article before a name in the singular agrees with a noun
     * left out: "os chips mais poderosos — os H100" (Exame) */
    if (low.p[low.len - 1] == 's' && !plural_of(k, c->doc + x->off, x->len))
      continue;
    tl_buf_clear(&sugg);
    if (art->flags & TL_TF_CAP) { /* "A ChatGPT" -> "O" */
      size_t adv;
      int32_t cp = tl_utf8_decode(other, strlen(other), &adv);
      tl_utf8_encode(tl_cp_upper(cp), &sugg);
      tl_buf_adds(&sugg, other + adv);
    } else {
      tl_buf_adds(&sugg, other);
    }
    {
      const char *sv = tl_buf_cstr(&sugg);
      tl_finding *fd = tl_result_add(
          c->res, art->off, art->len, "agreement.gender", "agreement",
          TL_WARNING,
          _("'%.*s %s': %s é %s (%s %s); escreva '%s'%s"), (int)art->len,
          c->doc + art->off, tl_result_surface(c->res, x->off, x->len),
          k->preferred,
          k->gender == 'm' ? _("masculino") : _("feminino"),
          k->gender == 'm' ? "o" : "a", k->preferred, sv,
          note_of(k, nb, sizeof nb));
      tl_result_set_suggestions(c->res, fd, &sv, 1);
      fd->fix = true;
      fd->concept = k->id;
    }
  }
  if (c->gloss != NULL)
    lower_acronym_agreement(c, t, &low, &sugg);
  tl_buf_fini(&low);
  tl_buf_fini(&sugg);
}
