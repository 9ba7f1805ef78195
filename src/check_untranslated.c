/* English left in the translation.
 *   untranslated.passage (error): a sentence, heading, list item, link text
 *     or table cell in English prose; consecutive English sentences of a
 *     block are one finding. A quotation in English prose inside a
 *     Portuguese sentence is one too; after "chamado", "livro"... in
 *     sentence case, it may be a title: info; followed by its translation
 *     in parentheses, it is the original kept beside it: info. Title-cased quotations and
 *     runs of capitalised words ("The Star-Spangled Banner", "The
 *     Guardian") are names, not passages.
 *   untranslated.word: English words inside a Portuguese sentence. A
 *     warning when tradlint can say what to write instead (the glossary or
 *     dictionaries/renderings.tsv knows the rendering: "reasoning" ->
 *     raciocínio), when it is an English function word, or for a run of
 *     English words (one finding per run); otherwise info. Accepted
 *     anglicisms (dictionaries/) are Portuguese words.
 *   untranslated.document (warning): the whole document is English prose,
 *     not a translation (see tl_check_untranslated_is_english).
 * A word is English when en_US knows it and pt_BR (with the project's
 * lists and the glossary) does not, or when it is an English function
 * word; words both know, names and numbers are neutral. Names the document
 * teaches, mentioned language, glosses and code are not checked (prose.c).
 */
#include "check.h"
#include "msg.h"

#include "house.h"
#include "prose.h"
#include "renderings.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* Words after which a quoted English passage is a title, not a leftover. */
static const char *const TITLE_CUES[] = {
    "chamado", "chamada", "chamados", "chamadas", "intitulado", "intitulada",
    "livro", "livros", "artigo", "artigos", "filme", "série", "paper",
    "título", "denominado", "denominada", "batizado", "batizada", "obra",
    "ensaio", "relatório", "post", "podcast", "canção", "álbum", "vídeo",
    "palestra", "curso", "tutorial", "assista", "leia", "veja", "ouça",
    "confira", NULL};

/* Words next to an English quotation that make it a written line kept in
 * the original on purpose ("publicou a frase: "fake news out of control"",
 * ""...", tuitou Altman", a slogan), not a sentence left untranslated.
 * Speech ("disse", "afirmou") is not among them: the press translates what
 * people say, and machine translation that skips a quotation is a real
 * failure. */
static const char *const CITE_CUES[] = {
    "frase", "frases", "escreveu", "escreve", "publicou", "postou",
    "tuitou", "mensagem", "lema", "slogan", "bordão", "citação", NULL};

/* Whether the token before @first is a title cue word. */
static bool after_title_cue(tl_ctx *c, const tl_tokens *t, size_t first)
{
  return first > 0 &&
         tl_token_in_list(c->doc, &t->v[first - 1], TITLE_CUES);
}

/* How an English passage reads: prose left untranslated, or (info) the
 * title of a work or a citation kept in the original. */
typedef enum { PASSAGE_PROSE, PASSAGE_TITLE, PASSAGE_CITATION } passage_kind;

static void passage(tl_ctx *c, const tl_tokens *t, size_t a, size_t b,
                    passage_kind kind)
{
  size_t off = t->v[a].off, end = t->v[b].off + t->v[b].len, shown;

  /* quote at most 60 bytes of it, cut at a character boundary */
  shown = end - off;
  if (shown > 60) {
    shown = 60;
    while (shown > 0 && ((unsigned char)c->doc[off + shown] & 0xC0) == 0x80)
      shown--;
  }
  if (kind == PASSAGE_TITLE)
    tl_result_add(c->res, off, end - off, "untranslated.passage",
                  "untranslated", TL_INFO,
                  _("título em inglês ('%s%s'): mantenha-o se for o nome "
                    "da obra, ou traduza-o"),
                  tl_result_surface(c->res, off, shown),
                  shown < end - off ? "…" : "");
  else if (kind == PASSAGE_CITATION)
    tl_result_add(c->res, off, end - off, "untranslated.passage",
                  "untranslated", TL_INFO,
                  _("citação em inglês ('%s%s'): mantenha-a se for a "
                    "citação literal, de preferência com a tradução ao "
                    "lado, ou traduza-a"),
                  tl_result_surface(c->res, off, shown),
                  shown < end - off ? "…" : "");
  else
    tl_result_add(c->res, off, end - off, "untranslated.passage",
                  "untranslated", TL_ERROR,
                  _("trecho em inglês não traduzido: '%s%s'"),
                  tl_result_surface(c->res, off, shown),
                  shown < end - off ? "…" : "");
}

/* Per token of the block: its language (c->lang) and whether it is out of
 * the check (an accepted glossary rendering, italics, a name, a gloss...). */
typedef struct word {
  bool exempt;       /* for words and Portuguese sentences */
  bool exempt_short; /* for headings, captions, cells: names count, title
                        runs do not ("Open Source Models" is a passage) */
} word;

/* Token @k is a capitalised word right after a version or size ("3.5",
 * "70B", "Phi-3"), or right after such a word (@after_variant), separated
 * by spaces only: the variant part of a model's name ("Phi-3.5 Vision",
 * "Llama 3.1 - 70B Instruct", "Gemini 1.0 Pro V"), not English prose. */
static bool variant_word(const tl_ctx *c, const tl_tokens *t, size_t k,
                         bool after_variant)
{
  const tl_token *tok = &t->v[k], *prev;

  if (k == 0 || tok->kind != TL_TOK_WORD || !(tok->flags & TL_TF_CAP))
    return false;
  prev = &t->v[k - 1];
  if (prev->sent != tok->sent || prev->off + prev->len >= tok->off)
    return false;
  for (size_t p = prev->off + prev->len; p < tok->off; p++)
    if (c->doc[p] != ' ')
      return false;
  return prev->kind == TL_TOK_NUMBER || prev->kind == TL_TOK_MIXED ||
         after_variant;
}

/* An English word that reads as prose, not as a name: lower-case, or a
 * function word ("Western Union" is a name; "the model" is prose). */
static bool is_prose_en(const tl_token *tok, const tl_wordlang *w)
{
  return w->lang == TL_WORD_EN && (w->function || !(tok->flags & TL_TF_CAP));
}

/* The first token of a link in sentence [s, e) that holds all the
 * sentence's English words and follows a title cue ("Assista [To fine-tune
 * or not to fine-tune](...)"): the title of the linked work. @e when there
 * is none. */
static size_t linked_title(tl_ctx *c, const tl_tokens *t, size_t s, size_t e)
{
  size_t first = e;

  for (size_t k = s; k < e; k++) {
    bool link = (t->v[k].flags & TL_TF_LINK) != 0;
    if (link && first == e)
      first = k;
    if (!link && c->lang[k].lang == TL_WORD_EN)
      return e;
  }
  if (first == e || !(t->v[first].flags & TL_TF_CAP) || first == s ||
      !after_title_cue(c, t, first))
    return e;
  return first;
}

/* The sentence is image alt text or link text: a caption, a label. */
static bool all_alt(const tl_tokens *t, size_t s, size_t e)
{
  for (size_t k = s; k < e; k++)
    if (!(t->v[k].flags & (TL_TF_ALT | TL_TF_LINK)))
      return false;
  return true;
}

/* Only spaces, or a comma, slash or hyphen with spaces, between tokens a
 * and a + 1: they read as one run of words ("key, value", "push/pull"). */
static bool word_gap(const tl_ctx *c, const tl_token *a, const tl_token *b)
{
  size_t seps = 0;

  for (size_t i = a->off + a->len; i < b->off; i++) {
    char ch = c->doc[i];
    if (ch == ',' || ch == '/' || ch == '-')
      seps++;
    else if (ch != ' ')
      return false;
  }
  return seps <= 1 && b->off > a->off + a->len;
}

/* What to write instead of the English text of tokens [a, b]: the
 * glossary's rendering of it, else the word list's; NULL when unknown. */
static const char *rendering(tl_ctx *c, const tl_tokens *t, size_t a,
                             size_t b)
{
  tl_buf raw, key;
  const char *r;

  tl_buf_init(&raw);
  tl_buf_init(&key);
  for (size_t k = a; k <= b; k++) {
    if (k > a) {
      tl_buf_addc(&raw, ' ');
      tl_buf_addc(&key, ' ');
    }
    tl_buf_add(&raw, c->doc + t->v[k].off, t->v[k].len);
    tl_utf8_fold(c->doc + t->v[k].off, t->v[k].len, &key);
  }
  r = tl_gloss_rendering(c->gloss, raw.p, raw.len);
  if (r == NULL)
    r = tl_renderings_find(c->renderings, key.p, key.len);
  tl_buf_fini(&raw);
  tl_buf_fini(&key);
  return r;
}

/* Whether the lower-case word @tok is an English word of
 * dictionaries/renderings.tsv: English to translate even where the pt_BR
 * dictionary knows the spelling ("nodes", "lanes": "em n = 4 nodes"). */
static bool listed_word(tl_ctx *c, const tl_token *tok)
{
  tl_buf key;
  bool found;

  if (tok->flags & TL_TF_LOWER) /* its bytes are its folded key */
    return tl_renderings_find(c->renderings, c->doc + tok->off, tok->len) !=
           NULL;
  tl_buf_init(&key);
  tl_utf8_fold(c->doc + tok->off, tok->len, &key);
  found = tl_renderings_find(c->renderings, key.p, key.len) != NULL;
  tl_buf_fini(&key);
  return found;
}

/* listed_word of token @k of @t, asked once a spelling (its entry keeps
 * the answer: the list is the linter's). */
static bool listed(tl_ctx *c, const tl_tokens *t, size_t k)
{
  const tl_token *tok = &t->v[k];
  tl_wordinfo *w;

  if (c->renderings == NULL || (tok->flags & TL_TF_CAP))
    return false;
  w = tl_ctx_word(c, t, k);
  if (w == NULL)
    return listed_word(c, tok);
  if (!(w->flags & TL_WI_RD_ASKED))
    w->flags |= TL_WI_RD_ASKED | (listed_word(c, tok) ? TL_WI_RD_LISTED : 0);
  return (w->flags & TL_WI_RD_LISTED) != 0;
}

static void report_word(tl_ctx *c, size_t off, size_t len, tl_severity sev,
                        const char *sugg, bool run, bool function)
{
  const tl_house_word *hw =
      run || function ? NULL
                      : tl_house_find(c->house, c->doc + off, len, true,
                                      c->house_self);

  if (hw != NULL) {
    /* the archive keeps it in English, in enough documents (a glossary
     * rendering of it would have kept it out of house usage) */
    tl_result_add(c->res, off, len, "untranslated.word", "untranslated",
                  TL_INFO,
                  P_("'%s' é inglês, mas é uso da casa: o acervo o escreve "
                     "assim em %u documento",
                     "'%s' é inglês, mas é uso da casa: o acervo o escreve "
                     "assim em %u documentos",
                     hw->docs),
                  tl_result_surface(c->res, off, len), hw->docs);
    return;
  }
  if (sugg != NULL) {
    tl_finding *f = tl_result_add(
        c->res, off, len, "untranslated.word", "untranslated", sev,
        run ? _("'%s' está em inglês: escreva '%s'")
            : _("'%s' é inglês: escreva '%s'"),
        tl_result_surface(c->res, off, len), sugg);
    tl_result_set_suggestions(c->res, f, &sugg, 1);
    return;
  }
  if (sev == TL_WARNING && function)
    tl_result_add(c->res, off, len, "untranslated.word", "untranslated", sev,
                  run ? _("'%s' está em inglês: traduza")
                      : _("'%s' é inglês: traduza"),
                  tl_result_surface(c->res, off, len));
  else if (sev == TL_WARNING)
    tl_result_add(c->res, off, len, "untranslated.word", "untranslated", sev,
                  run ? _("'%s' está em inglês: traduza o trecho")
                      : _("'%s' é inglês: traduza o trecho"),
                  tl_result_surface(c->res, off, len));
  else
    tl_result_add(c->res, off, len, "untranslated.word", "untranslated", sev,
                  _("'%s' parece inglês: traduza-o, se não for um termo "
                    "que a imprensa mantém em inglês (nesse caso, "
                    "acrescente-o a dictionaries/)"),
                  tl_result_surface(c->res, off, len));
}

/* Whether a neighbour of token @k in sentence [s, e) is an English word in
 * capitals too: "READ THE DOCS" is English shouted, a lone "TO" beside
 * Portuguese words is an acronym (Tocantins in "(PL/TO)"). */
static bool caps_english_beside(const tl_ctx *c, const tl_tokens *t,
                                size_t s, size_t e, size_t k)
{
  return (k > s && (t->v[k - 1].flags & TL_TF_ALLCAPS) &&
          c->lang[k - 1].lang == TL_WORD_EN) ||
         (k + 1 < e && (t->v[k + 1].flags & TL_TF_ALLCAPS) &&
          c->lang[k + 1].lang == TL_WORD_EN);
}

/* Whether the quotation ending at token @last is followed by its
 * translation in parentheses: "“AI agents that are able to plan…”
 * (Agentes de IA que são capazes de planejar…)": the original kept beside
 * the Portuguese, as the press quotes. */
static bool translated_after(tl_ctx *c, const tl_tokens *t, size_t last)
{
  const char *d = c->doc;
  size_t i = t->v[last].off + t->v[last].len, lim = i + 12, pt = 0, en = 0;

  while (i < c->len && i < lim && d[i] != '(') {
    unsigned char b = (unsigned char)d[i];
    if (b == ' ' || b == '"' || b == '\'' || b == '.' || b == ',' ||
        b >= 0x80)
      i++; /* closing quotes (” ’ »), an ellipsis (…), spaces */
    else
      return false;
  }
  if (i >= c->len || d[i] != '(')
    return false;
  for (size_t k = last + 1; k < t->n && k <= last + 6; k++) {
    if (t->v[k].off < i)
      return false; /* a word between the quotation and the parenthesis */
    tl_word_lang_resolve(c, &t->v[k], &c->lang[k]);
    pt += c->lang[k].lang == TL_WORD_PT;
    en += c->lang[k].lang == TL_WORD_EN;
  }
  return pt >= 2 && pt > en;
}

/* The English words of a Portuguese sentence [s, e). */
static void words_in_sentence(tl_ctx *c, const tl_tokens *t, size_t s,
                              size_t e, const word *w)
{
  for (size_t k = s; k < e; k++) {
    const tl_token *tok = &t->v[k];
    const tl_wordlang *l = &c->lang[k];
    size_t r = k;
    if (c->role[k] & TL_ROLE_QUOTED) {
      /* an English quotation in the sentence is a passage (a title, after
       * a cue such as "livro chamado"); a title-cased one is a name, a
       * mentioned one an example; single quoted words are the author's */
      size_t qen = 0, qpt = 0;
      bool qprose = false, out = false, qfunc = false;
      while (r < e && (c->role[r] & TL_ROLE_QUOTED)) {
        out |= (c->role[r] & (TL_ROLE_TITLE | TL_ROLE_MENTION)) != 0;
        qen += c->lang[r].lang == TL_WORD_EN ||
               (w[r].exempt && c->lang[r].en_known);
        qpt += c->lang[r].lang == TL_WORD_PT;
        qprose |= is_prose_en(&t->v[r], &c->lang[r]);
        qfunc |= c->lang[r].lang == TL_WORD_EN && c->lang[r].function;
        r++;
      }
      /* two quoted words with no English function word are a term the
       * press quotes as foreign ("“dress code” no trabalho", Folhapress),
       * not a passage left untranslated */
      if (qen >= 2 && qen > qpt && qprose && !out && (qen >= 3 || qfunc)) {
        const char *d = c->doc;
        bool cited = (k > 0 && tl_token_in_list(d, &t->v[k - 1], CITE_CUES)) ||
                     (r < e && tl_token_in_list(d, &t->v[r], CITE_CUES)) ||
                     translated_after(c, t, r - 1);
        passage(c, t, k, r - 1,
                after_title_cue(c, t, k) ? PASSAGE_TITLE
                : cited                  ? PASSAGE_CITATION
                                         : PASSAGE_PROSE);
      }
      k = r - 1;
      continue;
    }
    if ((tok->flags & TL_TF_LINK) && after_title_cue(c, t, k)) {
      /* "Assista [To fine-tune or not to fine-tune](…)": the title of the
       * linked work */
      size_t qen = 0, nw = 0;
      while (r + 1 < e && (t->v[r + 1].flags & TL_TF_LINK) &&
             memchr(c->doc + t->v[r].off, ']',
                    t->v[r + 1].off - t->v[r].off) == NULL)
        r++;
      for (size_t i = k; i <= r; i++) {
        nw += t->v[i].kind == TL_TOK_WORD;
        qen += c->lang[i].lang == TL_WORD_EN;
      }
      if (nw >= 2 && qen >= 1 && (tok->flags & TL_TF_CAP)) {
        passage(c, t, k, r, PASSAGE_TITLE);
        k = r;
        continue;
      }
      r = k;
    }
    if (w[k].exempt ||
        (l->lang != TL_WORD_EN && !listed(c, t, k)))
      continue;
    if ((tok->flags & TL_TF_ALLCAPS) && l->function &&
        !caps_english_beside(c, t, s, e, k))
      continue; /* "(PL/TO)", "a IN 12": an acronym, not the word "to" */
    if ((tok->flags & TL_TF_CAP) && !l->function &&
        !(tok->flags & TL_TF_SENT_START))
      continue; /* capitalised inside a sentence: a name */
    /* a run of English words is one finding */
    while (r + 1 < e && !w[r + 1].exempt &&
           c->lang[r + 1].lang == TL_WORD_EN &&
           !((t->v[r + 1].flags & TL_TF_CAP) && !c->lang[r + 1].function) &&
           word_gap(c, &t->v[r], &t->v[r + 1]))
      r++;
    {
      size_t off = tok->off, len = t->v[r].off + t->v[r].len - off;
      const char *sugg = rendering(c, t, k, r);
      bool run = r > k, function = !run && l->function;
      tl_severity sev =
          sugg != NULL || run || function ? TL_WARNING : TL_INFO;
      if (!run && (tok->flags & TL_TF_CAP) && !l->function) {
        /* sentence-initial: it may be a name the document teaches later */
        TL_GROW(c->upending, c->capupending, c->nupending + 1);
        c->upending[c->nupending++] =
            (tl_pending_en){off, (uint32_t)len, (uint8_t)sev, sugg};
      } else {
        report_word(c, off, len, sev, sugg, run, function);
      }
    }
    k = r;
  }
}

/* English function words alone between math or code spans: "$x$ for all
 * $y$", "$a$ and $b$". A function word Portuguese also has ("for") only
 * right next to the formula. */
static void words_between_formulas(tl_ctx *c, const tl_unit *u,
                                   const tl_tokens *t)
{
  /* segments and tokens are both in text order: one pass over each */
  for (size_t i = 0, k0 = 0; i + 1 < u->n; i++) {
    const tl_seg *sg = &u->segs[i];
    size_t first, last;
    while (k0 < t->n && t->v[k0].off < sg->off)
      k0++;
    if (!(sg->flags & TL_SEG_AFTER_GAP) ||
        !(u->segs[i + 1].flags & TL_SEG_AFTER_GAP))
      continue;
    first = last = k0;
    while (last < t->n && t->v[last].off < sg->off + sg->len)
      last++;
    if (last == first)
      continue; /* no token in the segment */
    last--;
    for (size_t k = first; k <= last; k++) {
      const tl_token *tok = &t->v[k];
      if (c->lang[k].lang == TL_WORD_EN || !c->lang[k].function ||
          tok->len < 2 || (c->role[k] & TL_ROLE_EXEMPT))
        continue; /* judged above, or not English */
      if (k != first && k != last && last - first > 2)
        continue; /* "se a programação for usada": Portuguese */
      tl_result_add(c->res, tok->off, tok->len, "untranslated.word",
                    "untranslated", TL_WARNING,
                    _("'%.*s' é inglês (entre fórmulas): traduza"),
                    (int)tok->len, c->doc + tok->off);
    }
  }
}

/* An English heading glued to its Portuguese translation, as converted
 * documentation leaves it: "Linear Neural NetworkRedes Neurais Lineares".
 * A word with one inner capital after a lower-case letter splits into an
 * English word (en_US knows it, pt_BR does not) and a Portuguese one
 * (pt_BR knows it, en_US does not); the English part, with the
 * capitalised English words before it in the sentence, is the leftover.
 * Brand names written in one word ("MovieLens", "DeepMind") have no
 * Portuguese half. */
static void glued_heading(tl_ctx *c, const tl_tokens *t)
{
  for (size_t k = 0; k < t->n; k++) {
    const tl_token *tok = &t->v[k];
    const char *p = c->doc + tok->off;
    size_t cut = 0, a = k, adv;

    if (tok->kind != TL_TOK_WORD || !(tok->flags & TL_TF_INNERCAP) ||
        (tok->flags & TL_TF_ALLCAPS))
      continue;
    for (size_t i = 1; i < tok->len; i += adv) {
      int32_t cp = tl_utf8_decode(p + i, tok->len - i, &adv);
      if (tl_cp_is_upper(cp)) {
        if (cut != 0 || p[i - 1] < 'a' || p[i - 1] > 'z') {
          cut = 0;
          break;
        }
        cut = i;
      }
    }
    /* "CadÚnico": "Cad" is an English word, but an English heading word
     * of three letters is rarer than a Portuguese acronym glued to a
     * word; four letters at least */
    if (cut < 4 || tok->len - cut < 3 ||
        tl_spell_check(c->spell_en, p, cut, NULL) != 1 ||
        tl_spell_check(c->spell, p, cut, NULL) == 1 ||
        tl_spell_check(c->spell, p + cut, tok->len - cut, NULL) != 1 ||
        tl_spell_check(c->spell_en, p + cut, tok->len - cut, NULL) == 1)
      continue;
    while (a > 0 && t->v[a - 1].sent == tok->sent &&
           t->v[a - 1].kind == TL_TOK_WORD && t->v[a - 1].len >= 2 &&
           (t->v[a - 1].flags & TL_TF_CAP) &&
           t->v[a - 1].off + t->v[a - 1].len + 1 == t->v[a].off &&
           c->doc[t->v[a].off - 1] == ' ' &&
           tl_spell_check(c->spell_en, c->doc + t->v[a - 1].off,
                          t->v[a - 1].len, NULL) == 1)
      a--;
    tl_result_add(c->res, t->v[a].off, tok->off + cut - t->v[a].off,
                  "untranslated.passage", "untranslated", TL_ERROR,
                  _("título em inglês colado à tradução: '%s'; apague-o"),
                  tl_result_surface(c->res, t->v[a].off,
                                    tok->off + cut - t->v[a].off));
  }
}

/* Whether a[0..n) and the lower-case b[0..n) are one English term, case
 * aside, a hyphen and a space being the same ("retrieval-augmented"). */
static bool same_term(const char *a, const char *b, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] - 'A' + 'a') : a[i];
    char y = b[i];
    if (x == '-')
      x = ' ';
    if (y == '-')
      y = ' ';
    if (x != y)
      return false;
  }
  return true;
}

/* The common term of the glossary whose English term (`en` column) is
 * the lower-case phrase p[0..n), or its plural with an "s"; or NULL. */
static const tl_concept *english_term(const tl_gloss *g, const char *p,
                                      size_t n)
{
  for (size_t i = 0; g != NULL && i < g->nc; i++) {
    const tl_concept *k = &g->c[i];
    const char *e = k->en;

    if (k->exact || e == NULL)
      continue;
    while (*e != '\0') {
      const char *bar = strchr(e, '|');
      size_t l = bar != NULL ? (size_t)(bar - e) : strlen(e);
      if ((l == n || (l + 1 == n && p[n - 1] == 's')) && same_term(e, p, l))
        return k;
      e += l + (bar != NULL);
    }
  }
  return NULL;
}

/* A glossary term's English expansion, in title case, before its acronym
 * in parentheses, left in a Portuguese sentence: "vamos estudar os Large
 * Language Models (LLMs)" (msft-br), "O Retrieval Augmented Generation
 * (RAG) combina" (AWS). Title case made the words look like a name; the
 * acronym's letters, the initials of the words, show it is the term. */
static void expansion_before_acronym(tl_ctx *c, const tl_tokens *t)
{
  char initials[16], phrase[128];

  for (size_t k = 0; k < t->n; k++) {
    size_t r = k, k0 = k, ni = 0, np = 0, p, a;
    const tl_concept *term;

    if (t->v[k].kind != TL_TOK_WORD || !(t->v[k].flags & TL_TF_CAP) ||
        (t->v[k].flags & (TL_TF_ALLCAPS | TL_TF_LINK)))
      continue;
    while (r + 1 < t->n && t->v[r + 1].kind == TL_TOK_WORD &&
           (t->v[r + 1].flags & TL_TF_CAP) &&
           !(t->v[r + 1].flags & TL_TF_ALLCAPS) &&
           t->v[r + 1].sent == t->v[k].sent &&
           t->v[r + 1].off == t->v[r].off + t->v[r].len + 1 &&
           c->doc[t->v[r].off + t->v[r].len] == ' ')
      r++;
    if (r == k)
      continue;
    /* " (LLMs)" right after */
    p = t->v[r].off + t->v[r].len;
    if (p + 4 >= c->len || c->doc[p] != ' ' || c->doc[p + 1] != '(')
      goto next;
    a = p + 2;
    while (a < c->len && c->doc[a] >= 'A' && c->doc[a] <= 'Z')
      a++;
    if (a < c->len && c->doc[a] == 's')
      a++;
    if (a >= c->len || c->doc[a] != ')' || a - (p + 2) < 2)
      goto next;
    /* its letters are the initials of the last words of the run (a
     * hyphen starts a word too): "O Retrieval Augmented Generation (RAG)" */
    {
      size_t al = a - (p + 2) - (c->doc[a - 1] == 's'), st = k;
      for (; st < r; st++) {
        ni = 0;
        for (size_t j = st; j <= r; j++) {
          const char *w = c->doc + t->v[j].off;
          for (size_t q = 0; q < t->v[j].len && ni + 1 < sizeof initials; q++)
            if (q == 0 || w[q - 1] == '-')
              initials[ni++] = w[q];
        }
        if (al == ni && memcmp(initials, c->doc + p + 2, al) == 0)
          break;
      }
      if (st == r)
        goto next;
      k0 = st;
    }
    for (size_t q = t->v[k0].off; q < p && np + 1 < sizeof phrase; q++) {
      char b = c->doc[q];
      phrase[np++] = b >= 'A' && b <= 'Z' ? (char)(b - 'A' + 'a') : b;
    }
    term = english_term(c->gloss, phrase, np);
    if (term != NULL)
      report_word(c, t->v[k0].off, p - t->v[k0].off, TL_WARNING,
                  term->preferred, true, false);
  next:
    k = r;
  }
}

/* English labels that open a note or an answer in documentation, with
 * their Portuguese. */
static const struct label {
  const char *en, *pt;
} LABELS[] = {{"Note", "Nota"},        {"Tip", "Dica"},
              {"Hint", "Dica"},        {"Warning", "Aviso"},
              {"Caution", "Atenção"},  {"Important", "Importante"},
              {"Example", "Exemplo"},  {"Answer", "Resposta"},
              {"Solution", "Solução"}, {"Exercise", "Exercício"},
              {NULL, NULL}};

/* Portuguese words no English sentence has, to tell the block's
 * language near its start. */
static const char *const PT_WORDS[] = {
    "o",    "os",   "as",   "de",   "do",   "da",    "dos",   "das",
    "em",   "no",   "na",   "nos",  "nas",  "que",   "para",  "com",
    "um",   "uma",  "você", "este", "esta", "neste", "nesta", "essa",
    "esse", "é",    "e",    "se",   "por",  "ao",    "não",   "mais",
    NULL};

/* An English label opening a Portuguese block: "> **Note** : Você usará
 * essa tabela" (msft-br, lesson 10), "***Note：Neste capítulo..." (lesson
 * 19), a quiz's "A: 2 e 3 estão corretas" (lesson 3). Emphasis does not make it a foreign word on purpose here: the
 * label is the document's own. */
static void english_label(tl_ctx *c, const tl_tokens *t)
{
  const tl_token *w;
  size_t p, pt = 0;

  if (t->n < 4)
    return;
  w = &t->v[0];
  p = w->off + w->len;
  while (p < c->len && strchr("*_ ", c->doc[p]) != NULL)
    p++;
  if (!(p < c->len && c->doc[p] == ':') &&
      !(p + 3 <= c->len && memcmp(c->doc + p, "\xEF\xBC\x9A", 3) == 0))
    return; /* ':' or the fullwidth '：' */
  for (size_t k = 1; k < t->n && k < 12; k++)
    pt += tl_token_in_list(c->doc, &t->v[k], PT_WORDS);
  if (pt < 2)
    return; /* an English block: untranslated.passage's business */
  /* a quiz's answer, "A: 2 e 3 estão corretas", "A:1, Embora...":
   * English "A" (answer) before the number of the option; Portuguese
   * writes "R:" (resposta). The number tells it from the article. */
  if (w->len == 1 && c->doc[w->off] == 'A') {
    size_t q = p + 1;
    while (q < c->len && c->doc[q] == ' ')
      q++;
    if (q < c->len && c->doc[q] >= '0' && c->doc[q] <= '9')
      report_word(c, w->off, w->len, TL_WARNING, "R", false, false);
    return;
  }
  for (size_t i = 0; LABELS[i].en != NULL; i++)
    if (strlen(LABELS[i].en) == w->len &&
        memcmp(LABELS[i].en, c->doc + w->off, w->len) == 0) {
      report_word(c, w->off, w->len, TL_WARNING, LABELS[i].pt, false, false);
      return;
    }
}

void tl_check_untranslated(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                           const tl_matches *m)
{
  word wi[512];
  word *w = wi;
  bool short_block = u->kind != TL_BLK_PARA && u->kind != TL_BLK_QUOTE_PARA;
  size_t run_a = 0, run_b = 0;
  bool in_run = false, run_title = false, variant = false;

  if (c->spell_en == NULL || t->n == 0)
    return;
  glued_heading(c, t);
  expansion_before_acronym(c, t);
  english_label(c, t);
  if (t->n > sizeof wi / sizeof wi[0])
    w = tl_xcalloc(t->n, sizeof *w);
  for (size_t k = 0; k < t->n; k++) {
    uint16_t role = c->role[k];
    bool emph = (t->v[k].flags & TL_TF_EMPH) != 0;
    w[k].exempt = emph || (role & TL_ROLE_EXEMPT);
    w[k].exempt_short = emph || (role & TL_ROLE_EXEMPT & ~TL_ROLE_TITLE);
    variant = variant_word(c, t, k, variant);
    if (variant)
      w[k].exempt = w[k].exempt_short = true;
  }
  /* accepted glossary renderings are not leftovers */
  for (size_t i = 0; m != NULL && i < m->n; i++) {
    const tl_match *x = &m->v[i];
    if (c->gloss->f[x->form].kind != TL_FORM_FORBIDDEN)
      for (size_t j = x->tok_first; j <= x->tok_last; j++)
        w[j].exempt = w[j].exempt_short = true;
  }
  for (size_t s = 0; s < t->n;) {
    size_t e = s, en = 0, en_short = 0, pt = 0, nwords = 0;
    bool prose = false, english, shortish;
    while (e < t->n && t->v[e].sent == t->v[s].sent)
      e++;
    shortish = short_block || all_alt(t, s, e);
    {
      /* a sentence that may be English: ask en_US about its Portuguese
       * words too ("the data is real": data, real are both) */
      bool maybe = shortish;
      for (size_t k = s; k < e && !maybe; k++)
        maybe = (c->lang[k].lang == TL_WORD_EN && !w[k].exempt) ||
                (c->role[k] & TL_ROLE_QUOTED);
      if (maybe)
        for (size_t k = s; k < e; k++)
          tl_word_lang_resolve(c, &t->v[k], &c->lang[k]);
    }
    for (size_t k = s; k < e; k++) {
      /* a Portuguese glossary term is Portuguese; an accepted English one
       * (a loanword, a name) is not a leftover */
      pt += c->lang[k].lang == TL_WORD_PT;
      en += c->lang[k].lang == TL_WORD_EN && !w[k].exempt;
      en_short += c->lang[k].lang == TL_WORD_EN && !w[k].exempt_short;
      nwords += t->v[k].kind == TL_TOK_WORD;
      prose |= is_prose_en(&t->v[k], &c->lang[k]) && !w[k].exempt;
    }
    english = (en >= 3 && en >= 2 * pt + 1 && prose) ||
              (shortish && en_short >= 1 && pt == 0);
    if (nwords >= 3) {
      c->sentences++;
      c->en_sentences += english;
    }
    if (english) {
      /* an English sentence: extend the run */
      size_t a = s, b = e - 1;
      bool title = (c->role[a] & TL_ROLE_QUOTED) && after_title_cue(c, t, a);
      size_t l = linked_title(c, t, s, e);
      if (l < e) { /* "Assista [To fine-tune or not to fine-tune](...)" */
        a = l;
        title = true;
      }
      if (in_run && !title && !run_title) {
        run_b = b;
      } else {
        if (in_run)
          passage(c, t, run_a, run_b, run_title ? PASSAGE_TITLE : PASSAGE_PROSE);
        run_a = a;
        run_b = b;
        run_title = title;
        in_run = true;
      }
    } else {
      if (in_run)
        passage(c, t, run_a, run_b, run_title ? PASSAGE_TITLE : PASSAGE_PROSE);
      in_run = false;
      words_in_sentence(c, t, s, e, w);
    }
    s = e;
  }
  if (in_run)
    passage(c, t, run_a, run_b, run_title ? PASSAGE_TITLE : PASSAGE_PROSE);
  words_between_formulas(c, u, t);
  if (w != wi)
    free(w);
}

void tl_check_untranslated_end(tl_ctx *c)
{
  for (size_t i = 0; i < c->nupending; i++) {
    const tl_pending_en *p = &c->upending[i];
    tl_token tok = {p->off, p->len, TL_TOK_WORD, TL_TF_CAP, 0};
    tl_buf_clear(&c->key);
    tl_token_key(c->doc, &tok, &c->key);
    if (!tl_prose_is_name(c, c->key.p, c->key.len))
      report_word(c, p->off, p->len, (tl_severity)p->sev, p->sugg, false,
                  false);
  }
  c->nupending = 0;
}

/* Most sentences of three words or more are English prose: a document in
 * English (a licence, an original), not a translation. */
bool tl_check_untranslated_is_english(const tl_ctx *c)
{
  return c->en_sentences >= 3 && c->en_sentences * 10 >= c->sentences * 6;
}
