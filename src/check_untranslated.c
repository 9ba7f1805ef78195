/* English left in the translation.
 *   untranslated.passage (error): a sentence, heading, list item, link text
 *     or table cell in English; consecutive English sentences of a block
 *     are one finding. In quotation marks after "chamado", "intitulado",
 *     "livro"... it is a title: info.
 *   untranslated.word (warning): an English word inside a Portuguese
 *     sentence that is not an accepted loanword (dictionaries/, glossary).
 * A word is English when en_US knows it and pt_BR (with the project's
 * lists and the glossary) does not, or when it is an English function
 * word; words both know, names and numbers are neutral. */
#include "check.h"

#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* English function words that are not Portuguese words. */
static const char *const FUNCTION_WORDS[] = {
    "the", "of", "and", "to", "with", "that", "is", "in", "on", "at", "by",
    "from", "this", "these", "those", "which", "what", "when", "where",
    "who", "we", "you", "they", "it", "its", "are", "was", "were", "be",
    "been", "have", "has", "had", "will", "would", "can", "could", "should",
    "not", "or", "but", "if", "then", "than", "there", "their", "our",
    "your", "an", "into", "about", "over", "under", "between", "how", "why",
    "also", "only", "such", "each", "every", "all", "some", "more", "most",
    "other", "does", "did", "for", NULL};

/* Neither Portuguese nor English prose: Roman numerals, math function
 * names, Latin abbreviations. */
static const char *const NEUTRAL_WORDS[] = {
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "tanh",
    "log", "exp", "inf", "sin", "cos", "tan", "max", "min", "argmax",
    "argmin", "et", "al", "fig", "eq", "etc", NULL};

/* Words after which a quoted English passage is a title, not a leftover. */
static const char *const TITLE_CUES[] = {
    "chamado", "chamada", "chamados", "chamadas", "intitulado", "intitulada",
    "livro", "livros", "artigo", "artigos", "filme", "série", "paper",
    "título", "denominado", "denominada", "batizado", "batizada", "obra",
    "ensaio", "relatório", "post", "podcast", "canção", "álbum", NULL};

enum lang { NEUTRAL = 0, PT, EN };

static bool in_list(const char *const *list, const char *s, size_t n)
{
  for (size_t i = 0; list[i] != NULL; i++)
    if (n > 0 && list[i][0] == s[0] && strlen(list[i]) == n &&
        memcmp(list[i], s, n) == 0) /* first letters first: no strlen */
      return true;
  return false;
}

typedef struct wordinfo {
  enum lang lang;
  bool function; /* an English function word */
  bool exempt;   /* inside an accepted glossary match or a gloss */
  bool quoted;   /* inside quotation marks */
  bool en_known; /* en_US knows it (even if pt_BR or the glossary does) */
  bool en_pending; /* Portuguese, en_US not asked yet (resolve_en) */
} wordinfo;

/* A word's language, cached per distinct spelling for the linter's
 * lifetime. Whether en_US also knows a Portuguese word is asked only when
 * its sentence may be English (resolve_en): most sentences are not, and
 * en_US is slow on words it does not know. Cache bits: 0-1 lang, 2
 * function word, 3 en_US knows it, 4 that is not asked yet. */
static uint32_t classify_bits(tl_ctx *c, const tl_token *tok)
{
  int pt, en;
  tl_buf low;
  bool function;

  tl_buf_clear(&c->key);
  tl_token_key(c->doc, tok, &c->key);
  tl_buf_init(&low);
  tl_utf8_lower(c->key.p, c->key.len, &low);
  function = in_list(FUNCTION_WORDS, low.p, low.len);
  if (in_list(NEUTRAL_WORDS, low.p, low.len)) {
    tl_buf_fini(&low);
    return NEUTRAL;
  }
  tl_buf_fini(&low);
  pt = tl_spell_check(c->spell, c->key.p, c->key.len, NULL);
  if (pt == 1) /* Portuguese; English too? asked later, if needed */
    return PT | (function ? 4u : 0u) | 16u;
  en = tl_spell_check(c->spell_en, c->key.p, c->key.len, NULL);
  if (en == 1 || function)
    return EN | (function ? 4u : 0u) | (en == 1 ? 8u : 0u);
  return NEUTRAL; /* unknown to both: a name or a typo */
}

static void apply_bits(wordinfo *w, uint32_t v)
{
  w->lang = (enum lang)(v & 3);
  w->function = (v & 4) != 0;
  w->en_known = (v & 8) != 0;
  w->en_pending = (v & 16) != 0;
}

static void classify(tl_ctx *c, const tl_token *tok, wordinfo *w)
{
  tl_map_slot *slot;
  bool created;
  uint32_t v;

  if (tok->kind != TL_TOK_WORD) {
    apply_bits(w, NEUTRAL);
    return;
  }
  if (c->wordclass != NULL) {
    slot = tl_map_find(c->wordclass, c->doc + tok->off, tok->len);
    if (slot != NULL) {
      apply_bits(w, slot->value);
      return;
    }
  }
  v = classify_bits(c, tok);
  if (c->wordclass != NULL)
    tl_map_put(c->wordclass, c->doc + tok->off, tok->len, v, &created);
  apply_bits(w, v);
}

/* Ask en_US about a Portuguese word: "data", "real" are both (neutral). */
static void resolve_en(tl_ctx *c, const tl_token *tok, wordinfo *w)
{
  uint32_t v;
  tl_map_slot *slot;

  if (!w->en_pending)
    return;
  tl_buf_clear(&c->key);
  tl_token_key(c->doc, tok, &c->key);
  w->en_pending = false;
  w->en_known = tl_spell_check(c->spell_en, c->key.p, c->key.len, NULL) == 1;
  if (w->en_known)
    w->lang = NEUTRAL;
  v = (uint32_t)w->lang | (w->function ? 4u : 0u) | (w->en_known ? 8u : 0u);
  if (c->wordclass != NULL &&
      (slot = tl_map_find(c->wordclass, c->doc + tok->off, tok->len)) != NULL)
    slot->value = v;
}

/* Whether the text just before @off (skipping spaces and an opening quote)
 * ends with a title cue word. */
static bool after_title_cue(tl_ctx *c, const tl_tokens *t, size_t first)
{
  tl_buf low;
  bool cue;
  const tl_token *p;

  if (first == 0)
    return false;
  p = &t->v[first - 1];
  tl_buf_init(&low);
  tl_utf8_lower(c->doc + p->off, p->len, &low);
  cue = in_list(TITLE_CUES, low.p, low.len);
  tl_buf_fini(&low);
  return cue;
}

/* Mark the tokens of a block that stand inside quotation marks, in one
 * pass over the bytes between them from the block's start @from. */
static void mark_quoted(tl_ctx *c, const tl_tokens *t, size_t from,
                        wordinfo *info)
{
  int depth = 0;

  for (size_t k = 0; k < t->n; k++) {
    size_t to = t->v[k].off;
    for (size_t i = from; i < to;) {
      size_t adv;
      int32_t cp = tl_utf8_decode(c->doc + i, to - i, &adv);
      if (cp == 0x201C || cp == 0xAB)
        depth++;
      else if ((cp == 0x201D || cp == 0xBB) && depth > 0)
        depth--;
      else if (cp == '"')
        depth = depth ? 0 : 1;
      i += adv;
    }
    info[k].quoted = depth > 0;
    from = to + t->v[k].len;
  }
}

static void passage(tl_ctx *c, const tl_tokens *t, size_t a, size_t b,
                    bool title)
{
  size_t off = t->v[a].off, end = t->v[b].off + t->v[b].len, shown;

  /* quote at most 60 bytes of it, cut at a character boundary */
  shown = end - off;
  if (shown > 60) {
    shown = 60;
    while (shown > 0 && ((unsigned char)c->doc[off + shown] & 0xC0) == 0x80)
      shown--;
  }
  if (title)
    tl_result_add(c->res, off, end - off, "untranslated.passage",
                  "untranslated", TL_INFO,
                  "título em inglês entre aspas ('%s%s'): mantenha-o se for "
                  "o nome da obra, ou traduza-o",
                  tl_result_surface(c->res, off, shown),
                  shown < end - off ? "…" : "");
  else
    tl_result_add(c->res, off, end - off, "untranslated.passage",
                  "untranslated", TL_ERROR,
                  "trecho em inglês não traduzido: '%s%s'",
                  tl_result_surface(c->res, off, shown),
                  shown < end - off ? "…" : "");
}

/* An English word that reads as prose, not as a name: lower-case, or a
 * function word ("Western Union" is a name; "the model" is prose). */
static bool is_prose_en(const tl_token *tok, const wordinfo *w)
{
  return w->lang == EN && (w->function || !(tok->flags & TL_TF_CAP));
}

/* The sentence is image alt text or link text: a caption, a label. */
static bool all_alt(const tl_tokens *t, size_t s, size_t e)
{
  for (size_t k = s; k < e; k++)
    if (!(t->v[k].flags & (TL_TF_ALT | TL_TF_LINK)))
      return false;
  return true;
}

void tl_check_untranslated(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                           const tl_matches *m)
{
  wordinfo wi[512];
  wordinfo *info = wi;
  bool short_block = u->kind != TL_BLK_PARA && u->kind != TL_BLK_QUOTE_PARA;
  size_t run_a = 0, run_b = 0;
  bool in_run = false, run_title = false;

  if (c->spell_en == NULL || t->n == 0)
    return;
  if (t->n > sizeof wi / sizeof wi[0])
    info = tl_xcalloc(t->n, sizeof *info);
  for (size_t k = 0; k < t->n; k++) {
    classify(c, &t->v[k], &info[k]);
    info[k].exempt = (t->v[k].flags & TL_TF_EMPH) != 0;
  }
  mark_quoted(c, t, u->n > 0 ? u->segs[0].off : t->v[0].off, info);
  /* accepted glossary renderings, and what stands in parentheses right
   * after a glossary term ("aprendizado por reforço (reinforcement
   * learning)"), are not leftovers */
  for (size_t i = 0; m != NULL && i < m->n; i++) {
    const tl_match *x = &m->v[i];
    size_t k = x->tok_last + 1, p = x->off + x->len;
    if (c->gloss->f[x->form].kind != TL_FORM_FORBIDDEN)
      for (size_t j = x->tok_first; j <= x->tok_last; j++)
        info[j].exempt = true;
    while (p < c->len && (c->doc[p] == ' ' || c->doc[p] == '*' ||
                          c->doc[p] == '_'))
      p++;
    if (p >= c->len || c->doc[p] != '(')
      continue;
    for (; k < t->n; k++) { /* up to the closing parenthesis */
      size_t q = t->v[k].off + t->v[k].len;
      info[k].exempt = true;
      while (q < c->len && strchr(" *_", c->doc[q]) != NULL)
        q++;
      if (q >= c->len || c->doc[q] == ')')
        break;
    }
  }
  for (size_t s = 0; s < t->n;) {
    size_t e = s, en = 0, pt = 0;
    bool prose = false;
    while (e < t->n && t->v[e].sent == t->v[s].sent)
      e++;
    {
      /* a sentence that may be English: ask en_US about its Portuguese
       * words too ("the data is real": data, real are both) */
      bool maybe = short_block || all_alt(t, s, e);
      for (size_t k = s; k < e && !maybe; k++)
        maybe = (info[k].lang == EN && !info[k].exempt) || info[k].quoted;
      if (maybe)
        for (size_t k = s; k < e; k++)
          resolve_en(c, &t->v[k], &info[k]);
    }
    for (size_t k = s; k < e; k++) {
      /* a Portuguese glossary term is Portuguese; an accepted English one
       * (a loanword, a name) is not a leftover */
      pt += info[k].lang == PT;
      en += info[k].lang == EN && !info[k].exempt;
    }
    for (size_t k = s; k < e && !prose; k++)
      prose = is_prose_en(&t->v[k], &info[k]) && !info[k].exempt;
    if ((en >= 3 && en >= 2 * pt + 1 && prose) ||
        ((short_block || all_alt(t, s, e)) && en >= 1 && pt == 0)) {
      /* an English sentence: extend the run */
      size_t a = s, b = e - 1;
      bool title = info[a].quoted && after_title_cue(c, t, a);
      if (in_run && !title && !run_title) {
        run_b = b;
      } else {
        if (in_run)
          passage(c, t, run_a, run_b, run_title);
        run_a = a;
        run_b = b;
        run_title = title;
        in_run = true;
      }
    } else {
      if (in_run)
        passage(c, t, run_a, run_b, run_title);
      in_run = false;
      /* English words in a Portuguese sentence; an English quotation in
       * it is a passage (a title, after a cue such as "livro chamado") */
      for (size_t k = s; k < e; k++) {
        const tl_token *tok = &t->v[k];
        if (info[k].quoted) {
          size_t r = k, qen = 0, qpt = 0;
          bool qprose = false;
          while (r < e && info[r].quoted) {
            /* English glossary terms count as English here: "Deep
             * Learning with Python" is a title, not Portuguese */
            qen += info[r].lang == EN || (info[r].exempt && info[r].en_known);
            qpt += info[r].lang == PT;
            qprose |= is_prose_en(&t->v[r], &info[r]);
            r++;
          }
          if (qen >= 2 && qen > qpt && qprose)
            passage(c, t, k, r - 1, after_title_cue(c, t, k));
          k = r - 1;
          continue;
        }
        if (info[k].exempt || info[k].lang != EN)
          continue;
        if ((tok->flags & TL_TF_CAP) && !info[k].function &&
            !(tok->flags & TL_TF_SENT_START))
          continue; /* capitalised inside a sentence: a name */
        {
          tl_finding *f = tl_result_add(
              c->res, tok->off, tok->len, "untranslated.word", "untranslated",
              TL_WARNING,
              "'%.*s' é inglês: traduza (ou, se for um termo mantido em "
              "inglês, acrescente-o a dictionaries/ ou ao glossário)",
              (int)tok->len, c->doc + tok->off);
          (void)f;
        }
      }
    }
    s = e;
  }
  if (in_run)
    passage(c, t, run_a, run_b, run_title);
  /* English function words alone between math or code spans:
   * "$x$ for all $y$", "$a$ and $b$" */
  /* segments and tokens are both in text order: one pass over each */
  for (size_t i = 0, k0 = 0; i + 1 < u->n; i++) {
    const tl_seg *sg = &u->segs[i];
    while (k0 < t->n && t->v[k0].off < sg->off)
      k0++;
    if (!(sg->flags & TL_SEG_AFTER_GAP) || !(u->segs[i + 1].flags & TL_SEG_AFTER_GAP))
      continue;
    for (size_t k = k0; k < t->n && t->v[k].off < sg->off + sg->len; k++) {
      const tl_token *tok = &t->v[k];
      tl_buf low;
      if (info[k].lang == EN)
        continue; /* already judged English above */
      tl_buf_init(&low);
      tl_utf8_lower(c->doc + tok->off, tok->len, &low);
      if (info[k].function && low.len > 1)
        tl_result_add(c->res, tok->off, tok->len, "untranslated.word",
                      "untranslated", TL_WARNING,
                      "'%.*s' é inglês (entre fórmulas): traduza",
                      (int)tok->len, c->doc + tok->off);
      tl_buf_fini(&low);
    }
  }
  if (info != wi)
    free(info);
}
