/* consistency.document: a concept rendered two ways in one document
 * (preferred and admitted, or two admitted forms), or a common term in
 * title case inside running prose where the document writes it in lower
 * case. A complement in the other number than the glossary form's
 * ("engenharia de prompts" beside "engenharia de prompt") is a rendering of
 * its own once the text writes it twice. The document's most used rendering is the reference:
 *   - a form used once or twice against it is a slip: one finding each;
 *   - a form used at least 3 times and in more than a third of the
 *     mentions is a
 *     second habit: the document alternates two forms, one finding says
 *     so (one problem, one finding);
 *   - title case ("a IA Generativa é") is flagged only where lower case is
 *     the clear habit of the document's prose (twice as common).
 * Acronyms (abbrev), glosses in parentheses ("aprendizado por reforço
 * (reinforcement learning)") and mentioned terms ("chamado de
 * *backpropagation*") are not renderings; a less used English term set in
 * italics is marked as foreign on purpose, not a slip; headings, captions,
 * link texts, list labels ("Serviços de Chatbot:"), references ("Lição 4")
 * and terms in emphasis or quotation marks (being defined) are
 * title-cased by convention. A less used one-word Portuguese synonym counts
 * only where the text uses it as it uses the house form (after the same
 * word, or numbered): "aquela aula" beside "nesta lição" is a class, not
 * the course's unit. */
#include "check.h"
#include "msg.h"

#include "input.h"
#include "prose.h"
#include "sort.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "X (Y" with only spaces, '(' and emphasis between X's end and Y. */
static bool is_gloss(const char *doc, size_t prev_end, size_t off)
{
  bool paren = false;

  if (off <= prev_end || off - prev_end > 8)
    return false;
  for (size_t i = prev_end; i < off; i++) {
    if (doc[i] == '(')
      paren = true;
    else if (!strchr(" \t\r\n*_", doc[i]))
      return false;
  }
  return paren;
}

/* Whether the match is running prose, where title case is not the norm:
 * not a heading, table cell, caption or link text, not the label of a
 * list item or paragraph ("Serviços de Chatbot: ..."), not a reference
 * followed by its number ("Lição 4"). */
static bool in_prose(const tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                     const tl_match *x)
{
  const tl_token *first = &t->v[x->tok_first];
  size_t p = x->off + x->len, s = x->tok_first;

  if (u->kind == TL_BLK_HEADING || u->kind == TL_BLK_TABLE_CELL ||
      (first->flags & (TL_TF_LINK | TL_TF_ALT)))
    return false;
  if (x->tok_last + 1 < t->n && t->v[x->tok_last + 1].kind != TL_TOK_WORD &&
      t->v[x->tok_last + 1].sent == first->sent && t->v[x->tok_last + 1].off
      <= p + 1)
    return false; /* "Lição 4", "Aula 5" */
  while (p < c->len && strchr(" *_", c->doc[p]) != NULL)
    p++;
  /* the sentence starts at most 5 tokens before */
  s = x->tok_first >= 6 ? x->tok_first - 6 : 0;
  if (p < c->len && c->doc[p] == ':' &&
      (x->tok_first < 6 || t->v[s].sent != first->sent))
    return false; /* a label */
  return true;
}

/* Names of domains of knowledge, which the 1990 agreement (Base XIX) lets
 * be written with capitals: "Engenharia de Prompt", "Ciência de Dados". */
static const char *const DOMAINS[] = {
    "engenharia", "ciência", "ciências", "computação", "matemática",
    "estatística", "física", "química", "biologia", "linguística",
    "informática", "economia", "filosofia", "medicina", "direito",
    "psicologia", "robótica", "inteligência", NULL};

static bool is_domain(const char *doc, const tl_token *tok)
{
  tl_buf low;
  bool yes = false;

  tl_buf_init(&low);
  tl_utf8_lower(doc + tok->off, tok->len, &low);
  for (size_t i = 0; DOMAINS[i] != NULL && !yes; i++)
    yes = strlen(DOMAINS[i]) == low.len &&
          memcmp(DOMAINS[i], low.p, low.len) == 0;
  tl_buf_fini(&low);
  return yes;
}

/* A common term written in title case ("a IA Generativa é"): a word after
 * its first, or its first word away from a sentence start, capitalised
 * (acronyms aside), with running prose around it: a lower-case word (or a
 * short capitalised article opening the sentence, or nothing: "IA
 * Generativa é ...") before, a lower-case word or nothing after;
 * "Microsoft for Startups Founders Hub" is a name. The name of a domain of
 * knowledge may be capitalised. */
static bool title_case(const char *doc, const tl_tokens *t, const tl_match *x,
                       bool exact)
{
  const tl_token *first = &t->v[x->tok_first], *prev, *next;
  bool cap = false;

  if (exact || is_domain(doc, first))
    return false;
  for (uint32_t k = x->tok_first; k <= x->tok_last; k++) {
    const tl_token *tok = &t->v[k];
    if (!(tok->flags & TL_TF_CAP) || (tok->flags & TL_TF_ALLCAPS) ||
        tok->kind != TL_TOK_WORD)
      continue;
    if (k > x->tok_first || !(tok->flags & TL_TF_SENT_START))
      cap = true;
  }
  if (!cap)
    return false;
  prev = x->tok_first > 0 ? &t->v[x->tok_first - 1] : NULL;
  next = x->tok_last + 1 < t->n ? &t->v[x->tok_last + 1] : NULL;
  if (prev != NULL && prev->sent == first->sent &&
      (prev->flags & TL_TF_CAP) &&
      !((prev->flags & TL_TF_SENT_START) && prev->len <= 3))
    return false;
  if (next != NULL && next->sent == first->sent &&
      (next->flags & TL_TF_CAP))
    return false;
  if ((prev == NULL || prev->sent != first->sent) &&
      (next == NULL || next->sent != first->sent))
    return false; /* the term alone is the sentence: a label */
  return true;
}

static bool is_prep(const char *w, size_t n)
{
  static const char *const PREPS[] = {
      "de",   "do",   "da",    "dos",   "das",   "em",    "no",
      "na",   "nos",  "nas",   "por",   "pelo",  "pela",  "pelos",
      "pelas", "para", "com",  "sem",   "sobre", "entre", NULL};
  for (size_t i = 0; PREPS[i] != NULL; i++)
    if (strlen(PREPS[i]) == n && memcmp(PREPS[i], w, n) == 0)
      return true;
  return false;
}

static bool plural_s(const char *w, size_t n)
{
  return n > 1 && w[n - 1] == 's';
}

/* The word after a preposition of a multi-word rendering is a complement:
 * it does not agree with the head, so "engenharia de prompts" against the
 * glossary's "engenharia de prompt" (which the inflection-aware match finds
 * alike) is another rendering, not an inflection of the term. True when a
 * complement, or the contraction before it, is in the other number. */
static bool complement_number_differs(tl_ctx *c, const tl_tokens *t,
                                      const tl_match *x, const tl_form *f)
{
  const char *p = f->text;
  uint32_t k = x->tok_first;
  bool after_prep = false, differs = false;

  if (x->how != TL_MATCH_EXACT)
    return false;
  while (*p != '\0' && k <= x->tok_last) {
    size_t n = strcspn(p, " -");
    const tl_token *tok = &t->v[k];
    bool prep;
    tl_buf_clear(&c->key);
    tl_utf8_fold(p, n, &c->key);
    prep = is_prep(c->key.p, c->key.len);
    if (tok->kind != TL_TOK_WORD)
      return false;
    if (after_prep || prep) {
      bool fs = plural_s(c->key.p, c->key.len);
      tl_buf_clear(&c->key);
      tl_utf8_fold(c->doc + tok->off, tok->len, &c->key);
      if (fs != plural_s(c->key.p, c->key.len))
        differs = true;
    }
    after_prep = prep;
    p += n;
    while (*p == ' ' || *p == '-')
      p++;
    k++;
  }
  /* the form's words and the surface's tokens must pair one to one */
  return *p == '\0' && k == x->tok_last + 1 && differs;
}

void tl_check_consistency(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                          const tl_matches *m)
{
  for (size_t i = 0; i < m->n; i++) {
    const tl_match *x = &m->v[i];
    const tl_form *f = &c->gloss->f[x->form];
    bool prose, skip = false, marked = true, quoted = false;

    for (uint32_t k = x->tok_first; k <= x->tok_last; k++)
      skip |= (c->role[k] & (TL_ROLE_GLOSS | TL_ROLE_MENTION |
                             TL_ROLE_EXPLAINED | TL_ROLE_LINKNAME)) != 0;
    if (skip)
      continue; /* a gloss or a mentioned term: not a rendering */
    if (f->kind == TL_FORM_FORBIDDEN || f->kind == TL_FORM_ABBREV) {
      /* not a second rendering here (terminology.forbidden speaks for a
       * forbidden form; an acronym goes with its expansion), but the
       * archive remembers it */
      TL_GROW(c->aside, c->capaside, c->naside + 1);
      c->aside[c->naside++] =
          (tl_usage){x->off, x->len, x->concept, x->form, 0, 0, 0, 0, 0};
      continue;
    }
    if (c->nusage > 0) {
      tl_usage *prev = &c->usage[c->nusage - 1];
      if (prev->concept == x->concept &&
          is_gloss(c->doc, prev->off + prev->len, x->off)) {
        /* a gloss: one mention; the preferred form speaks for both */
        if (f->kind == TL_FORM_PREFERRED)
          prev->form = x->form;
        continue;
      }
    }
    prose = in_prose(c, u, t, x);
    for (uint32_t k = x->tok_first; k <= x->tok_last; k++) {
      if (marked && (t->v[k].flags & TL_TF_EMPH))
        tl_word_lang_resolve(c, &t->v[k], &c->lang[k]);
      if (!(t->v[k].flags & TL_TF_EMPH) || (t->v[k].kind == TL_TOK_WORD &&
                                            !c->lang[k].en_known &&
                                            c->lang[k].lang != TL_WORD_EN))
        marked = false;
      if ((t->v[k].flags & TL_TF_EMPH) || (c->role[k] & TL_ROLE_QUOTED))
        quoted = true;
    }
    TL_GROW(c->usage, c->capusage, c->nusage + 1);
    /* title: 1, or 2 when the term opens its sentence */
    c->usage[c->nusage++] = (tl_usage){
        x->off, x->len, x->concept, x->form,
        (uint8_t)(prose && !quoted && title_case(c->doc, t, x, f->exact)
                      ? 1 + ((t->v[x->tok_first].flags & TL_TF_SENT_START) !=
                             0)
                      : 0),
        prose, marked, complement_number_differs(c, t, x, f), 0};
  }
}

static const char *note_of_buf(const tl_concept *k, char *nb)
{
  if (k->note == NULL)
    return "";
  snprintf(nb, 1200, " — %s", k->note);
  return nb;
}

/* One rendering of a concept: its glossary form, with its complement in
 * the number the form has or in the other ("engenharia de prompts"). */
static bool same_rendering(const tl_usage *a, const tl_usage *b)
{
  return a->form == b->form && a->number == b->number;
}

/* The glossary's preferred form as written: wins a tie for the house form. */
static bool plain_preferred(const tl_ctx *c, const tl_usage *u)
{
  return c->gloss->f[u->form].kind == TL_FORM_PREFERRED && !u->number;
}

/* What to suggest for the house rendering @h: the glossary's form, or the
 * document's own words when its complement is in the other number. */
static const char *house_text(tl_ctx *c, const tl_usage *h)
{
  return h->number ? tl_result_surface(c->res, h->off, h->len)
                   : c->gloss->f[h->form].text;
}

static uint64_t usage_concept(const void *a)
{
  return ((const tl_usage *)a)->concept;
}

static uint64_t usage_off(const void *a)
{
  return ((const tl_usage *)a)->off;
}

/* The text of @u with its capitalised words lower-cased but for acronyms
 * and a sentence-initial first letter (title 2). */
static void lower_title(const tl_ctx *c, const tl_usage *u, tl_buf *out)
{
  const char *p = c->doc + u->off;
  bool word_start = true, first = true, allcaps = false;

  for (size_t i = 0; i < u->len;) {
    size_t adv;
    int32_t cp = tl_utf8_decode(p + i, u->len - i, &adv);
    if (word_start && tl_cp_is_letter(cp)) {
      /* an acronym keeps its capitals: look at the next letter */
      size_t adv2 = 0;
      int32_t nx = i + adv < u->len
                       ? tl_utf8_decode(p + i + adv, u->len - i - adv, &adv2)
                       : 0;
      allcaps = tl_cp_is_upper(cp) && tl_cp_is_upper(nx);
      if (!allcaps && !(first && i == 0 && u->title == 2))
        cp = tl_cp_lower(cp);
      word_start = false;
      first = false;
    } else if (!tl_cp_is_letter(cp) && !tl_cp_is_mark(cp)) {
      word_start = true;
    } else if (!allcaps) {
      cp = tl_cp_lower(cp);
    }
    tl_utf8_encode(cp, out);
    i += adv;
  }
}

/* A finding on usage @u of concept @k, suggesting @sugg; @msg is built in
 * the result's arena. */
static void report(tl_ctx *c, const tl_usage *u, const tl_concept *k,
                   const char *sugg, const char *msg)
{
  tl_finding *fd = tl_result_add(c->res, u->off, u->len,
                                 "consistency.document", "consistency",
                                 TL_WARNING, "%s", msg);
  tl_result_set_suggestions(c->res, fd, &sugg, 1);
  fd->concept = k->id;
}

static void report_form(tl_ctx *c, const tl_lines *li, const tl_usage *u,
                        const tl_usage *h, const tl_concept *k,
                        size_t count, size_t hcount)
{
  char nb[1200];
  tl_arena *a = &c->res->arena;
  const char *here = tl_result_surface(c->res, u->off, u->len);
  const char *house = tl_result_surface(c->res, h->off, h->len);

  if (count == 0) {
    report(c, u, k, house_text(c, h),
           tl_arena_printf(a,
                           _("'%s' aqui; este texto também escreve '%s' "
                             "(linha %u, a forma mais usada nele): use uma "
                             "forma só%s"),
                           here, house, tl_lines_line(li, h->off),
                           note_of_buf(k, nb)));
  } else {
    char times[64], htimes[64];
    snprintf(times, sizeof times, P_("%zu vez", "%zu vezes", count), count);
    snprintf(htimes, sizeof htimes, P_("%zu vez", "%zu vezes", hcount),
             hcount);
    report(c, u, k, house_text(c, h),
           tl_arena_printf(a,
                           _("este texto alterna '%s' (%s, a partir da "
                             "linha %u) e '%s' (%s, linha %u): escolha "
                             "uma forma só%s"),
                           here, times, tl_lines_line(li, u->off), house,
                           htimes, tl_lines_line(li, h->off),
                           note_of_buf(k, nb)));
  }
}

static void report_title(tl_ctx *c, const tl_lines *li, const tl_usage *u,
                         const tl_usage *h, const tl_concept *k)
{
  tl_buf low;
  const char *sv;

  tl_buf_init(&low);
  lower_title(c, u, &low);
  sv = tl_arena_strndup(&c->res->arena, low.p, low.len);
  tl_buf_fini(&low);
  report(c, u, k, sv,
         tl_arena_printf(&c->res->arena,
                         _("'%s' com maiúsculas no meio da frase; este "
                           "texto escreve '%s' (linha %u): use minúsculas"),
                         tl_result_surface(c->res, u->off, u->len),
                         tl_result_surface(c->res, h->off, h->len),
                         tl_lines_line(li, h->off)));
}

/* How often each rendering (same_rendering) of one concept occurs, and
 * where first: a concept has few, so that counting stays linear in its
 * usages. */
typedef struct form_counts {
  struct fcount {
    uint32_t form;
    uint8_t number;
    size_t n, first;
  } *v;
  size_t n, cap;
} form_counts;

static void count_forms(const tl_usage *u, size_t s, size_t e,
                        form_counts *fc)
{
  fc->n = 0;
  for (size_t i = s; i < e; i++) {
    size_t k = 0;
    if (u[i].other_sense)
      continue;
    while (k < fc->n && (fc->v[k].form != u[i].form ||
                         fc->v[k].number != u[i].number))
      k++;
    if (k == fc->n) {
      TL_GROW(fc->v, fc->cap, fc->n + 1);
      fc->v[fc->n++] = (struct fcount){u[i].form, u[i].number, 0, i};
    }
    fc->v[k].n++;
  }
}

static const struct fcount *form_count(const form_counts *fc,
                                       const tl_usage *u)
{
  for (size_t k = 0; k < fc->n; k++)
    if (fc->v[k].form == u->form && fc->v[k].number == u->number)
      return &fc->v[k];
  return NULL; /* not reached: every usage's form is counted */
}

/* The word before doc[off..) in its sentence, lower case and without
 * accents, skipping spaces and emphasis ("da **aula**" -> "da"); empty when
 * punctuation or the start of the text comes first. */
static void word_before(const char *doc, size_t off, tl_buf *out)
{
  size_t e = off, b;

  while (e > 0 && strchr(" \t*_[", doc[e - 1]) != NULL && doc[e - 1] != '\0')
    e--;
  b = e;
  while (b > 0) {
    size_t st;
    int32_t cp = tl_utf8_decode_prev(doc, b, &st);
    if (!tl_cp_is_letter(cp))
      break;
    b = st;
  }
  tl_buf_clear(out);
  if (b < e)
    tl_utf8_fold(doc + b, e - b, out);
  tl_buf_cstr(out);
}

/* Whether a digit follows doc[end..) after spaces ("Aula 5"). */
static bool number_after(const tl_ctx *c, size_t end)
{
  while (end < c->len && c->doc[end] == ' ')
    end++;
  return end < c->len && c->doc[end] >= '0' && c->doc[end] <= '9';
}

/* Whether the one-word rendering @u, less used than the house's one-word
 * rendering, is the same word in another of its senses: "aula" in "aquela
 * aula" or "Edu4All, aula sobre monumentos" (a class) where the course calls
 * its units "lição" ("nesta lição", "da lição"). Two Portuguese synonyms are
 * two renderings only where the text uses them alike: after a word that
 * also comes before the house form somewhere in the document ("nesta aula"
 * beside "nesta lição"), or numbered ("Aula 5"). English words and phrases
 * are left to the other rules. */
static bool other_sense(tl_ctx *c, const tl_usage *u, const tl_usage *h,
                        size_t s, size_t e)
{
  const tl_form *fu = &c->gloss->f[u->form], *fh = &c->gloss->f[h->form];
  tl_buf before, other;
  bool shared = false;

  if (strpbrk(fu->text, " -") != NULL || strpbrk(fh->text, " -") != NULL ||
      c->gloss->c[u->concept].exact || number_after(c, u->off + u->len))
    return false;
  if (c->spell_en != NULL &&
      (tl_spell_check(c->spell_en, fu->text, strlen(fu->text), NULL) == 1 ||
       tl_spell_check(c->spell_en, fh->text, strlen(fh->text), NULL) == 1))
    return false;
  tl_buf_init(&before);
  tl_buf_init(&other);
  word_before(c->doc, u->off, &before);
  for (size_t i = s; i < e && !shared && before.len > 0; i++) {
    if (c->usage[i].form != h->form)
      continue;
    word_before(c->doc, c->usage[i].off, &other);
    shared = strcmp(before.p, other.p) == 0;
  }
  tl_buf_fini(&before);
  tl_buf_fini(&other);
  return !shared;
}

/* The findings of one concept's usages [s, e). */
static void judge_concept(tl_ctx *c, const tl_lines *li, size_t s, size_t e)
{
  const tl_concept *k = &c->gloss->c[c->usage[s].concept];
  size_t house = s, best = 0, total = e - s, ntitle = 0, nlower = 0;
  size_t lower_ref = e;
  bool *flagged = tl_xcalloc(total, sizeof *flagged);
  form_counts fc = {NULL, 0, 0};

  /* the document's own choice: the form it uses most; on a tie, the
   * glossary's preferred form, else the first used */
  count_forms(c->usage, s, e, &fc);
  for (size_t i = s; i < e; i++) {
    size_t cnt = form_count(&fc, &c->usage[i])->n;
    bool pref = plain_preferred(c, &c->usage[i]);
    if (cnt > best ||
        (cnt == best && pref && !plain_preferred(c, &c->usage[house]))) {
      best = cnt;
      house = i;
    }
  }
  /* a one-word synonym in another of its senses is no rendering: counted
   * out, then the house form chosen again */
  {
    size_t nother = 0;
    for (size_t i = s; i < e; i++) {
      tl_usage *u = &c->usage[i];
      if (!same_rendering(u, &c->usage[house]) &&
          form_count(&fc, u)->n < best &&
          other_sense(c, u, &c->usage[house], s, e)) {
        u->other_sense = 1;
        nother++;
      }
    }
    if (nother > 0) {
      total -= nother;
      best = 0;
      count_forms(c->usage, s, e, &fc);
      for (size_t i = s; i < e; i++) {
        size_t cnt;
        if (c->usage[i].other_sense)
          continue;
        cnt = form_count(&fc, &c->usage[i])->n;
        if (cnt > best || (cnt == best && plain_preferred(c, &c->usage[i]) &&
                           !plain_preferred(c, &c->usage[house]))) {
          best = cnt;
          house = i;
        }
      }
    }
  }
  for (size_t i = s; i < e; i++) {
    const tl_usage *u = &c->usage[i];
    const struct fcount *f;
    size_t cnt, first;
    if (u->other_sense || same_rendering(u, &c->usage[house]))
      continue;
    if (u->marked) {
      /* "*deep learning*" beside "aprendizado profundo": the translator
       * marks the English name on purpose */
      flagged[i - s] = true;
      continue;
    }
    f = form_count(&fc, u);
    cnt = f->n;
    first = f->first;
    if (u->form == c->usage[house].form && cnt < 2)
      continue; /* the other number once: the sense of that sentence ("um
                   único servidor de parâmetro"), not a second rendering */

    if ((cnt >= 3 && cnt * 3 > total) || plain_preferred(c, u)) {
      /* a second habit, or the house's own form beside the one the text
       * prefers: one finding, at its first use */
      if (first == i)
        report_form(c, li, u, &c->usage[house], k, cnt, best);
    } else {
      report_form(c, li, u, &c->usage[house], k, 0, 0);
    }
    flagged[i - s] = true;
  }
  /* title case where the prose's habit is lower case */
  for (size_t i = s; i < e; i++) {
    if (!c->usage[i].prose)
      continue;
    if (c->usage[i].title) {
      ntitle++;
    } else {
      nlower++;
      if (lower_ref == e)
        lower_ref = i;
    }
  }
  if (ntitle > 0 && nlower >= 2 && nlower >= 2 * ntitle)
    for (size_t i = s; i < e; i++)
      if (c->usage[i].title && !flagged[i - s])
        report_title(c, li, &c->usage[i], &c->usage[lower_ref], k);
  free(fc.v);
  free(flagged);
}

void tl_check_consistency_end(tl_ctx *c)
{
  tl_lines li;
  bool have_lines = false;

  if (c->nusage == 0)
    return;
  /* by concept, then offset */
  tl_sort_stable(c->usage, c->nusage, sizeof *c->usage, usage_off);
  tl_sort_stable(c->usage, c->nusage, sizeof *c->usage, usage_concept);
  for (size_t s = 0; s < c->nusage;) {
    size_t e = s;
    bool mixed = false;
    while (e < c->nusage && c->usage[e].concept == c->usage[s].concept) {
      mixed |= !same_rendering(&c->usage[e], &c->usage[s]) ||
               !c->usage[e].title != !c->usage[s].title;
      e++;
    }
    if (mixed) {
      if (!have_lines) {
        tl_lines_init(&li, c->doc, c->len, c->res->bom);
        have_lines = true;
      }
      judge_concept(c, &li, s, e);
    }
    s = e;
  }
  if (have_lines)
    tl_lines_fini(&li);
  /* c->usage stays, sorted by concept: the corpus stage reads it */
}
