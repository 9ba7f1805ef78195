#include "prose.h"

#include "calque.h"
#include "house.h"
#include "proper.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

/* English function words that are not Portuguese words. */
static const char *const EN_FUNCTION[] = {
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

/* Portuguese words that start no term: articles, prepositions,
 * conjunctions, common verbs. */
static const char *const PT_FUNCTION[] = {
    "o", "a", "os", "as", "um", "uma", "uns", "umas", "de", "do", "da",
    "dos", "das", "em", "no", "na", "nos", "nas", "por", "pelo", "pela",
    "pelos", "pelas", "para", "pra", "com", "sem", "e", "ou", "que", "se",
    "ao", "aos", "à", "às", "num", "numa", "como", "mas", "é", "são",
    "foi", "era", "ser", "sobre", "entre", "até", "seu", "sua", "seus",
    "suas", "este", "esta", "esse", "essa", "isso", "isto", "nem", "já",
    "não", "mais", "muito", "também", NULL};

/* Lower-case words that may stand inside a run of capitalised words:
 * "Empire of AI", "Universidade de Stanford", "Ludwig van Beethoven". */
static const char *const CONNECTORS[] = {
    "of", "the", "and", "for", "on", "in", "to", "at", "by", "with", "from",
    "into", "over", "under", "vs", "de", "da", "do",
    "das", "dos", "e", "del", "della", "van", "von", "der", "den", "di",
    "du", "la", "le", "y", "bin", "al", NULL};

/* Titles and roles after which a capitalised word is a person's name:
 * "o CEO Sam Altman", "a jornalista Karen Hao", "a pesquisadora Rose". */
static const char *const TITLE_CUES[] = {
    "ceo", "cto", "cfo", "coo", "cso", "vp", "presidente", "presidenta",
    "vice-presidente", "presidente-executivo", "presidente-executiva",
    "fundador", "fundadora", "fundadores", "cofundador", "cofundadora",
    "cofundadores", "co-fundador", "co-fundadora", "criador", "criadora",
    "diretor", "diretora", "diretor-executivo", "diretora-executiva",
    "diretor-geral", "diretora-geral", "executivo", "executiva",
    "pesquisador", "pesquisadora", "pesquisadores", "pesquisadoras",
    "cientista", "cientistas", "engenheiro", "engenheira", "professor",
    "professora", "analista", "especialista", "economista", "jornalista",
    "colunista", "repórter", "editor", "editora", "escritor", "escritora",
    "autor", "autora", "investidor", "investidora", "empresário",
    "empresária", "bilionário", "bilionária", "youtuber", "influenciador",
    "influenciadora", "apresentador", "apresentadora", "entrevistado",
    "entrevistada", "porta-voz", "chefe", "líder", "gerente", "sócio",
    "sócia", "ministro", "ministra", "senador", "senadora", "deputado",
    "deputada", "governador", "governadora", "prefeito", "prefeita",
    "juiz", "juíza", "advogado", "advogada", "psicólogo", "psicóloga",
    "filósofo", "filósofa", "historiador", "historiadora", "físico",
    "matemático", "matemática", "neurocientista", "desenvolvedor",
    "desenvolvedora", "programador", "programadora", "designer", "ator",
    "atriz", "cantor", "cantora", "rapper", "artista", "cineasta",
    "chairman", "dr", "dra", "sr", "sra", "srta", "prof", "profa", "doutor",
    "doutora", "papa", "rei", "rainha", "príncipe", "princesa", NULL};

/* Words before a quotation that make it an example of language (o sufixo
 * "-mente", a palavra "token"), not a use of it. */
static const char *const MENTION_CUES[] = {
    "palavra", "palavras", "termo", "termos", "expressão", "expressões",
    "sufixo", "sufixos", "prefixo", "prefixos", "token", "tokens", "grafia",
    "grafias", "vocábulo", "vocábulos", "verbo", "verbos", "substantivo",
    "adjetivo", "letra", "letras", "sílaba", "sílabas", "fragmento",
    "fragmentos", "string", "strings", "caractere", "caracteres", "radical",
    "sigla", "siglas", "nome", "nomes", "chamado", "chamada", "chamados",
    "chamadas", "conhecido", "conhecida", "denominado", "denominada",
    "batizado", "batizada", "apelidado", "apelidada", "significa",
    "escrever", "escreva", "escreve", "escreveu", "digite", "digitar",
    "traduzido", "traduzida", "traduz", "tradução", NULL};

/* Spanish words that are not Portuguese: a quotation with one of them and
 * a word pt_BR does not know is Spanish ("El Sol está brillando"). */
static const char *const ES_FUNCTION[] = {
    "el", "los", "del", "y", "es", "un", "unos", "muy", "hay", "pero",
    "con", "sin", "ahora", "cuando", "donde", "qué", "sí", "ya", "yo",
    "usted", "nosotros", "ellos", "ella", NULL};

/* Nouns after which a lower-case unknown word is the name of a piece of
 * software: "a biblioteca requests", "o pacote dotenv". */
static const char *const CODE_CUES[] = {
    "biblioteca", "bibliotecas", "pacote", "pacotes", "módulo", "módulos",
    "package", "library", NULL};

bool tl_is_en_function(const char *s, size_t n)
{
  return tl_in_list(EN_FUNCTION, s, n);
}

/* ---- word languages ---- */

/* A word's language, cached per distinct spelling for the linter's
 * lifetime. Whether en_US also knows a Portuguese word is asked only when
 * needed (tl_word_lang_resolve): en_US is slow on words it does not know.
 * Cache bits: 0-1 lang, 2 function word, 3 en_US knows it, 4 not asked,
 * 5 pt_BR knows its key (whatever the language it is given), 6 an English
 * term may begin with it, 7 tl_european_word, 8-15 the bound on its English
 * runs (tl_wordlang.en_first, with bit 6). */
static uint32_t classify_bits(tl_ctx *c, const tl_token *tok, const char *lw,
                              size_t ln)
{
  int pt, en;
  tl_buf low;
  bool function;
  uint32_t known, other; /* bits 5; 6 to 15 */
  unsigned run = (tok->flags & TL_TF_ASCII) && c->calques != NULL
                     ? tl_nearmiss_en_first(&c->calques->near,
                                            c->doc + tok->off, tok->len)
                     : 0;

  other = run > 0 ? 64u | (uint32_t)(run < 255 ? run : 255) << 8 : 0u;
  if (tl_european_word(c, lw, ln))
    other |= 128u;
  tl_buf_clear(&c->key);
  tl_token_key(c->doc, tok, &c->key);
  if (tok->flags & TL_TF_LOWER) { /* the key is its own lower case */
    function = tl_in_list(EN_FUNCTION, c->key.p, c->key.len);
    if (tl_in_list(NEUTRAL_WORDS, c->key.p, c->key.len))
      return TL_WORD_NEUTRAL | other;
  } else {
    tl_buf_init(&low);
    tl_utf8_lower(c->key.p, c->key.len, &low);
    function = tl_in_list(EN_FUNCTION, low.p, low.len);
    if (tl_in_list(NEUTRAL_WORDS, low.p, low.len)) {
      tl_buf_fini(&low);
      return TL_WORD_NEUTRAL | other;
    }
    tl_buf_fini(&low);
  }
  pt = tl_spell_check(c->spell, c->key.p, c->key.len, NULL);
  known = pt == 1 ? 32u : 0u;
  if (function && !(c->key.len == 3 && memcmp(c->key.p, "for", 3) == 0))
    pt = 0; /* "of", "the": English even when a glossary name has them
               ("bag of words"); "for" is Portuguese too */
  if (pt == 1) /* Portuguese; English too? asked later, if needed */
    return TL_WORD_PT | (function ? 4u : 0u) |
           (c->spell_en != NULL ? 16u : 0u) | 32u | other;
  en = c->spell_en != NULL
           ? tl_spell_check(c->spell_en, c->key.p, c->key.len, NULL)
           : 0;
  if (en == 1 || function)
    return TL_WORD_EN | (function ? 4u : 0u) | (en == 1 ? 8u : 0u) | known |
           other;
  return TL_WORD_NEUTRAL | known | other; /* unknown to both: a name or a
                                              typo */
}

static void apply_bits(tl_wordlang *w, uint32_t v)
{
  w->lang = (uint8_t)(v & 3);
  w->function = (v & 4) != 0;
  w->en_known = (v & 8) != 0;
  w->en_pending = (v & 16) != 0;
  w->pt_known = (v & 32) != 0;
  w->en_first = (v & 64) != 0 ? (uint8_t)(v >> 8) : 0;
  w->european = (v & 128) != 0;
}

void tl_wordtab_init(tl_wordtab *w)
{
  memset(w, 0, sizeof *w);
  tl_map_init(&w->map);
  tl_buf_init(&w->lows);
}

void tl_wordtab_fini(tl_wordtab *w)
{
  tl_map_fini(&w->map);
  tl_buf_fini(&w->lows);
  free(w->v);
  memset(w, 0, sizeof *w);
}

/* The entry of word @tok in c->wordclass, classified when new: its index. */
static uint32_t word_entry(tl_ctx *c, const tl_token *tok)
{
  tl_wordtab *wt = c->wordclass;
  tl_map_slot *slot = tl_map_find(&wt->map, c->doc + tok->off, tok->len);
  uint32_t v;
  size_t at = 0, nlow = 0;

  if (slot != NULL)
    return slot->value;
  if (tok->flags & TL_TF_LOWER) {
    v = classify_bits(c, tok, c->doc + tok->off, tok->len);
  } else { /* its lower case, kept: prose.c asks it often */
    at = wt->lows.len;
    tl_utf8_lower(c->doc + tok->off, tok->len, &wt->lows);
    tl_buf_addc(&wt->lows, '\0');
    nlow = wt->lows.len - at - 1;
    v = classify_bits(c, tok, wt->lows.p + at, nlow);
  }
  TL_GROW(wt->v, wt->cap, wt->n + 1);
  wt->v[wt->n] = (tl_wordinfo){v, 0, -1, 0, UINT32_MAX, 0, 0, (uint32_t)at,
                               (uint32_t)nlow, 0};
  tl_map_put(&wt->map, c->doc + tok->off, tok->len, (uint32_t)wt->n, NULL);
  return (uint32_t)wt->n++;
}

void tl_prose_entries(tl_ctx *c, const tl_tokens *t)
{
  if (c->wi_toks == t->v && c->nwi == t->n && t->n > 0)
    return; /* this block's, done already */
  TL_GROW(c->wi, c->capwi, t->n);
  for (size_t k = 0; k < t->n; k++) {
    const tl_token *tok = &t->v[k];
    c->wi[k] = tok->kind == TL_TOK_WORD && c->wordclass != NULL
                   ? word_entry(c, tok)
                   : UINT32_MAX;
  }
  c->nwi = t->n;
  c->wi_toks = t->v;
}

void tl_word_lang(tl_ctx *c, const tl_token *tok, tl_wordlang *w)
{
  if (tok->kind != TL_TOK_WORD) {
    apply_bits(w, TL_WORD_NEUTRAL);
    return;
  }
  if (c->wordclass != NULL) {
    apply_bits(w, c->wordclass->v[word_entry(c, tok)].cls);
  } else {
    tl_buf low;
    size_t ln;
    const char *lw;
    tl_buf_init(&low);
    lw = tl_token_lower(c->doc, tok, &low, &ln);
    apply_bits(w, classify_bits(c, tok, lw, ln));
    tl_buf_fini(&low);
  }
}

void tl_word_lang_resolve(tl_ctx *c, const tl_token *tok, tl_wordlang *w)
{
  uint32_t v;
  tl_map_slot *slot;
  tl_wordinfo *wi = NULL;
  uintptr_t k;

  if (!w->en_pending)
    return;
  tl_buf_clear(&c->key);
  tl_token_key(c->doc, tok, &c->key);
  w->en_pending = false;
  w->en_known = c->spell_en != NULL &&
                tl_spell_check(c->spell_en, c->key.p, c->key.len, NULL) == 1;
  if (w->en_known)
    w->lang = TL_WORD_NEUTRAL;
  v = (uint32_t)w->lang | (w->function ? 4u : 0u) | (w->en_known ? 8u : 0u) |
      (w->pt_known ? 32u : 0u) | (w->en_first ? 64u | (uint32_t)w->en_first << 8 : 0u) |
      (w->european ? 128u : 0u);
  if (c->wordclass == NULL)
    return;
  /* the block's own word (w is c->lang[k]): its entry is known */
  k = (uintptr_t)w - (uintptr_t)c->lang;
  if (c->lang != NULL && k % sizeof *w == 0 && k / sizeof *w < c->nwi &&
      c->wi[k / sizeof *w] != UINT32_MAX)
    wi = &c->wordclass->v[c->wi[k / sizeof *w]];
  else if ((slot = tl_map_find(&c->wordclass->map, c->doc + tok->off,
                               tok->len)) != NULL)
    wi = &c->wordclass->v[slot->value];
  if (wi != NULL)
    wi->cls = v;
}

int tl_prose_known_pt(tl_ctx *c)
{
  tl_map_slot *v = c->verdicts != NULL
                       ? tl_map_find(c->verdicts, c->key.p, c->key.len)
                       : NULL;
  int known;

  if (v != NULL)
    return v->value == 1;
  known = tl_spell_check(c->spell, c->key.p, c->key.len, c->err);
  if (known < 0) {
    c->st = (tl_status)known;
    return known;
  }
  if (c->verdicts != NULL)
    tl_map_put(c->verdicts, c->key.p, c->key.len, known ? 1 : 2, NULL);
  return known;
}

/* ---- the document's names ---- */

/* 1 not English, 2 an English name (Grant), 3 an English common word only
 * (Discussions). */
static uint8_t en_kind(tl_ctx *c, const char *key, size_t n)
{
  if (c->spell_en == NULL ||
      tl_spell_check(c->spell_en, key, n, NULL) != 1)
    return 1;
  return tl_proper_has(c->proper, key, n) ? 2 : 3;
}

static tl_docname *docname(tl_ctx *c, const char *key, size_t n)
{
  tl_map_slot *s = tl_map_find(&c->docnames, key, n);
  return s != NULL ? &c->names[s->value - 1] : NULL;
}

static bool docname_known(tl_ctx *c, tl_docname *d, const char *key,
                          size_t n)
{
  if (d->evidence & (TL_NAME_LABEL | TL_NAME_TITLE | TL_NAME_RUN |
                     TL_NAME_LINK))
    return true;
  if (d->midcap == 0)
    return false;
  if (d->en == 0)
    d->en = en_kind(c, key, n);
  /* a word English knows only in lower case needs two capitalised uses */
  return d->midcap >= 2 || d->en != 3;
}

/* A name other documents of the archive taught (house.h). */
static bool archive_name(const tl_ctx *c, const char *key, size_t n)
{
  const tl_house_word *w =
      tl_house_find(c->house, key, n, false, c->house_self);
  return w != NULL && w->kind == TL_HOUSE_NAME;
}

bool tl_prose_is_name(tl_ctx *c, const char *key, size_t n)
{
  tl_docname *d = docname(c, key, n);
  if (d != NULL && docname_known(c, d, key, n))
    return true;
  return c->house != NULL && archive_name(c, key, n);
}

/* Count an occurrence once, whatever evidence it gives. */
static void seen(tl_docname *d, const tl_token *tok)
{
  if (d->count > 0 && d->last == tok->off)
    return;
  d->last = tok->off;
  d->count++;
}

/* Record evidence that token @tok (key in @key) is a name. */
static void learn(tl_ctx *c, const tl_token *tok, const tl_buf *key,
                  unsigned evidence)
{
  bool created;
  tl_map_slot *s = tl_map_put(&c->docnames, key->p, key->len,
                              (uint32_t)c->nnames + 1, &created);
  tl_docname *d;

  if (created) {
    TL_GROW(c->names, c->capnames, c->nnames + 1);
    c->names[c->nnames++] = (tl_docname){tok->off, tok->len, 0, 0, 0, 0, 0};
  }
  d = &c->names[s->value - 1];
  d->evidence |= (uint8_t)evidence;
  if (evidence & TL_NAME_CAPITALISED)
    d->midcap += d->midcap < UINT16_MAX;
  seen(d, tok);
}

void tl_prose_finish(tl_ctx *c)
{
  tl_result *r = c->res;

  for (size_t i = 0; i < c->nnames; i++) {
    tl_docname *d = &c->names[i];
    tl_token tok = {d->off, d->len, TL_TOK_WORD, 0, 0};
    tl_buf_clear(&c->key);
    tl_token_key(c->doc, &tok, &c->key);
    if (!docname_known(c, d, c->key.p, c->key.len))
      continue;
    TL_GROW(r->names, r->capnames, r->nnames + 1);
    r->names[r->nnames++] = (tl_name){
        tl_arena_strndup(&r->arena, c->key.p, c->key.len), d->off, d->len,
        d->count, d->evidence};
  }
}

/* ---- one block ---- */

typedef struct blk {
  tl_ctx *c;
  const tl_unit *u;
  const tl_tokens *t;
  const tl_matches *m;
  tl_buf low, key;
  bool running; /* paragraph, block quote or list item */
  size_t end;   /* end of the block's last segment */
} blk;

static const tl_token *tk(const blk *b, size_t k)
{
  return &b->t->v[k];
}

/* The lower-cased text of token @k (borrowed until the next call). */
/* Token @k in lower case: as written, its entry's, or made in b->low. */
static const char *lower(blk *b, size_t k, size_t *n)
{
  const tl_wordinfo *w;

  if (!(tk(b, k)->flags & TL_TF_LOWER) &&
      (w = tl_ctx_word(b->c, b->t, k)) != NULL) {
    *n = w->nlow;
    return b->c->wordclass->lows.p + w->low;
  }
  return tl_token_lower(b->c->doc, tk(b, k), &b->low, n);
}

static bool tok_in(blk *b, size_t k, const char *const *list)
{
  size_t n;
  const char *s;
  unsigned char first = (unsigned char)b->c->doc[tk(b, k)->off];
  bool maybe = false;

  if (tk(b, k)->kind != TL_TOK_WORD)
    return false;
  if (first < 0x80) /* a cheap look at the first letter before lowering */
    first |= 0x20;
  for (size_t i = 0; list[i] != NULL && !maybe; i++)
    maybe = (unsigned char)list[i][0] == first || first >= 0x80;
  if (!maybe)
    return false;
  s = lower(b, k, &n);
  return tl_in_list(list, s, n);
}

static bool is_cap(const tl_token *tok)
{
  return tok->kind != TL_TOK_NUMBER &&
         (tok->flags & (TL_TF_CAP | TL_TF_ALLCAPS | TL_TF_INNERCAP)) != 0;
}

static bool ascii_alnum(char ch)
{
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
         (ch >= '0' && ch <= '9');
}

/* strchr(set, ch) != NULL without the call (the terminating NUL is in
 * every set, as for strchr): the gaps between tokens are short, and a call
 * a byte cost more than the test. */
static inline bool in_set(const char *set, char ch)
{
  while (*set != '\0' && *set != ch)
    set++;
  return *set == ch;
}

/* Whether doc[from..to) holds only characters of @set. */
static bool only(const char *doc, size_t from, size_t to, const char *set)
{
  for (size_t i = from; i < to; i++)
    if (!in_set(set, doc[i]))
      return false;
  return true;
}

/* The key of token @k into b->key; whether pt_BR knows it (a WORD token;
 * -1 on a dictionary failure). */
static int known_pt(blk *b, size_t k)
{
  tl_ctx *c = b->c;
  int known;

  tl_buf_clear(&c->key);
  tl_token_key(c->doc, tk(b, k), &c->key);
  known = tl_prose_known_pt(c);
  tl_buf_clear(&b->key);
  tl_buf_add(&b->key, c->key.p, c->key.len);
  tl_buf_cstr(&b->key);
  return known;
}

/* A word the dictionaries do not know, that may be a name. */
static bool unknown_word(blk *b, size_t k)
{
  const tl_token *tok = tk(b, k);
  return tok->kind == TL_TOK_WORD && tok->len >= 2 && known_pt(b, k) == 0;
}

/* Whether two neighbouring tokens are separated by white space only (one
 * line break at most), or by the period of an initial ("George W. Bush"). */
static bool run_gap(blk *b, size_t k)
{
  const tl_token *a = tk(b, k), *z = tk(b, k + 1);
  const char *doc = b->c->doc;
  size_t from = a->off + a->len;

  if (z->sent != a->sent && !(a->len == 1 && doc[from] == '.'))
    return false;
  if (a->len == 1 && from < z->off && doc[from] == '.')
    from++;
  return from < z->off && only(doc, from, z->off, " \t\r\n");
}

/* Whether token @k opens a sentence or a clause in which a capital is the
 * rule: after ':', an opening quote, parenthesis or bracket, a dash. */
static bool clause_start(blk *b, size_t k)
{
  const tl_token *tok = tk(b, k);
  const char *doc = b->c->doc;
  size_t i = tok->off;

  if (tok->flags & TL_TF_SENT_START)
    return true;
  while (i > 0) {
    size_t st;
    int32_t cp = tl_utf8_decode_prev(doc, i, &st);
    if (cp == ' ' || cp == '\t' || cp == '*' || cp == '_')
      i = st;
    else
      return cp == ':' || cp == '(' || cp == '[' || cp == '"' ||
             cp == 0x201C || cp == 0xAB || cp == 0x2018 || cp == 0x2014 ||
             cp == 0x2013 || cp == '\n' || cp == '|';
  }
  return true;
}

/* Identifiers and directive names: "begin_tab", "data_iter", a function
 * called with no arguments outside code spans ("a função tokenizer()"), and
 * the broken d2l roles "em: numref: `fig`", "de:numref:`sec`". */
static void mark_code(blk *b)
{
  const char *doc = b->c->doc;
  size_t len = b->c->len;

  for (size_t k = 0; k < b->t->n; k++) {
    const tl_token *tok = tk(b, k);
    size_t e = tok->off + tok->len, p = e, q = tok->off;
    bool code = false;
    if (e + 1 < len && doc[e] == '_' && ascii_alnum(doc[e + 1]))
      code = true;
    else if (e + 1 < len && doc[e] == '(' && doc[e + 1] == ')')
      code = true;
    else if (tok->off >= 2 && doc[tok->off - 1] == '_' &&
             ascii_alnum(doc[tok->off - 2]))
      code = true;
    else if (p < len && doc[p] == ':') {
      p++;
      while (p < len && doc[p] == ' ')
        p++;
      while (q > 0 && doc[q - 1] == ' ')
        q--;
      code = p < len && doc[p] == '`' && q > 0 && doc[q - 1] == ':';
    }
    if (code)
      b->c->role[k] |= TL_ROLE_CODE;
  }
}

/* ---- quotations ---- */

static bool is_space_cp(int32_t cp)
{
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
}

/* Whether the quotation of tokens [a, e] is an example of language: after
 * a cue word (o sufixo "-mente"), a fragment ("-mente", "pré-"), one of a
 * list of quoted items (["Trans", "form", "er"]). */
static bool quote_is_mention(blk *b, size_t a, size_t e, size_t open,
                             size_t close)
{
  const char *doc = b->c->doc;
  size_t p;

  /* a cue up to two words before, skipping articles and "em inglês" */
  for (size_t j = a, back = 0; j > 0 && back < 3; back++) {
    size_t n;
    const char *s;
    j--;
    if (tk(b, j)->sent != tk(b, a)->sent && !(tk(b, a)->flags &
                                               TL_TF_SENT_START))
      break;
    s = lower(b, j, &n);
    if (tl_in_list(MENTION_CUES, s, n))
      return true;
    if (!tl_in_list(PT_FUNCTION, s, n) && !(n == 6 && memcmp(s, "inglês", 6) ==
                                          0) &&
        !(n == 7 && memcmp(s, "inglesa", 7) == 0))
      break;
  }
  /* a fragment: a hyphen at either end */
  if (tk(b, a)->off > open && doc[tk(b, a)->off - 1] == '-')
    return true;
  p = tk(b, e)->off + tk(b, e)->len;
  if (p < close && doc[p] == '-')
    return true;
  /* a list of quoted items: '[' or a quote and ", " before, or ", " and a
   * quote after */
  {
    size_t i = open;
    while (i > 0 && doc[i - 1] == ' ')
      i--;
    if (i > 0 && doc[i - 1] == '[')
      return true;
    if (i > 1 && doc[i - 1] == ',' &&
        (doc[i - 2] == '"' || (unsigned char)doc[i - 2] == 0x9D))
      return true; /* after '"' or the last byte of '”' */
    i = close;
    while (i < b->c->len && ((unsigned char)doc[i] & 0xC0) == 0x80)
      i++; /* past the closing quote's bytes */
    if (i + 1 < b->c->len && (doc[i] == ']' || (doc[i] == ',' &&
                                                 doc[i + 1] == ' ')))
      return i + 2 < b->c->len &&
             (doc[i] == ']' || doc[i + 2] == '"' ||
              (unsigned char)doc[i + 2] == 0xE2);
  }
  (void)e;
  return false;
}

static void classify_quote(blk *b, size_t a, size_t e, size_t open,
                           size_t close)
{
  tl_ctx *c = b->c;
  size_t words = 0, unknown = 0, content = 0, capital = 0, foreign = 0;
  bool spanish = false;
  unsigned add = TL_ROLE_QUOTED;

  for (size_t k = a; k <= e; k++) {
    const tl_token *tok = tk(b, k);
    size_t n;
    const char *s;
    if (tok->kind != TL_TOK_WORD)
      continue;
    words++;
    s = lower(b, k, &n);
    spanish |= tl_in_list(ES_FUNCTION, s, n);
    if (!tl_in_list(EN_FUNCTION, s, n) && !tl_in_list(PT_FUNCTION, s, n) &&
        !tl_in_list(CONNECTORS, s, n)) {
      content++;
      capital += is_cap(tok);
    }
    if (known_pt(b, k) == 0) {
      unknown++;
      foreign += !is_cap(tok) || c->lang[k].lang == TL_WORD_EN;
    } else if (c->lang[k].lang == TL_WORD_EN) {
      foreign++;
    }
  }
  if (quote_is_mention(b, a, e, open, close))
    add |= TL_ROLE_MENTION;
  if ((unknown >= 2 && 2 * unknown >= words) || (spanish && unknown >= 1))
    add |= TL_ROLE_FOREIGN; /* another language: not spell-checked */
  if (content >= 1 && capital == content && foreign >= 1)
    add |= TL_ROLE_TITLE; /* "The Star-Spangled Banner": a title */
  for (size_t k = a; k <= e; k++)
    c->role[k] |= (uint16_t)add;
}

/* Find the quotations of the block. A quote mark opens after white space,
 * an opening bracket or the block's start, else it closes; “ ” « » ‘ ’ and
 * straight double quotes alike (so "a“ … “b" pairs as well). */
static void mark_quotes(blk *b)
{
  const tl_unit *u = b->u;
  const char *doc = b->c->doc;
  size_t k = 0, first = 0, open = 0;
  bool inside = false;
  int32_t prev = ' ';

  for (size_t s = 0; s < u->n; s++) {
    size_t i = u->segs[s].off, end = i + u->segs[s].len;
    if (u->segs[s].flags & TL_SEG_AFTER_GAP)
      prev = ' ';
    while (i < end) {
      size_t adv;
      int32_t cp;
      if (k < b->t->n && tk(b, k)->off == i) {
        i += tk(b, k)->len;
        k++;
        prev = 'a';
        continue;
      }
      cp = tl_utf8_decode(doc + i, end - i, &adv);
      if (cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0xAB ||
          cp == 0xBB || cp == 0x2018 || cp == 0x2019) {
        bool opens = cp == 0xAB ||
                     (cp != 0xBB && cp != 0x201D && cp != 0x2019 &&
                      (is_space_cp(prev) || prev == '(' || prev == '[' ||
                       prev == '{' || prev == 0x2014 || prev == '/'));
        if (!inside && opens) {
          inside = true;
          first = k;
          open = i;
        } else if (inside && k == first && i == open + 1 && cp == '"') {
          ; /* a doubled opening quote: ""El Sol" */
        } else if (inside && !opens) {
          inside = false;
          if (k > first)
            classify_quote(b, first, k - 1, open, i);
        }
      }
      prev = cp;
      i += adv;
    }
  }
}

/* ---- names ---- */

/* Speaker labels at the start of a line of the block: "Sam Altman:",
 * "**Lex Fridman:**", "KAREN HAO:". */
static void mark_labels(blk *b)
{
  tl_ctx *c = b->c;
  const char *doc = c->doc;

  if (!b->running)
    return;
  for (size_t k = 0; k < b->t->n; k++) {
    size_t j, p, nl;
    bool line_start = k == 0, plausible = false;
    if (k > 0) {
      size_t from = tk(b, k - 1)->off + tk(b, k - 1)->len, to = tk(b, k)->off;
      const char *q = NULL;
      for (size_t i = from; i < to; i++)
        if (doc[i] == '\n')
          q = doc + i;
      line_start = q != NULL && only(doc, (size_t)(q - doc) + 1, to,
                                     " \t*_>");
    }
    if (!line_start || !is_cap(tk(b, k)))
      continue;
    for (j = k, nl = 0;; j++) {
      p = tk(b, j)->off + tk(b, j)->len;
      while (p < c->len && (doc[p] == '*' || doc[p] == '_' || doc[p] == ' '))
        p++;
      if (p < c->len && doc[p] == ':' && (p + 1 >= c->len ||
                                          doc[p + 1] != '/'))
        break;
      if (++nl >= 5 || j + 1 >= b->t->n || !run_gap(b, j) ||
          !is_cap(tk(b, j + 1)))
        goto next;
    }
    for (size_t i = k; i <= j; i++) {
      if (!unknown_word(b, i))
        continue;
      /* a single word English knows only in lower case is a label such as
       * "Summary:" or "Note:", not a speaker */
      if (j > k || en_kind(c, b->key.p, b->key.len) != 3)
        plausible = true;
    }
    if (!plausible)
      continue;
    for (size_t i = k; i <= j; i++) {
      size_t n;
      const char *s = lower(b, i, &n);
      c->role[i] |= TL_ROLE_LABEL | TL_ROLE_NAME;
      if (!tl_in_list(EN_FUNCTION, s, n) && unknown_word(b, i))
        learn(c, tk(b, i), &b->key, TL_NAME_LABEL);
    }
    k = j;
  next:;
  }
}

/* A name certain by itself: no dictionary knows it, or English knows it as
 * a name, or the document has taught it. */
static bool certain_name(blk *b, size_t k)
{
  uint8_t kind;

  if (!unknown_word(b, k))
    return false;
  if (tl_prose_is_name(b->c, b->key.p, b->key.len))
    return true;
  kind = en_kind(b->c, b->key.p, b->key.len);
  return kind != 3;
}

/* Runs of capitalised words inside running prose ("The Guardian", "Y
 * Combinator", "Empire of AI", "Sam Altman") and names after a title
 * ("a jornalista Karen Hao"). */
static void mark_runs(blk *b)
{
  tl_ctx *c = b->c;
  size_t n = b->t->n;

  if (!b->running)
    return;
  for (size_t k = 0; k < n;) {
    size_t start = k, last = k, j = k, caps = 0;
    bool cue, foreign = false, certain = false;
    if (!is_cap(tk(b, k)) || (tk(b, k)->flags & (TL_TF_LINK | TL_TF_ALT))) {
      k++;
      continue;
    }
    while (j + 1 < n && run_gap(b, j)) {
      if (is_cap(tk(b, j + 1))) {
        last = ++j;
      } else if (j + 2 < n && tl_ctx_in_list(b->c, b->t, j + 1, TL_WL_CONNECTOR, CONNECTORS, true) &&
                 run_gap(b, j + 1) && is_cap(tk(b, j + 2))) {
        /* an English connector makes the run English, whatever its
         * capitalised words are ("Imagine with Claude", "Sing for Me") */
        foreign |= tok_in(b, j + 1, EN_FUNCTION) &&
                   !tok_in(b, j + 1, PT_FUNCTION);
        j += 2;
        last = j;
      } else {
        break;
      }
    }
    k = last + 1;
    /* a sentence's first word is capitalised anyway: "A OpenAI Playground",
     * "Segundo The Guardian" */
    if (clause_start(b, start) && start < last &&
        tk(b, start)->kind == TL_TOK_WORD && known_pt(b, start) == 1) {
      start++;
      while (start < last && !is_cap(tk(b, start)))
        start++;
    }
    cue = start > 0 && tk(b, start - 1)->sent == tk(b, start)->sent &&
          tl_ctx_in_list(b->c, b->t, start - 1, TL_WL_TITLE_CUE, TITLE_CUES,
                          true);
    for (size_t i = start; i <= last; i++) {
      if (!is_cap(tk(b, i)))
        continue;
      caps++;
      if (tk(b, i)->kind != TL_TOK_WORD || unknown_word(b, i))
        foreign = true;
      if (!certain && certain_name(b, i))
        certain = true;
    }
    if ((caps < 2 && !cue) || !foreign)
      continue;
    for (size_t i = start; i <= last; i++) {
      size_t ln;
      const char *s;
      c->role[i] |= TL_ROLE_TITLE;
      if (!is_cap(tk(b, i)) || !unknown_word(b, i))
        continue;
      s = lower(b, i, &ln);
      if (tl_in_list(EN_FUNCTION, s, ln))
        continue;
      if (cue || certain || en_kind(c, b->key.p, b->key.len) != 3)
        learn(c, tk(b, i), &b->key, cue ? TL_NAME_TITLE : TL_NAME_RUN);
    }
  }
}

/* Link text that spells the address it links to, its site or a segment of
 * its path: "[Flying bisons](https://flyingbisons.com)", "[Hugging Face]
 * (https://huggingface.co)", "[datasets](https://huggingface.co/docs/
 * datasets)". */
static void mark_links(blk *b)
{
  tl_ctx *c = b->c;
  const char *doc = c->doc;
  size_t n = b->t->n;

  for (size_t k = 0; k < n;) {
    size_t first = k, j = k, p, h;
    tl_buf text, host;
    if (!(tk(b, k)->flags & TL_TF_LINK)) {
      k++;
      continue;
    }
    while (j + 1 < n && (tk(b, j + 1)->flags & TL_TF_LINK) &&
           memchr(doc + tk(b, j)->off, ']',
                  tk(b, j + 1)->off - tk(b, j)->off) == NULL)
      j++;
    k = j + 1;
    /* "](scheme://host" right after the text */
    p = tk(b, j)->off + tk(b, j)->len;
    while (p < c->len && p < tk(b, j)->off + tk(b, j)->len + 4 &&
           doc[p] != ']')
      p++;
    if (p + 1 >= c->len || doc[p] != ']' || doc[p + 1] != '(')
      continue;
    for (h = p + 2; h + 2 < c->len && doc[h] != ')' && doc[h] != ' '; h++)
      if (doc[h] == ':' && doc[h + 1] == '/' && doc[h + 2] == '/')
        break;
    if (h + 2 >= c->len || doc[h] != ':')
      continue;
    h += 3;
    if (h + 4 < c->len && memcmp(doc + h, "www.", 4) == 0)
      h += 4;
    tl_buf_init(&text);
    tl_buf_init(&host);
    for (size_t i = tk(b, first)->off; i < p; i++)
      if (ascii_alnum(doc[i]))
        tl_buf_addc(&text, (char)(doc[i] | 0x20));
    /* the host's first label, then each segment of the path */
    for (size_t i = h, seg = 0; text.len >= 4 && i <= c->len; i++) {
      char ch = i < c->len ? doc[i] : ')';
      bool end = strchr(")?# \n", ch) != NULL;
      if (end || ch == '/' || ch == ':' || (ch == '.' && seg != 1)) {
        if (seg != 1 && host.len == text.len &&
            memcmp(text.p, host.p, text.len) == 0) {
          for (size_t q = first; q <= j; q++) {
            c->role[q] |= TL_ROLE_NAME | TL_ROLE_LINKNAME;
            if (is_cap(tk(b, q)) && unknown_word(b, q))
              learn(c, tk(b, q), &b->key, TL_NAME_LINK);
          }
          break;
        }
        tl_buf_clear(&host);
        if (end)
          break;
        seg = ch == '.' && seg == 0 ? 1 : ch == '/' ? 2 : seg;
        continue;
      }
      if (seg != 1 && ascii_alnum(ch))
        tl_buf_addc(&host, (char)(ch | 0x20));
    }
    tl_buf_fini(&text);
    tl_buf_fini(&host);
  }
}

/* A long capitalised word one edit from a known word is a typo of it
 * (Computatcional, Trainamento) rather than a name. */
static bool looks_like_typo(tl_ctx *c, const tl_token *tok, const tl_buf *key)
{
  size_t cps = 0;

  for (size_t i = 0; i < tok->len; i++)
    cps += ((unsigned char)c->doc[tok->off + i] & 0xC0) != 0x80;
  return cps >= 8 && !(tok->flags & TL_TF_ALLCAPS) &&
         tl_spell_near_word(c->spell, key->p, key->len);
}

/* Capitalised inside a sentence: evidence of a name. In headings, table
 * cells, link and alt text, title case is the norm: there only words
 * English does not know as common words count. */
static void learn_capitalised(blk *b)
{
  tl_ctx *c = b->c;
  bool prose = b->running;

  for (size_t k = 0; k < b->t->n; k++) {
    const tl_token *tok = tk(b, k);
    size_t n;
    const char *s;
    if (tok->kind != TL_TOK_WORD || !is_cap(tok) || clause_start(b, k) ||
        (c->role[k] & (TL_ROLE_CODE | TL_ROLE_MENTION)))
      continue;
    s = lower(b, k, &n);
    if (tl_in_list(EN_FUNCTION, s, n) || !unknown_word(b, k))
      continue;
    if ((!prose || (tok->flags & (TL_TF_LINK | TL_TF_ALT))) &&
        en_kind(c, b->key.p, b->key.len) == 3)
      continue;
    if (looks_like_typo(c, tok, &b->key))
      continue; /* Computatcional: a typo, not a name */
    learn(c, tok, &b->key, TL_NAME_CAPITALISED);
  }
}

/* A lower-case ASCII word that is English or unknown right after
 * "biblioteca", "pacote" ... ("a biblioteca requests"), that "esta
 * biblioteca" takes up after a comma ("**openai**, esta biblioteca ..."),
 * or that labels a list item: the name of a piece of software, and so is
 * the same word written alike later in the document. */
static void mark_code_names(blk *b)
{
  static const char *const DEMONSTRATIVES[] = {"esta", "essa", "uma", "a",
                                               "o", "um", "este", "esse",
                                               NULL};
  const char *doc = b->c->doc;
  size_t n = b->t->n;

  for (size_t k = 0; k < n; k++) {
    const tl_token *tok = tk(b, k);
    bool cue = false;
    /* a word pt_BR knows is no name of software: a cue would be undone
     * below, so the cue tests are spared it */
    bool may_cue = b->c->lang[k].lang != TL_WORD_PT;
    tl_wordinfo *w;
    if (is_cap(tok) || !(tok->flags & TL_TF_ASCII) ||
        tok->kind != TL_TOK_WORD)
      continue;
    /* the cheap tests first: a cue word around, a comma, a list label */
    if (may_cue && k > 0 && tok->sent == tk(b, k - 1)->sent &&
        run_gap(b, k - 1) &&
        tl_ctx_in_list(b->c, b->t, k - 1, TL_WL_CODE_CUE, CODE_CUES,
                       true))
      cue = true;
    if (may_cue && !cue && k + 2 < n && tk(b, k + 2)->sent == tok->sent &&
        only(doc, tok->off + tok->len, tk(b, k + 1)->off, "*_`, ") &&
        memchr(doc + tok->off + tok->len, ',',
               tk(b, k + 1)->off - tok->off - tok->len) != NULL &&
        tok_in(b, k + 1, DEMONSTRATIVES) &&
        tl_ctx_in_list(b->c, b->t, k + 2, TL_WL_CODE_CUE, CODE_CUES, true))
      cue = true;
    if (cue && !(b->c->lang[k].lang == TL_WORD_EN ||
                 b->c->lang[k].lang == TL_WORD_NEUTRAL ||
                 unknown_word(b, k)))
      cue = false;
    /* the label of a list item, "- **python-dotenv**, ...": a lower-case
     * ASCII word no dictionary knows and no typo of a known word names a
     * thing (a package, a command) */
    if (!cue && k == 0 && b->u->kind == TL_BLK_LIST_ITEM &&
        (tok->flags & TL_TF_EMPH) && unknown_word(b, k) &&
        !tl_spell_near_word(b->c->spell, b->key.p, b->key.len)) {
      size_t p = tok->off + tok->len;
      while (p < b->c->len && (doc[p] == '*' || doc[p] == '_' || doc[p] == '`'))
        p++;
      cue = p < b->c->len && (doc[p] == ',' || doc[p] == ':');
    }
    /* once introduced, the name is the software's everywhere after:
     * "Instalar openai", "usando openai" */
    w = b->c->wdoc != 0 ? tl_ctx_word(b->c, b->t, k) : NULL;
    if (cue) {
      tl_map_put(&b->c->codenames, doc + tok->off, tok->len, 1, NULL);
      if (w != NULL)
        w->codedoc = b->c->wdoc;
    } else if (b->c->codenames.count > 0) {
      /* the word's entry knows whether this document introduced it */
      cue = w != NULL ? w->codedoc == b->c->wdoc
                      : tl_map_find(&b->c->codenames, doc + tok->off,
                                    tok->len) != NULL;
    }
    if (cue)
      b->c->role[k] |= TL_ROLE_CODENAME;
  }
}

/* A term introduced by name: "chamado de *backpropagation*", "conhecido
 * como attention", "do inglês *prompt*". */
static void mark_named_terms(blk *b)
{
  tl_ctx *c = b->c;
  size_t n = b->t->n;

  for (size_t k = 0; k + 1 < n; k++) {
    size_t ln, s;
    const char *w;
    char first = b->c->doc[tk(b, k)->off] | 0x20;
    if (first != 'c' && first != 'd' && first != 'i')
      continue; /* chamado, conhecido, denominado, inglês */
    w = lower(b, k, &ln);
    bool two = (ln >= 7 && strncmp(w, "chamad", 6) == 0 && ln <= 8) ||
               (ln >= 9 && strncmp(w, "conhecid", 8) == 0 && ln <= 10);
    bool one = (ln >= 10 && strncmp(w, "denominad", 9) == 0) ||
               (ln == 6 && memcmp(w, "inglês", 6) == 0 && k > 0);
    if (two) {
      const char *nx = lower(b, k + 1, &ln);
      if (!((ln == 2 && memcmp(nx, "de", 2) == 0) ||
            (ln == 4 && memcmp(nx, "como", 4) == 0)))
        continue;
      s = k + 2;
    } else if (one) {
      s = k + 1;
    } else {
      continue;
    }
    if (s >= n || tk(b, s)->sent != tk(b, k)->sent)
      continue;
    if (tk(b, s)->flags & TL_TF_EMPH) {
      /* italic terms, and more joined by "ou"/"e": "*a* ou *b*" */
      for (size_t i = s; i < n && tk(b, i)->sent == tk(b, k)->sent;) {
        if (tk(b, i)->flags & TL_TF_EMPH) {
          c->role[i++] |= TL_ROLE_MENTION;
          continue;
        }
        if (i + 1 < n && (tk(b, i + 1)->flags & TL_TF_EMPH) &&
            (tok_in(b, i, (const char *const[]){"ou", "e", NULL}))) {
          i++;
          continue;
        }
        break;
      }
    } else {
      for (size_t i = s; i < n && i < s + 4 &&
                         tk(b, i)->sent == tk(b, k)->sent &&
                         c->lang[i].lang == TL_WORD_EN;
           i++)
        c->role[i] |= TL_ROLE_MENTION;
    }
  }
}

/* ---- glosses ---- */

static void add_gloss(tl_ctx *c, size_t toff, size_t tend, size_t goff,
                      size_t gend, bool english)
{
  tl_result *r = c->res;
  tl_buf a;

  TL_GROW(r->glosses, r->capglosses, r->nglosses + 1);
  tl_buf_init(&a);
  tl_utf8_nfc(c->doc + toff, tend - toff, &a);
  r->glosses[r->nglosses].term = tl_arena_strndup(&r->arena, a.p, a.len);
  tl_buf_clear(&a);
  tl_utf8_nfc(c->doc + goff, gend - goff, &a);
  r->glosses[r->nglosses].gloss = tl_arena_strndup(&r->arena, a.p, a.len);
  tl_buf_fini(&a);
  r->glosses[r->nglosses].term_offset = toff;
  r->glosses[r->nglosses].term_length = tend - toff;
  r->glosses[r->nglosses].gloss_offset = goff;
  r->glosses[r->nglosses].gloss_length = gend - goff;
  r->glosses[r->nglosses].english_gloss = english;
  r->nglosses++;
}

/* Whether a closing quotation mark starts at doc[i] (before @end); *last
 * gets the index of its last byte. */
static bool quote_end(const char *doc, size_t i, size_t end, size_t *last)
{
  size_t adv;
  int32_t cp = tl_utf8_decode(doc + i, end - i, &adv);

  if (cp != '"' && cp != 0x201D && cp != 0x2019 && cp != 0xBB &&
      cp != 0x201C)
    return false;
  *last = i + adv - 1;
  return true;
}

/* The index of the glossary match that ends at token @t, or -1. Matches
 * come in document order and do not overlap. */
static long match_ending_at(const tl_matches *m, size_t t)
{
  size_t lo = 0, hi = m != NULL ? m->n : 0;

  while (lo < hi) { /* the first match starting after t */
    size_t mid = lo + (hi - lo) / 2;
    if (m->v[mid].tok_first <= t)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo > 0 && m->v[lo - 1].tok_last == t ? (long)lo - 1 : -1;
}

/* The first token of the term that ends at token @k and that a gloss of
 * @nwords words explains: the glossary match ending there, else the words
 * before it, joined by "de", "por", "para" ... at most @nwords + 1. */
/* A preposition that joins the words of a term ("suavização de rótulos",
 * "forçamento pelo professor"). */
static bool is_joint(const char *w, size_t n)
{
  static const char *const JOINTS[] = {"de",   "do",   "da",    "dos",
                                       "das",  "por",  "pelo",  "pela",
                                       "pelos", "pelas", NULL};
  return tl_in_list(JOINTS, w, n);
}

static size_t term_start(blk *b, size_t k, size_t nwords)
{
  size_t s = k, words = 1;
  long i = match_ending_at(b->m, k);

  if (i >= 0) {
    /* the glossary match, and the words before it when the gloss has more
     * ("suavização de rótulos (label smoothing)": "rótulos" is a term) */
    s = b->m->v[i].tok_first;
    words = 0;
    for (size_t j = s; j <= k; j++) {
      size_t n;
      const char *w = lower(b, j, &n);
      words += !is_joint(w, n);
    }
    if (words >= nwords)
      return s;
  }
  while (s > 0 && words <= nwords && tk(b, s - 1)->sent == tk(b, k)->sent &&
         only(b->c->doc, tk(b, s - 1)->off + tk(b, s - 1)->len, tk(b, s)->off,
              " \t\r\n")) {
    size_t n;
    const char *w = lower(b, s - 1, &n);
    bool joint = is_joint(w, n);
    if (joint) {
      if (s < 2 || tok_in(b, s - 2, PT_FUNCTION))
        break;
      s -= 2;
      words++;
      continue;
    }
    if (tl_in_list(PT_FUNCTION, w, n) || b->c->lang[s - 1].lang == TL_WORD_EN ||
        tk(b, s - 1)->kind == TL_TOK_NUMBER)
      break;
    s--;
    words++;
  }
  return s;
}

/* Whether a glossary match ends at token @t and the next one, of the same
 * concept and not its preferred form, covers tokens [a, e]. */
static bool same_concept(const blk *b, size_t t, size_t a, size_t e)
{
  long i = match_ending_at(b->m, t);
  const tl_match *x, *y;

  if (i < 0 || (size_t)i + 1 >= b->m->n)
    return false;
  x = &b->m->v[i];
  y = &b->m->v[i + 1];
  return y->tok_first == a && y->tok_last == e && y->concept == x->concept &&
         b->c->gloss->f[y->form].kind != TL_FORM_PREFERRED;
}

/* The last token of an alternative name after ", ou" that starts at
 * token @g: at most 4 words, ended by a comma, a semicolon, a colon, a
 * closing parenthesis or the sentence's end ("deep learning, ou aprendizado
 * profundo, ainda em 2016"). Returns false when there is no such end. */
static bool or_gloss_end(blk *b, size_t g, size_t *last)
{
  const char *doc = b->c->doc;
  size_t n = b->t->n;

  for (size_t e = g; e < n && e < g + 4; e++) {
    size_t q = tk(b, e)->off + tk(b, e)->len;
    size_t lim = e + 1 < n ? tk(b, e + 1)->off : b->end;
    if (e + 1 >= n || tk(b, e + 1)->sent != tk(b, g)->sent) {
      *last = e;
      return true;
    }
    for (size_t i = q; i < lim; i++) {
      if (in_set(",;:)", doc[i])) {
        *last = e;
        return true;
      }
      if (!in_set(" \t\r\n*_", doc[i]))
        return false;
    }
  }
  return false;
}

/* "retropropagação (backpropagation)", "aprendizado por reforço (RL,
 * reinforcement learning)", "GPT (Generative Pre-trained Transformer)";
 * and the other way, "*backpropagation* (propagação reversa)"; the same
 * after ", ou": "deep learning, ou aprendizado profundo, ..." */
static void mark_glosses(blk *b)
{
  tl_ctx *c = b->c;
  const char *doc = c->doc;
  size_t n = b->t->n;

  for (size_t k = 1; k < n; k++) {
    const tl_token *prev = tk(b, k - 1), *tok = tk(b, k);
    size_t from = prev->off + prev->len, e, close = 0, en = 0, pt = 0;
    size_t words = 0, nl, g = k, commas = 0;
    const char *pw;
    bool paren = false;
    tl_wordlang *tl;
    size_t at;
    /* Only a gap with a '(' (the gloss in parentheses) or a ',' (", ou"
     * and the other name) can open a gloss; without either, the walk below
     * ends with no parenthesis and no comma, and the token is passed by.
     * Most gaps are one space: this look costs a byte test or two. */
    for (at = from; at < tok->off && doc[at] != '(' && doc[at] != ','; at++)
      ;
    if (at == tok->off)
      continue;
    for (size_t i = from; i < tok->off; i++) {
      if (doc[i] == '(' && !paren)
        paren = true;
      else if (doc[i] == ',' && !paren)
        commas++;
      else if (!paren && quote_end(doc, i, tok->off, &i))
        ; /* the term in quotation marks: "machine learning" (...) */
      else if (!in_set(" \t\r\n*_", doc[i]))
        goto next;
    }
    if (prev->sent != tok->sent)
      continue;
    if (!paren) {
      const char *w = lower(b, k, &nl);
      /* ", ou" and the other name */
      if (commas != 1 || nl != 2 || memcmp(w, "ou", 2) != 0 || k + 1 >= n ||
          tk(b, k + 1)->sent != tok->sent ||
          !only(doc, tok->off + tok->len, tk(b, k + 1)->off, " \t\r\n*_") ||
          !or_gloss_end(b, k + 1, &e))
        continue;
      g = k + 1;
    } else {
      if (commas > 0)
        continue;
      /* the words up to the closing parenthesis, at most 8 */
      for (e = k; e < n && e < k + 8; e++) {
        size_t q = tk(b, e)->off + tk(b, e)->len;
        size_t lim = e + 1 < n ? tk(b, e + 1)->off : b->end;
        for (size_t i = q; i < lim; i++)
          if (doc[i] == ')') {
            close = i;
            break;
          } else if (doc[i] == '(') {
            goto next;
          }
        if (close)
          break;
      }
      if (!close)
        continue;
    }
    for (size_t i = g; i <= e; i++) {
      tl_word_lang_resolve(c, tk(b, i), &c->lang[i]);
      if (tk(b, i)->kind != TL_TOK_WORD)
        continue;
      words++;
      if (tk(b, i)->flags & TL_TF_ALLCAPS)
        continue; /* an acronym: "(RL, reinforcement learning)" */
      en += c->lang[i].lang == TL_WORD_EN || c->lang[i].en_known;
      pt += c->lang[i].lang == TL_WORD_PT;
    }
    tl = &c->lang[k - 1];
    tl_word_lang_resolve(c, prev, tl);
    pw = lower(b, k - 1, &nl);
    if (tl_in_list(PT_FUNCTION, pw, nl) || words == 0)
      continue;
    if (tl->lang != TL_WORD_EN && !tl->en_known &&
        same_concept(b, k - 1, g, e)) {
      /* the glossary's other form after its Portuguese one:
       * "retropropagação (backpropagation)" */
      en = 1;
      pt = 0;
    }
    if (en >= 1 && pt == 0 &&
        (tl->lang != TL_WORD_EN || (prev->flags & TL_TF_ALLCAPS))) {
      size_t s = term_start(b, k - 1, words);
      for (size_t i = g; i <= e; i++)
        c->role[i] |= TL_ROLE_GLOSS;
      for (size_t i = s; i < k; i++)
        c->role[i] |= TL_ROLE_GLOSSED;
      add_gloss(c, tk(b, s)->off, prev->off + prev->len, tk(b, g)->off,
                tk(b, e)->off + tk(b, e)->len, true);
    } else if (pt >= 1 && en == 0 &&
               (tl->lang == TL_WORD_EN || tl->en_known ||
                (prev->flags & TL_TF_EMPH))) {
      size_t s = k - 1;
      while (s > 0 && c->lang[s - 1].lang == TL_WORD_EN &&
             tk(b, s - 1)->sent == prev->sent && k - s < 4 &&
             run_gap(b, s - 1))
        s--;
      for (size_t i = g; i <= e; i++)
        c->role[i] |= TL_ROLE_GLOSS;
      for (size_t i = s; i < k; i++)
        c->role[i] |= TL_ROLE_GLOSSED | TL_ROLE_EXPLAINED;
      add_gloss(c, tk(b, s)->off, prev->off + prev->len, tk(b, g)->off,
                tk(b, e)->off + tk(b, e)->len, false);
    }
  next:;
  }
}

void tl_prose_block(tl_ctx *c, const tl_unit *u, const tl_tokens *t,
                    const tl_matches *m)
{
  blk b;

  if (t->n == 0)
    return;
  if (t->n > c->caprole) {
    size_t cap = c->caprole, cap2 = c->caprole;
    TL_GROW(c->role, cap, t->n);
    TL_GROW(c->lang, cap2, t->n);
    c->caprole = cap < cap2 ? cap : cap2;
  }
  memset(c->role, 0, t->n * sizeof *c->role);
  tl_prose_entries(c, t);
  for (size_t k = 0; k < t->n; k++) {
    if (c->wi[k] != UINT32_MAX)
      apply_bits(&c->lang[k], c->wordclass->v[c->wi[k]].cls);
    else
      tl_word_lang(c, &t->v[k], &c->lang[k]);
  }
  memset(&b, 0, sizeof b);
  b.c = c;
  b.u = u;
  b.t = t;
  b.m = m;
  b.running = u->kind == TL_BLK_PARA || u->kind == TL_BLK_QUOTE_PARA ||
              u->kind == TL_BLK_LIST_ITEM;
  b.end = u->n > 0 ? u->segs[u->n - 1].off + u->segs[u->n - 1].len : 0;
  tl_buf_init(&b.low);
  tl_buf_init(&b.key);
  mark_code(&b);
  mark_quotes(&b);
  mark_labels(&b);
  mark_runs(&b);
  mark_links(&b);
  learn_capitalised(&b);
  mark_code_names(&b);
  mark_named_terms(&b);
  mark_glosses(&b);
  /* names the document has taught, here too */
  for (size_t k = 0; k < t->n && c->st == TL_OK; k++) {
    if (!is_cap(&t->v[k]) || t->v[k].kind != TL_TOK_WORD ||
        (c->role[k] & TL_ROLE_NAME))
      continue;
    tl_buf_clear(&c->key);
    tl_token_key(c->doc, &t->v[k], &c->key);
    if (tl_prose_is_name(c, c->key.p, c->key.len)) {
      tl_docname *d = docname(c, c->key.p, c->key.len);
      c->role[k] |= TL_ROLE_NAME;
      if (d != NULL) /* NULL: a name of the archive's */
        seen(d, &t->v[k]);
    }
  }
  tl_buf_fini(&b.low);
  tl_buf_fini(&b.key);
}
