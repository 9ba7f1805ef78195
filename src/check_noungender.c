/* agreement.gender for common nouns whose ending tells their gender:
 * "uma salto" (salto is masculine), "um tradução" (tradução is feminine),
 * "em uma novo negócio". Machine translation from English, whose "a" and
 * "the" have no gender, leaves such pairs; so does an edit that changed the
 * noun and not its article.
 *
 * Only endings whose gender has no exception in common use are judged:
 * -o (not -ão: "a mão", "o pão") after a feminine determiner, and -ção,
 * -dade, -tude, -ência, -ância, -ssão, -nsão, -rsão, -usão, -isão after a
 * masculine one. Only determiners that are never a preposition or a
 * pronoun stand before them: "a", "o", "as" and "os" are left out ("a
 * prazo", "quem o pratica"), and so are "esta" and "essa" ("esta pronto" is
 * "está pronto", another error). The few feminine nouns in -o (a foto, a
 * libido, a tribo), clipped words (a expo, a cripto), nouns of persons of
 * either sex (a modelo, a piloto) and adverbs before an adjective ("uma
 * pouco conhecida", "uma muito boa") are listed. The noun must be known
 * to the dictionary as written: "uma soluçao" is a spelling error first.
 * A singular determiner is judged before a singular noun, a plural one
 * before a plural noun; a name (capitalised) never. "à" before a masculine
 * word is a crase where the preposition was meant ("à cavalo" -> "a
 * cavalo"); "às" is left out ("às vezes", and its plural has no single
 * mend). */
#include "check.h"
#include "msg.h"

#include <string.h>

/* The determiners judged, in pairs: the feminine, then its masculine
 * (an even place is feminine; _Static_assert below).
 * A plural ends in s. "à" before a masculine word is mended to "a" (the
 * preposition); "às" is never judged. Asked through tl_ctx_in_list, whose
 * answer each word's entry keeps (TL_WL_GENDER_DET). */
static const char *const DETERMINERS[] = {
    "uma",      "um",       "da",       "do",       "na",      "no",
    "pela",     "pelo",     "numa",     "num",      "duma",    "dum",
    "desta",    "deste",    "dessa",    "desse",    "nesta",   "neste",
    "nessa",    "nesse",    "aquela",   "aquele",   "daquela", "daquele",
    "naquela",  "naquele",  "à",        "ao",       "umas",    "uns",
    "das",      "dos",      "nas",      "nos",      "pelas",   "pelos",
    "numas",    "nuns",     "destas",   "destes",   "dessas",  "desses",
    "nestas",   "nestes",   "nessas",   "nesses",   "aquelas", "aqueles",
    "daquelas", "daqueles", "naquelas", "naqueles", "às",      "aos",
    NULL};

/* Words in -o that a feminine determiner may stand before, singular
 * spelling (the plural adds an s): feminine nouns, clipped feminine words,
 * nouns of persons of either sex, adverbs before an adjective. */
static const char *const FEMININE_IN_O[] = {
    "foto",     "moto",    "tribo",     "libido", "rádio",  "radio",
    "virago",   "demo",    "expo",      "promo",  "info",   "bio",
    "cripto",   "logo",    "memo",      "polo",   "disco",  "auto",
    "eco",      "micro",   "macro",     "hetero", "homo",   "retro",
    "tecno",    "eletro",  "gogo",      "quimio", "fisio",  "hidro",
    "lipo",     "soprano", "contralto", "modelo", "piloto", "membro",
    "sargento", "cabo",    "soldado",   "muito",  "pouco",  "tanto",
    "quanto",   "meio",    "demasiado", "algo",   NULL};

/* Feminine endings (after a masculine determiner), singular and plural. */
static const char *const FEMININE_ENDINGS[] = {
    "ção",                                                 /* -ção */
    "ções",                                                /* -ções */
    "dade",  "dades",  "tude", "tudes", "ência", "ências", /* -ência */
    "ância", "âncias",                                     /* -ância */
    "ssão",  "ssões",                                      /* -ssão */
    "nsão",  "nsões",                                      /* -nsão */
    "rsão",  "rsões",                                      /* -rsão */
    "usão",  "usões",                                      /* -usão */
    "isão",  "isões",                                      /* -isão */
    NULL};

/* Masculine words with a feminine ending: "o coração", "o camisão". */
static const char *const MASCULINE_EXCEPTIONS[] = {
    "coração", "corações", "cação", "cações", "camisão", "camisões", NULL};

static bool ends_with(const char *w, size_t n, const char *tail)
{
  size_t k = strlen(tail);
  return n > k && memcmp(w + n - k, tail, k) == 0;
}

static bool in(const char *const *list, const char *w, size_t n)
{
  for (size_t i = 0; list[i] != NULL; i++)
    if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
      return true;
  return false;
}

_Static_assert(sizeof DETERMINERS / sizeof DETERMINERS[0] % 2 == 1,
               "DETERMINERS holds pairs and its NULL");

/* The place of the lower-case word w[0..n) in DETERMINERS, or -1. */
static int determiner_index(const char *w, size_t n)
{
  for (int i = 0; DETERMINERS[i] != NULL; i++)
    if (DETERMINERS[i][0] == w[0] && strlen(DETERMINERS[i]) == n &&
        memcmp(DETERMINERS[i], w, n) == 0)
      return i;
  return -1;
}

/* The gender the ending of lower-case word w[0..n) gives it ('m', 'f'), or
 * 0 when it tells none or the word is listed; @plural is the number of the
 * determiner before it. */
static char gender_by_ending(const char *w, size_t n, bool plural,
                             char det_gender)
{
  if (det_gender == 'f') {
    size_t k = plural ? n - 1 : n; /* the singular: "saltos" -> "salto" */
    if (plural && w[n - 1] != 's')
      return 0;
    if (k < 4 || w[k - 1] != 'o' || ends_with(w, k, "ão") ||
        ends_with(w, k, "ndo") || in(FEMININE_IN_O, w, k))
      return 0;
    return 'm';
  }
  if ((w[n - 1] == 's') != plural || in(MASCULINE_EXCEPTIONS, w, n))
    return 0;
  for (size_t i = 0; FEMININE_ENDINGS[i] != NULL; i++)
    if (ends_with(w, n, FEMININE_ENDINGS[i]))
      return 'f';
  return 0;
}

void tl_check_noun_gender(tl_ctx *c, const tl_tokens *t, size_t k)
{
  const tl_token *prev = &t->v[k - 1], *tok = &t->v[k];
  const char *w = c->doc + tok->off, *other;
  char det[16], sugg[64], gender;
  tl_finding *fd;
  size_t ol;
  bool cap, plural;
  int at;

  /* the cheapest tests first (the caller's loop asks them inline too): a
   * lower-case word of a judged ending right after a short word in the
   * same sentence */
  if (!tl_noun_gender_may(c->doc, t, k) ||
      !tl_ctx_in_list(c, t, k - 1, TL_WL_GENDER_DET, DETERMINERS, true))
    return;
  cap = (prev->flags & TL_TF_CAP) != 0;
  if (cap && !(prev->flags & TL_TF_SENT_START))
    return; /* "Da Vinci", "Na Coreia": inside a name */
  memcpy(det, c->doc + prev->off, prev->len);
  if (cap && det[0] >= 'A' && det[0] <= 'Z')
    det[0] = (char)(det[0] - 'A' + 'a');
  else if (cap && prev->len >= 2 && memcmp(det, "À", 2) == 0)
    memcpy(det, "à", 2);
  at = determiner_index(det, prev->len);
  if (at < 0 || strcmp(DETERMINERS[at], "às") == 0)
    return;
  gender = at % 2 == 0 ? 'f' : 'm';
  plural = det[prev->len - 1] == 's';
  other = strcmp(DETERMINERS[at], "à") == 0 ? "a" : DETERMINERS[at ^ 1];
  if (gender_by_ending(w, tok->len, plural, gender) == 0)
    return;
  if (!tl_ctx_known_as_written(c, t, k))
    return;
  ol = strlen(other);
  if (ol + 1 + tok->len >= sizeof sugg)
    return;
  memcpy(sugg, other, ol);
  if (cap && sugg[0] >= 'a' && sugg[0] <= 'z')
    sugg[0] = (char)(sugg[0] - 'a' + 'A');
  else if (cap && memcmp(sugg, "à", 2) == 0)
    memcpy(sugg, "À", 2);
  sugg[ol] = ' ';
  memcpy(sugg + ol + 1, w, tok->len);
  sugg[ol + 1 + tok->len] = '\0';
  if (other[0] == 'a' && other[1] == '\0') /* "à cavalo" */
    fd = tl_result_add(
        c->res, prev->off, tok->off + tok->len - prev->off, "agreement.gender",
        "agreement", TL_WARNING,
        _("'%.*s %.*s': não há crase antes de uma palavra masculina; "
          "escreva '%s'"),
        (int)prev->len, c->doc + prev->off, (int)tok->len, w, sugg);
  else
    fd = tl_result_add(
        c->res, prev->off, tok->off + tok->len - prev->off, "agreement.gender",
        "agreement", TL_WARNING,
        gender == 'f'
            ? _("'%.*s %.*s': '%.*s' é masculino e pede '%s'; escreva '%s'")
            : _("'%.*s %.*s': '%.*s' é feminino e pede '%s'; escreva '%s'"),
        (int)prev->len, c->doc + prev->off, (int)tok->len, w, (int)tok->len, w,
        other, sugg);
  {
    const char *sv = sugg;
    tl_result_set_suggestions(c->res, fd, &sv, 1);
  }
  fd->fix = true;
}
