/*
 * tradlint — lint Brazilian-Portuguese translations of AI journalism.
 *
 * The one public header. The library never prints and never exits: every
 * function that can fail returns a tl_status and fills an optional tl_error.
 * Strings are UTF-8. Offsets are byte offsets into the original input.
 */
#ifndef TL_TRADLINT_H
#define TL_TRADLINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define TL_API __attribute__((visibility("default")))
#define TL_FORMAT_ARG(n) __attribute__((format_arg(n)))
#else
#define TL_API
#define TL_FORMAT_ARG(n)
#endif

/**
 * Make every allocation failure, in tradlint and in the libraries it
 * calls (jansson, and Hunspell's C++ operator new through a new-handler),
 * print one message on standard error and end the process with exit
 * status 2 instead of aborting. For programs, like the command line, that
 * want that; a library user who handles std::bad_alloc itself should not
 * call it (it replaces the process's C++ new-handler).
 */
TL_API void tl_exit_on_oom(void);

/** Status codes: TL_OK is 0, failures are negative. */
typedef enum tl_status {
  TL_OK = 0,
  TL_EUSAGE = -1,  /**< bad argument or option */
  TL_EIO = -2,     /**< a file could not be read or written */
  TL_EUTF8 = -3,   /**< input is not valid UTF-8 */
  TL_EBINARY = -4, /**< input has a NUL byte: not a text file */
  TL_EDICT = -5,   /**< a dictionary or word list is missing or malformed */
  TL_EGLOSS = -6,  /**< the glossary is malformed */
  TL_EDB = -7      /**< the corpus database failed */
} tl_status;

/** An error: status and a one-line message in Portuguese (file:line: ...). */
typedef struct tl_error {
  tl_status status;
  char msg[1024];
} tl_error;

typedef enum tl_severity {
  TL_INFO = 0,
  TL_WARNING = 1,
  TL_ERROR = 2,
  TL_NEVER = 3 /**< only as a --fail-on threshold: never fail */
} tl_severity;

/**
 * A growable list of owned strings. Start from zeroes (`tl_strv v = {0};`)
 * and free with tl_strv_fini. Once anything was pushed, v[n] is NULL, so
 * `v` can be passed where a NULL-terminated list is wanted (an empty list
 * has v == NULL). Growth is checked: a size that would overflow aborts
 * like any other allocation failure, never writes past the end.
 */
typedef struct tl_strv {
  char **v;
  size_t n, cap;
} tl_strv;

/** Append a copy of @p s. */
TL_API void tl_strv_push(tl_strv *sv, const char *s);
/** Append @p s (malloc'ed), which the list now owns. */
TL_API void tl_strv_push_take(tl_strv *sv, char *s);
/** Free every string and the array; the list is empty after (reusable). */
TL_API void tl_strv_fini(tl_strv *sv);

/** Lowercase English name of a severity ("error", "warning", "info"). */
TL_API const char *tl_severity_name(tl_severity s);
/** Parse "error", "warning", "info" or "never"; false when unknown. */
TL_API bool tl_severity_parse(const char *s, tl_severity *out);

/**
 * The language of the messages users read: Brazilian Portuguese (the
 * default, whatever the locale) or English. One setting for the process:
 * set it before checking anything (threads read it).
 */
typedef enum tl_lang { TL_LANG_PT = 0, TL_LANG_EN = 1 } tl_lang;

/** Set the language of every message (findings, errors, reports). */
TL_API void tl_lang_set(tl_lang lang);
/** The language set (TL_LANG_PT unless tl_lang_set said otherwise). */
TL_API tl_lang tl_lang_get(void);
/** Parse "pt", "pt-BR", "pt_BR.UTF-8", "en", "en_US"...: a name starting
 * with "pt" or "en". False when it is neither. */
TL_API bool tl_lang_parse(const char *s, tl_lang *out);
/** The language the environment asks for: English when the first entry of
 * LANGUAGE, else LC_MESSAGES, starts with "en"; Portuguese otherwise (LANG
 * and LC_ALL are not asked: a C or English machine locale keeps
 * Portuguese). */
TL_API tl_lang tl_lang_from_env(void);
/** The text of message @p pt (its Portuguese text, the catalogue's key) in
 * the language set; @p pt itself when the catalogue lacks it. Static. */
TL_API const char *tl_msg(const char *pt) TL_FORMAT_ARG(1);
/** The text for count @p n of the message whose Portuguese singular is
 * @p pt and plural @p pt_plural (plural when n != 1). Static. */
TL_API const char *tl_msg_n(const char *pt, const char *pt_plural,
                            unsigned long n)
    TL_FORMAT_ARG(1) TL_FORMAT_ARG(2);
/** The message of system error @p errnum (errno) in the language set.
 * Static, or in a per-thread buffer valid until the next call. */
TL_API const char *tl_strerror(int errnum);
/** A severity as the text and HTML reports show it ("erro", "aviso",
 * "informação"; English names in English). Static. */
TL_API const char *tl_severity_label(tl_severity s);
/** A category (an English identifier: "spelling") as the text and HTML
 * reports show it ("ortografia"); an unknown one is returned as is. */
TL_API const char *tl_category_label(const char *category);

/**
 * One finding. Every string is owned by the tl_result it came from and lives
 * as long as it. Line and column are 1-based; columns count code points;
 * end_line/end_column point just past the last character (exclusive).
 */
typedef struct tl_finding {
  size_t offset;
  size_t length;
  unsigned line, column, end_line, end_column;
  const char *rule;     /**< dotted id, e.g. "spelling.unknown" (static) */
  const char *category; /**< one of DESIGN.md's categories (static) */
  tl_severity severity;
  const char *message;
  const char *const *suggestions;
  size_t nsuggestions;
  const char *concept; /**< glossary id, or NULL */
  bool fix;            /**< true when suggestions[0] is safe to apply */
  /** Source mode: the counterpart in the English source (the omitted
   *  block, the original number or name), or NULL; line and column as
   *  above, source_text one line. */
  const char *source_path;
  unsigned source_line, source_column;
  const char *source_text;
  size_t source_offset, source_length; /**< bytes in the source file */
} tl_finding;

/** The findings of one checked document. */
typedef struct tl_result tl_result;

/** A configured linter: dictionaries loaded (lazily), caches warm. */
typedef struct tl_linter tl_linter;

/** How a document is parsed. */
typedef enum tl_markup {
  TL_MARKUP_AUTO = 0, /**< by file name: .txt is plain text, else Markdown */
  TL_MARKUP_MARKDOWN = 1,
  TL_MARKUP_PLAIN = 2
} tl_markup;

typedef struct tl_options {
  /** Folder with pt_BR.aff/.dic; NULL: $TRADLINT_HUNSPELL_DIR, else
   *  /usr/share/hunspell. */
  const char *hunspell_dir;
  /** Project word lists (every *.txt in it); NULL: the default data folder. */
  const char *words_dir;
  /** Extra word-list files, NULL-terminated; may be NULL. */
  const char *const *extra_words;
  /** Glossary files or folders of *.tsv, NULL-terminated; NULL: none. */
  const char *const *glossary;
  /** "RULE=LEVEL" or "CATEGORY=LEVEL" (LEVEL: off, error, warning, info),
   *  NULL-terminated; the last entry naming a rule or its category wins. */
  const char *const *rule_levels;
  /** Report inline suppressions that suppress nothing (info). */
  bool report_unused_disables;
  /** Also ask Hunspell's own search for words two or more edits from any
   *  known word (about 0.1 s a word, at most 5 words a file). Its results
   *  depend on the time it is given, so they may vary with the machine's
   *  load; off by default. */
  bool slow_suggestions;
  /** Distinct words that get Hunspell suggestions per run; negative: no cap. */
  long max_suggestions;
  /** Suggestions shown per word (at most 3 is the house style). */
  int suggestions_per_word;
  /** Source mode: the English source of the one document checked
   *  (--source), or NULL. */
  const char *source;
  /** Source mode by naming convention (on by default): a document with a
   *  source beside it (tl_pair_find_source) is checked against it. */
  bool source_pairs;
  /** The languages of the naming convention: NULL gives "en" and
   *  "pt-BR". */
  const char *source_lang, *target_lang;
  /** The largest document read, in bytes (a file or standard input);
   *  0: TL_MAX_SIZE_DEFAULT. Larger input is refused (TL_EIO) with a
   *  message naming the file and --max-size. */
  size_t max_size;
  /** House usage learned from the corpus memory: a name the documents
   *  teach becomes a name in every document once @p accept_names
   *  documents of the archive (the one checked included) use it, a word
   *  no dictionary knows becomes at most info once @p accept_words do,
   *  both always spelt the same way; 0 turns that kind off. Defaults 2
   *  and 3 (tl_options_init). */
  unsigned accept_names, accept_words;
} tl_options;

/** The default cap on one document: 128 MiB. */
#define TL_MAX_SIZE_DEFAULT ((size_t)128 << 20)

/** Whether "RULE=LEVEL" is valid (a known rule or category, a known level). */
TL_API bool tl_rule_level_is_valid(const char *setting);

/** Fill @p opt with defaults (3 suggestions a word, 200 words a run). */
TL_API void tl_options_init(tl_options *opt);

/**
 * Create a linter. Word lists are read now (errors name file:line); Hunspell
 * itself is loaded on the first word that needs it. The caller frees the
 * result with tl_linter_free. Returns TL_EDICT when a dictionary is missing.
 */
TL_API tl_status tl_linter_new(tl_linter **out, const tl_options *opt,
                               tl_error *err);
/**
 * tl_linter_new, keeping the compiled glossary (parsed, checked, its
 * matcher and derived forms built) in folder @p cache_dir between runs:
 * one file per set of glossaries, created when missing, read instead of
 * the glossaries while none of their files changed (path, size,
 * modification time, content) and the program is the same build. A cache
 * file that is stale, damaged or cannot be written is silently rebuilt or
 * passed by: the findings are the same. @p cache_dir NULL: tl_linter_new.
 */
TL_API tl_status tl_linter_new_cached(tl_linter **out, const tl_options *opt,
                                      const char *cache_dir, tl_error *err);
/**
 * A linter for another thread that shares @p l's dictionaries, spelling
 * caches, glossary and corpus memory (all guarded by locks), with caches
 * of its own for the rest. Free it (before @p l) with tl_linter_free.
 */
TL_API tl_status tl_linter_new_sibling(tl_linter **out, tl_linter *l,
                                       tl_error *err);
/**
 * A sibling for a batch of files checked in several threads (-j): @p l's
 * glossary, word lists and corpus memory, and a Hunspell instance and
 * caches of its own (no lock shared per word; tl_linter_preload loads it
 * in parallel with the others, about 50 MB each). Verdicts are shared
 * through @p l's store: the corpus memory, the verdict cache, else a store
 * in memory made now (so set those on @p l first). Free it (before @p l)
 * with tl_linter_free.
 */
TL_API tl_status tl_linter_new_worker(tl_linter **out, tl_linter *l,
                                      tl_error *err);

/** Free a linter; NULL is allowed. */
TL_API void tl_linter_free(tl_linter *l);

/**
 * For a process about to exit: give up @p l without freeing it. Freeing the
 * Hunspell dictionaries takes tens of milliseconds for memory the operating
 * system reclaims anyway; the linter stays reachable (leak checkers see no
 * leak). Use it at most a few times a process; NULL is allowed. Embedders
 * that go on running call tl_linter_free.
 */
TL_API void tl_linter_abandon(tl_linter *l);

/**
 * Keep the spellers' verdicts and suggestions between runs in folder
 * @p dir (created when needed; one file per dictionary identity: the
 * dictionary files, the word lists, the glossary's words and tradlint's
 * version), for runs without the corpus memory, whose backing it replaces:
 * a run whose words were all seen before never loads Hunspell. Returns NULL,
 * or a message (malloc'd: the caller shows and frees it) when a cache file
 * is damaged or not a cache of these dictionaries: it is then ignored, and
 * replaced by tl_linter_save_cache.
 */
TL_API char *tl_linter_set_cache(tl_linter *l, const char *dir);

/**
 * Write what this run added to the cache, atomically (a new file renamed
 * over the old one). TL_OK when there was nothing to write or no cache;
 * TL_EIO with a message when the file cannot be written.
 */
TL_API tl_status tl_linter_save_cache(tl_linter *l, tl_error *err);

/**
 * The default cache folder: $XDG_CACHE_HOME/tradlint, else
 * $HOME/.cache/tradlint (malloc'd), or NULL when neither variable is set
 * to an absolute path.
 */
TL_API char *tl_cache_dir(void);

/**
 * Start loading the Hunspell dictionaries in background threads, so that
 * their loading (0.15-0.2 s for pt_BR) overlaps reading and parsing: blocks
 * are tokenized meanwhile and checked, in order, once it is done (the
 * output is the same). For callers that may use more than one core. Does
 * nothing when the verdicts may all be stored (a corpus memory, a non-empty
 * verdict cache): then Hunspell may never be needed.
 */
TL_API void tl_linter_preload(tl_linter *l);

/** Whether Hunspell has been loaded by this linter (for tests, benchmarks). */
TL_API bool tl_linter_has_hunspell(const tl_linter *l);

/**
 * Check a document held in memory. @p path is used in messages and to pick
 * the markup (TL_MARKUP_AUTO); @p data is copied. On success *out is a new
 * result (free with tl_result_free). Invalid UTF-8 gives TL_EUTF8 and a NUL
 * byte TL_EBINARY, with the message naming path:line:column.
 */
TL_API tl_status tl_lint_buffer(tl_linter *l, const char *path,
                                const char *data, size_t len,
                                tl_markup markup, tl_result **out,
                                tl_error *err);

/** Read and check a file ("-" reads standard input). As tl_lint_buffer. */
TL_API tl_status tl_lint_file(tl_linter *l, const char *path,
                              tl_markup markup, tl_result **out,
                              tl_error *err);

/**
 * Check the translation @p tgt_path against its English source
 * @p src_path (source mode): everything tl_lint_file does, plus the
 * source.* findings of DESIGN.md (category "source"), each with the source
 * location in tl_finding.source_*. The source is read and validated as the
 * target is (its errors name it) and never checked as Portuguese.
 */
TL_API tl_status tl_lint_pair(tl_linter *l, const char *src_path,
                              const char *tgt_path, tl_markup markup,
                              tl_result **out, tl_error *err);

/** The most findings a result keeps: past it they are counted (see
 *  tl_result_dropped), not kept, so that the memory a document needs stays
 *  a small multiple of its size however many findings it has. */
#define TL_MAX_FINDINGS ((size_t)1000000)

/** Findings of @p r not kept because it reached TL_MAX_FINDINGS. */
TL_API size_t tl_result_dropped(const tl_result *r);

/** Free a result; NULL is allowed. */
TL_API void tl_result_free(tl_result *r);
/** The path given for the document (borrowed). */
TL_API const char *tl_result_path(const tl_result *r);
/** Words (prose tokens) checked in the document. */
TL_API size_t tl_result_words(const tl_result *r);
/** Number of findings, sorted by (line, column, rule). */
TL_API size_t tl_result_count(const tl_result *r);
/** Finding @p i (borrowed; valid while @p r lives). */
TL_API const tl_finding *tl_result_get(const tl_result *r, size_t i);
/** The document bytes as read (borrowed), BOM included. */
TL_API const char *tl_result_text(const tl_result *r, size_t *len);

/**
 * A parenthetical gloss: a term and its translation in parentheses right
 * after it ("retropropagação (backpropagation)", "aprendizado por reforço
 * (RL, reinforcement learning)"), or an English term explained in
 * Portuguese ("*backpropagation* (propagação reversa)"). The convention of
 * Brazilian technical writing: neither side is untranslated text nor a
 * second rendering for consistency, and each pair says how the document
 * translates a term. Offsets are byte offsets into the document; the term
 * span is the glossary match before the parenthesis, else the words before
 * it (at most one more than the gloss has), a heuristic.
 */
typedef struct tl_gloss_pair {
  size_t term_offset, term_length;
  size_t gloss_offset, gloss_length; /**< inside the parentheses */
  const char *term, *gloss;          /**< NFC text, owned by the result */
  bool english_gloss; /**< true: Portuguese term, English gloss */
} tl_gloss_pair;

/** Glosses of the document, in document order. */
TL_API size_t tl_result_gloss_count(const tl_result *r);
/** Gloss @p i (borrowed; valid while @p r lives). */
TL_API const tl_gloss_pair *tl_result_gloss_get(const tl_result *r,
                                                size_t i);

/** How a document taught that a word is a name (tl_name.evidence). */
enum {
  TL_NAME_LABEL = 1u << 0,       /**< speaker label: "Sam Altman:" */
  TL_NAME_TITLE = 1u << 1,       /**< after a title: "a pesquisadora X" */
  TL_NAME_RUN = 1u << 2,         /**< in a run of capitalised words */
  TL_NAME_CAPITALISED = 1u << 3, /**< capitalised inside a sentence */
  TL_NAME_LINK = 1u << 4         /**< link text that spells its site */
};

/**
 * A name the document taught: a word no dictionary knows (or that English
 * knows as a word too) that the document uses as a name. It is a name
 * everywhere in the document, at sentence starts included: never English
 * to translate, never a misspelling.
 */
typedef struct tl_name {
  const char *text;      /**< NFC, owned by the result */
  size_t offset, length; /**< first occurrence */
  unsigned count;        /**< occurrences seen capitalised */
  unsigned evidence;     /**< TL_NAME_* bits */
} tl_name;

/** Why tradlint did not judge a word no dictionary knows
 *  (tl_unjudged.reason). */
typedef enum tl_unjudged_reason {
  TL_UNJUDGED_NAME = 0,  /**< a name: taught by the document, or an acronym
                              or CamelCase word */
  TL_UNJUDGED_TITLE,     /**< in a run of capitalised words: a title, a name */
  TL_UNJUDGED_MENTION,   /**< language mentioned, not used: a quoted
                              example, a term introduced by name, a
                              quotation in another language */
  TL_UNJUDGED_CODE,      /**< an identifier, a directive, a package name */
  TL_UNJUDGED_COMPOUND,  /**< a prefix and a known word: "metaprompt" */
  TL_UNJUDGED_ENGLISH    /**< English: the untranslated check's call */
} tl_unjudged_reason;

/** A word no dictionary knows that the spelling check left alone, and why
 *  (for tests and for tools that learn from the archive). */
typedef struct tl_unjudged {
  size_t offset, length;
  tl_unjudged_reason reason;
} tl_unjudged;

/** Words the spelling check left alone, in document order. */
TL_API size_t tl_result_unjudged_count(const tl_result *r);
/** Entry @p i (borrowed; valid while @p r lives). */
TL_API const tl_unjudged *tl_result_unjudged_get(const tl_result *r,
                                                 size_t i);

/** Names the document taught, in order of first occurrence. */
TL_API size_t tl_result_name_count(const tl_result *r);
/** Name @p i (borrowed; valid while @p r lives). */
TL_API const tl_name *tl_result_name_get(const tl_result *r, size_t i);

/**
 * Apply every safe fix of @p r (tl_finding.fix) to its text, in order;
 * where two fixes overlap, the first applies and the rest are skipped.
 * *out gets a new buffer (free it), *applied and *skipped the counts.
 */
TL_API void tl_result_fix(const tl_result *r, char **out, size_t *outlen,
                          size_t *applied, size_t *skipped);

/**
 * Write what tl_result_fix would change as a unified diff (`diff -u`, 3
 * lines of context, file named @p label) to @p out; nothing when no fix
 * applies. The output applies with `patch -p0`.
 */
TL_API void tl_result_diff(const tl_result *r, FILE *out, const char *label);

/**
 * Write the changes from @p old to @p new_text as a unified diff (3 lines
 * of context, both files named @p label) to @p out; nothing when they are
 * equal. The output applies with `patch -p0`.
 */
TL_API void tl_text_diff(const char *old, size_t oldlen, const char *new_text,
                         size_t newlen, FILE *out, const char *label);

/**
 * The text of @p r with every safe fix applied, then checked again (with
 * @p l's settings, not recorded in the corpus) and fixed again, until no
 * safe fix is left or after 10 rounds: one --fix reaches what two would.
 * *out gets a new buffer (free it); *applied counts the fixes of every
 * round, *skipped the overlapping ones still left.
 */
TL_API tl_status tl_linter_fix(tl_linter *l, const tl_result *r, char **out,
                               size_t *outlen, size_t *applied,
                               size_t *skipped, tl_error *err);

/**
 * Replace the file at @p path with @p data atomically: a temporary file in
 * the same folder, fsync, the original's permissions, then rename. On any
 * failure the original is untouched, the temporary file removed, and the
 * error names the file and the cause.
 */
TL_API tl_status tl_write_file_atomic(const char *path, const char *data,
                                      size_t len, tl_error *err);

/**
 * Write @p data, the fixed text of @p r, over the file @p r was read from.
 * Refuses (TL_EIO, nothing written) when the file changed since it was
 * read: device, inode, size, modification time or content, checked
 * before writing and again just before the rename. A symbolic link is
 * followed (the target is fixed, the link kept); owner, group and
 * permissions are kept; a file with several hard links is rewritten in
 * place so that every link sees the fix; the folder is flushed to disk
 * after the rename. TL_EUSAGE for a result not read from a file.
 */
TL_API tl_status tl_fix_write(const tl_result *r, const char *data,
                              size_t len, tl_error *err);

/**
 * Collect the files to check under @p path: a file is taken as it is; a
 * folder is walked recursively for *.md, *.markdown and *.txt, skipping
 * hidden entries, in byte order of the paths. Appends owned copies to
 * @p list.
 */
TL_API tl_status tl_paths_collect(const char *path, tl_strv *list,
                                  tl_error *err);

/** How deep tl_paths_walk goes below the folder it is given. */
#define TL_WALK_MAX_DEPTH 64

/** Called by tl_paths_walk for each folder or entry it cannot read. */
typedef void (*tl_walk_error_fn)(void *ud, const tl_error *err);

/**
 * As tl_paths_collect, but a folder that cannot be read (permissions, a
 * path longer than PATH_MAX, deeper than TL_WALK_MAX_DEPTH) does not stop
 * the walk: @p on_error (may be NULL) gets each one, the rest of the tree
 * is collected, and the status is that of the first error (TL_OK when
 * none). tl_paths_collect is this with the first error kept in @p err.
 */
TL_API tl_status tl_paths_walk(const char *path, tl_strv *list,
                               tl_walk_error_fn on_error, void *ud);

/**
 * The path of tradlint's data folder @p name ("glossary", "dictionaries"):
 * $TRADLINT_DATA_DIR/NAME when that variable is set and not empty; else,
 * for a program installed as PREFIX/bin/NAME, PREFIX/share/tradlint/NAME
 * when it exists (the install is relocatable: a tree staged with DESTDIR
 * or moved to another prefix finds its own data); else, for a program run
 * from the source tree (build/tradlint), the tree's NAME folder; else the
 * compiled-in DATADIR/NAME. The result may not exist; the caller frees it.
 */
TL_API char *tl_data_path(const char *name);

/** How a translation's English source is found beside it: NULL members
 *  give "en" and "pt-BR". */
typedef struct tl_pair_rules {
  const char *source_lang, *target_lang;
} tl_pair_rules;

/**
 * The source of translation @p target by naming convention, when that
 * file exists: artigo.en.md beside artigo.md or artigo.pt-BR.md, or
 * en/x/artigo.md for pt-BR/x/artigo.md (the last folder named like the
 * target language). Returns an owned path, or NULL. @p rules may be NULL.
 */
TL_API char *tl_pair_find_source(const char *target,
                                 const tl_pair_rules *rules);
/** Whether @p path is the source of a translation beside it (so that a
 *  folder walk leaves it out). @p rules may be NULL. */
TL_API bool tl_pair_is_source(const char *path, const tl_pair_rules *rules);

/** What a glossary holds. */
typedef struct tl_glossary_stats {
  size_t files, concepts;
  size_t preferred, abbrev, admitted, forbidden; /* forms by kind */
} tl_glossary_stats;

/**
 * Load and validate the glossary files or folders in @p paths
 * (NULL-terminated) and count what they hold. Returns TL_EGLOSS with
 * file:line:column and the fix of the first problem.
 */
TL_API tl_status tl_glossary_check(const char *const *paths,
                                   tl_glossary_stats *stats, tl_error *err);

/**
 * A configuration file (.tradlint.toml): a TOML subset. Paths in it are
 * relative to its folder. Unset values are NULL, 0 or (max_suggestions)
 * LONG_MIN.
 */
typedef struct tl_config {
  char *path, *dir;
  tl_strv glossary; /* paths, made relative to the current folder */
  tl_strv words;    /* word-list files, likewise */
  char *words_dir, *hunspell_dir, *db, *fail_on;
  long max_suggestions;
  tl_strv rules;  /* "rule=level" */
  tl_strv ignore; /* glob patterns, relative to dir */
  int source_pairs; /* [source] pairs: -1 unset, 0 false, 1 true */
  char *source_lang, *target_lang; /* [source] source-lang, target-lang */
  char *archive;  /* the archive's name in a shared database, or NULL */
  long accept_names, accept_words; /* [corpus] accept-names, accept-words:
                                      -1 unset */
} tl_config;

/** Largest configuration file read (bytes). */
#define TL_CONFIG_MAX_SIZE (1024 * 1024)

/** The nearest .tradlint.toml from folder @p start upwards (owned), or NULL. */
TL_API char *tl_config_find(const char *start);
/** Read and validate @p path into @p cfg (tl_config_fini it). Unknown keys,
 *  duplicate keys or tables, wrong types, empty paths and bad values are
 *  errors naming file:line:column. Only a regular file of at most
 *  TL_CONFIG_MAX_SIZE bytes is read: a folder, a FIFO or a device is an
 *  error (TL_EUSAGE), never read or waited on. */
TL_API tl_status tl_config_load(tl_config *cfg, const char *path,
                                tl_error *err);
/** As tl_config_load, from a buffer (@p path names it in errors). */
TL_API tl_status tl_config_parse(tl_config *cfg, const char *path,
                                 const char *data, size_t len,
                                 tl_error *err);
/** Free what @p cfg holds; the struct may be reused after. */
TL_API void tl_config_fini(tl_config *cfg);
/** Whether @p path (as given on the command line) matches an ignore
 *  pattern of @p cfg. */
TL_API bool tl_config_ignores(const tl_config *cfg, const char *path);

/** Output formats. */
typedef enum tl_format {
  TL_FORMAT_TEXT = 0,
  TL_FORMAT_JSON = 1,
  TL_FORMAT_HTML = 2, /**< corpus report only */
  TL_FORMAT_TSV = 3,  /**< corpus variants only: glossary rows */
  TL_FORMAT_SARIF = 4,     /**< SARIF 2.1.0 for code scanning */
  TL_FORMAT_GITHUB = 5,    /**< GitHub Actions workflow commands */
  TL_FORMAT_RDJSON = 6,    /**< Reviewdog Diagnostic Format (JSON) */
  TL_FORMAT_CHECKSTYLE = 7, /**< Checkstyle XML */
  TL_FORMAT_JUNIT = 8,     /**< JUnit XML: a test suite per file */
  TL_FORMAT_CSV = 9,       /**< glossary export: RFC 4180 */
  TL_FORMAT_TBX = 10,      /**< glossary export: TBX-Basic */
  TL_FORMAT_JSONL = 11     /**< corpus export: one JSON object a line */
} tl_format;

/** The format named @p name ("text", "json", "sarif", "github", "rdjson",
 *  "checkstyle", "junit", "html", "tsv", "csv", "tbx", "jsonl"); false when
 *  unknown. Which formats a command accepts is the command's business. */
TL_API bool tl_format_parse(const char *name, tl_format *out);
/** The name of @p f, as tl_format_parse reads it. */
TL_API const char *tl_format_name(tl_format f);
/** Whether tl_report_new writes @p f (text, json, sarif, github, rdjson,
 *  checkstyle, junit). */
TL_API bool tl_format_is_report(tl_format f);

/**
 * A glossary as a table, for exchange with other tools: every column of
 * every concept as written (id, en, preferred, abbrev, admitted, forbidden,
 * gender, case, note, source; lists separated by '|'), in file order.
 */
typedef struct tl_glossary_table tl_glossary_table;

/** Read glossary TSV files or folders (NULL-terminated @p paths), after
 *  validating them as tl_glossary_check does. Free with
 *  tl_glossary_table_free. */
TL_API tl_status tl_glossary_table_read(tl_glossary_table **out,
                                        const char *const *paths,
                                        tl_error *err);
/**
 * Import a TBX (TBX-Basic, ISO 30042: v2 martif or v3 tbx) or CSV (RFC
 * 4180, header naming the TSV's columns) file, by its extension (.tbx,
 * .csv). TBX: @p lang is the target language (NULL: "pt-BR"; "pt-BR" also
 * takes "pt" and "pt_BR"); English terms fill `en`; administrativeStatus
 * preferred/admitted/deprecated (superseded) fill preferred/admitted/
 * forbidden, termType acronym/abbreviation/shortForm fills abbrev,
 * grammaticalGender masculine/feminine fills gender, partOfSpeech
 * properNoun makes case exact, notes fill note, admin/descrip "source"
 * fills source. Values tradlint cannot hold are errors naming file:line;
 * data it has no column for (definitions, dates, other languages ...) is
 * left out and listed in the warnings. The result is validated as a
 * glossary (errors name the imported file's line).
 */
TL_API tl_status tl_glossary_table_import(tl_glossary_table **out,
                                          const char *path, const char *lang,
                                          tl_error *err);
/** Write @p t as TL_FORMAT_TSV (the glossary's own format),
 *  TL_FORMAT_CSV (RFC 4180, CRLF) or TL_FORMAT_TBX (TBX-Basic v2). */
TL_API tl_status tl_glossary_table_write(const tl_glossary_table *t,
                                         tl_format format, FILE *out,
                                         tl_error *err);
/** Concepts in @p t. */
TL_API size_t tl_glossary_table_count(const tl_glossary_table *t);
/** What an import left out (one line each, Portuguese), borrowed. */
TL_API size_t tl_glossary_table_nwarnings(const tl_glossary_table *t);
TL_API const char *tl_glossary_table_warning(const tl_glossary_table *t,
                                             size_t i);
/** Free; NULL is allowed. */
TL_API void tl_glossary_table_free(tl_glossary_table *t);

/** The corpus memory: what every document used. An SQLite file per archive,
 *  or a PostgreSQL database that several archives share. */
typedef struct tl_corpus tl_corpus;

/** A folder of reports: DIR/<path>.html and .json per file, DIR/index.html. */
typedef struct tl_report_dir tl_report_dir;

/** Start a report folder @p dir (created if missing); file paths are made
 *  relative to @p root. Free with tl_report_dir_free. */
TL_API tl_status tl_report_dir_new(tl_report_dir **out, const char *dir,
                                   const char *root, tl_error *err);
/** Write the HTML and JSON reports of one document. */
TL_API tl_status tl_report_dir_add(tl_report_dir *d, const tl_result *r,
                                   tl_error *err);
/** Also write DIR/acervo.html, the concepts the archive renders more than
 *  one way (tl_corpus_report) with each document linked to its page, and
 *  link the pages' findings to their concepts there (both borrowed). */
TL_API void tl_report_dir_set_corpus(tl_report_dir *d, tl_corpus *c,
                                     const tl_linter *l);
/** Write DIR/index.html: every file, worst first. */
TL_API tl_status tl_report_dir_finish(tl_report_dir *d, tl_error *err);
/** Free; NULL is allowed. */
TL_API void tl_report_dir_free(tl_report_dir *d);


enum {
  TL_CORPUS_REBUILD = 1u << 0, /**< move a corrupt or foreign file aside */
  TL_CORPUS_READONLY = 1u << 1 /**< never write */
};

/**
 * Open (or create) the corpus database at @p path. A corrupt or foreign
 * file gives TL_EDB naming it and suggesting --rebuild-db; with
 * TL_CORPUS_REBUILD it is kept as PATH.bak and a new one is made. A file
 * that cannot be written is opened read-only (see tl_corpus_readonly).
 */
TL_API tl_status tl_corpus_open(tl_corpus **out, const char *path,
                                unsigned flags, tl_error *err);
/**
 * Open the corpus memory at @p db: a PostgreSQL connection URI
 * (postgresql://USER@HOST:PORT/DBNAME?sslmode=..., see
 * tl_corpus_is_server), where the memory is archive @p archive's among the
 * archives sharing the database (NULL: "default"), or else an SQLite file
 * as tl_corpus_open. A server that cannot be reached within the connect
 * timeout, refused credentials or a schema of a newer version give TL_EDB
 * naming the server (never its password).
 */
TL_API tl_status tl_corpus_open_archive(tl_corpus **out, const char *db,
                                        const char *archive, unsigned flags,
                                        tl_error *err);
/** Whether @p db names a database server (a postgresql:// or postgres://
 *  URI) rather than a file. */
TL_API bool tl_corpus_is_server(const char *db);
/** What messages call the memory: the file, or the server's URI without
 *  its password (borrowed). */
TL_API const char *tl_corpus_name(const tl_corpus *c);
/** The archive's name in a shared database; NULL for a file (borrowed). */
TL_API const char *tl_corpus_archive(const tl_corpus *c);
/** Close the database; NULL is allowed. */
TL_API void tl_corpus_close(tl_corpus *c);
/** Whether the database is read-only (checks run; memory is not updated). */
TL_API bool tl_corpus_readonly(const tl_corpus *c);
/** Documents this run recorded in the database, or found there unchanged:
 *  what `corpus index` can say it registered (a write that failed, as on
 *  a full disk, is not counted). */
TL_API size_t tl_corpus_recorded(const tl_corpus *c);
/** Record documents in batches (what `corpus index` does): up to @p docs
 *  documents kept in memory and written in one transaction, when there
 *  are @p docs of them, the first is @p ms milliseconds old, or at
 *  tl_linter_flush. A crash loses at most the batch not yet written (whole
 *  documents only); until it is written, consistency.corpus and other
 *  processes do not see it. @p docs <= 1: one transaction a document (the
 *  default). The PostgreSQL backend writes one document a transaction
 *  whatever this says. */
TL_API void tl_corpus_set_batch(tl_corpus *c, unsigned docs, unsigned ms);

/**
 * Give a linter its corpus memory (borrowed; NULL detaches). Documents are
 * recorded by their path relative to @p root (copied), spelling verdicts
 * and suggestions are cached in the database so that Hunspell is loaded
 * only for words it has not judged, and each document is compared with the
 * rest of the archive (rule consistency.corpus).
 */
TL_API void tl_linter_set_corpus(tl_linter *l, tl_corpus *c,
                                 const char *root);
/**
 * With @p defer, tl_lint_file and tl_lint_buffer stop before the corpus
 * stage (comparison with the archive and recording) and the last touches
 * (suppressions, rule levels): call tl_linter_complete on each result, in
 * the order the files should be recorded. Lets several threads, each with
 * a linter of its own, check files while one thread completes them.
 */
TL_API void tl_linter_defer_corpus(tl_linter *l, bool defer);

/**
 * Whether results list the words the spelling check left alone
 * (tl_result_unjudged_count; @p keep true, the default). A caller that never
 * reads them passes false: a long document then does not hold an entry a
 * word for nothing (the command line does). Siblings and workers made
 * afterwards inherit the setting.
 */
TL_API void tl_linter_keep_unjudged(tl_linter *l, bool keep);
/** Complete a deferred result (see tl_linter_defer_corpus); a result that
 *  is complete already is left as it is. */
TL_API tl_status tl_linter_complete(tl_linter *l, tl_result *r,
                                    tl_error *err);

/** Write what the linter still holds for the corpus (verdicts). */
TL_API tl_status tl_linter_flush(tl_linter *l, tl_error *err);

/** Every concept rendered more than one way across the archive. */
TL_API tl_status tl_corpus_report(tl_corpus *c, const tl_linter *l,
                                  tl_format format, FILE *out,
                                  tl_error *err);
/** Spellings that fold to the same key and no glossary entry covers. */
TL_API tl_status tl_corpus_variants(tl_corpus *c, tl_format format,
                                    FILE *out, tl_error *err);
/** House usage: every word the archive accepts (tl_options.accept_names,
 *  accept_words of @p l, and its glossary, which wins), with its documents
 *  and why (a name the documents teach, a word of the house), then the
 *  editors' rejections; TL_FORMAT_TEXT or TL_FORMAT_JSON. */
TL_API tl_status tl_corpus_accepted(tl_corpus *c, const tl_linter *l,
                                    tl_format format, FILE *out,
                                    tl_error *err);
/** Record an editor's rejection of @p word (any case; one word): never
 *  house usage again. One line to @p out (may be NULL). */
TL_API tl_status tl_corpus_reject(tl_corpus *c, const char *word, FILE *out,
                                  tl_error *err);
/** Forget documents whose files no longer exist under @p root. */
TL_API tl_status tl_corpus_prune(tl_corpus *c, const char *root, FILE *out,
                                 tl_error *err);
/** Print counts: documents, words, renderings, cached verdicts. */
TL_API tl_status tl_corpus_stats(tl_corpus *c, FILE *out, tl_error *err);
/** Every usage recorded (document, concept, rendering, kind, count, first
 *  line and offset, surface), as @p format TL_FORMAT_JSONL: one JSON object
 *  a line, documents in path order, for batch engines and dashboards. */
TL_API tl_status tl_corpus_export(tl_corpus *c, tl_format format, FILE *out,
                                  tl_error *err);
/** Copy everything @p from holds (documents with their usages and
 *  spellings, spelling verdicts and suggestions) into @p to, replacing the
 *  documents @p to has under the same paths; one line of counts to
 *  @p out. */
TL_API tl_status tl_corpus_copy(tl_corpus *from, tl_corpus *to, FILE *out,
                                tl_error *err);

/**
 * An alignment of a translation with its English source: pairs of blocks
 * of prose (headings, paragraphs, list items, table cells, alt texts) and,
 * inside each, pairs of sentences. A block or sentence may pair with
 * nothing (omitted or added) or with two of the other side (merged or
 * split).
 */
typedef struct tl_alignment tl_alignment;

/**
 * Read and align @p src_path (English) with @p tgt_path (pt-BR). Both are
 * checked as tl_lint_file checks its input (UTF-8, no NUL byte), with the
 * same errors. On success *out is new (free with tl_alignment_free).
 */
TL_API tl_status tl_align_files(const char *src_path, const char *tgt_path,
                                tl_markup markup, tl_alignment **out,
                                tl_error *err);
/** Free an alignment; NULL is allowed. */
TL_API void tl_alignment_free(tl_alignment *a);
/** Block pairs (a pair with nothing on one side counts). */
TL_API size_t tl_alignment_count(const tl_alignment *a);
/**
 * Write the aligned pairs: TL_FORMAT_TEXT (one pair a paragraph, source
 * lines marked '<' and target lines '>', with line numbers) or
 * TL_FORMAT_JSON (stable; see README). Other formats give TL_EUSAGE.
 */
TL_API tl_status tl_alignment_write(const tl_alignment *a, tl_format format,
                                    FILE *out, tl_error *err);

/** Report writer: streams one file after the other, then a summary. */
typedef struct tl_report tl_report;

enum {
  TL_REPORT_COLOR = 1 << 0,        /**< ANSI colours in the text format */
  TL_REPORT_SORT_SEVERITY = 1 << 1 /**< worst first within a file */
};

/**
 * Findings known before: a baseline, so that CI fails only on findings
 * that are new since it was written (the way an archive with years of
 * history adopts a linter). A finding is known by its fingerprint (the
 * SARIF partialFingerprints value: rule, file relative to the report's
 * root, its text and its occurrence index among the same rule and text in
 * the file), which survives lines added or removed around it.
 */
typedef struct tl_baseline tl_baseline;

/** An empty baseline. Free with tl_baseline_free. */
TL_API tl_baseline *tl_baseline_new(void);
/** Read a baseline file written by tl_baseline_write. A missing, unreadable
 *  or malformed file is TL_EUSAGE or TL_EIO naming it. */
TL_API tl_status tl_baseline_load(tl_baseline **out, const char *path,
                                  tl_error *err);
/** Record every finding of @p r (paths relative to @p root; NULL: as
 *  given), whatever its level. */
TL_API void tl_baseline_add(tl_baseline *b, const tl_result *r,
                            const char *root);
/** Write @p b to @p path (JSON, sorted, atomically). */
TL_API tl_status tl_baseline_write(const tl_baseline *b, const char *path,
                                   tl_error *err);
/** Findings recorded in @p b. */
TL_API size_t tl_baseline_count(const tl_baseline *b);
/** Free; NULL is allowed. */
TL_API void tl_baseline_free(tl_baseline *b);

/** Create a report writing to @p out (borrowed). Free with tl_report_free.
 *  The minimum level starts at the format's default: warning for text,
 *  SARIF and github, info (everything) for the others. */
TL_API tl_report *tl_report_new(tl_format format, FILE *out, unsigned flags);
/** Paths in SARIF are made relative to @p root (copied; NULL: as given). */
TL_API void tl_report_set_root(tl_report *rep, const char *root);
/** Report only findings at @p min or above (every format; the counts and
 *  so the exit status follow what is reported). */
TL_API void tl_report_set_min_level(tl_report *rep, tl_severity min);
/** Findings left out because they are below the minimum level, by
 *  severity (index by tl_severity). */
TL_API size_t tl_report_hidden(const tl_report *rep, tl_severity s);
/** Leave out the findings recorded in @p b (borrowed; NULL: none). Call
 *  tl_report_set_root first: fingerprints use paths relative to it. */
TL_API void tl_report_set_baseline(tl_report *rep, const tl_baseline *b);
/** Findings left out so far because the baseline has them. */
TL_API size_t tl_report_baselined(const tl_report *rep);
/** Write the findings of one document. */
TL_API void tl_report_add(tl_report *rep, const tl_result *r);
/** Write the summary (and close the JSON document). Call once, at the end. */
TL_API void tl_report_finish(tl_report *rep);
/** Counts so far, by severity (index by tl_severity). */
TL_API size_t tl_report_count(const tl_report *rep, tl_severity s);
/** Files reported so far. */
TL_API size_t tl_report_files(const tl_report *rep);
/** Free a report; NULL is allowed. */
TL_API void tl_report_free(tl_report *rep);

/** The HTTP server of `tradlint serve`: the LanguageTool API (/v2/check,
 *  /v2/languages), the JSON report (/api/check), /health, and (when built
 *  with it) the editor page at /. */
typedef struct tl_server tl_server;

typedef struct tl_server_options {
  /** Numeric IPv4 or IPv6 address, or "localhost"; NULL: 127.0.0.1. */
  const char *bind;
  /** TCP port; 0: any free port (tl_server_port tells which). */
  unsigned port;
  /** Bearer token the API requires (Authorization: Bearer, or the form
   *  field apiKey that LanguageTool clients send); NULL: none. Required
   *  when @bind is not a loopback address. */
  const char *token;
  /** Largest request body accepted, in bytes (413 beyond it). */
  size_t max_body;
  /** Seconds a request may take to arrive, and a connection may idle. */
  unsigned timeout;
  /** Connections open at once, at most (more are refused). */
  unsigned max_connections;
  /** Worker threads, each with a linter of its own; 0: one a core. */
  unsigned threads;
  /** One line per request (method, path, status, milliseconds); NULL:
   *  none. */
  FILE *log;
} tl_server_options;

/** Fill @p o with the defaults: 127.0.0.1:8081, no token, 1 MiB bodies,
 *  30 s, 64 connections, one thread a core, no log. */
TL_API void tl_server_options_init(tl_server_options *o);

/**
 * Start serving with linter @p l (borrowed: it must outlive the server;
 * every worker thread checks with a sibling of it). Hunspell is loaded
 * before the first request. Returns TL_EUSAGE for a bad address, a
 * non-loopback address without a token, or a port that cannot be bound.
 */
TL_API tl_status tl_server_start(tl_server **out, tl_linter *l,
                                 const tl_server_options *o, tl_error *err);
/** The port the server listens on. */
TL_API unsigned tl_server_port(const tl_server *s);
/**
 * Stop: no new connections, requests in flight finish (waiting up to the
 * timeout), then free everything; NULL is allowed.
 */
TL_API void tl_server_stop(tl_server *s);

/** The language server of `tradlint lsp`: LSP 3.17 over a pair of
 *  streams (diagnostics, code actions, hover), positions in UTF-16 code
 *  units. */
typedef struct tl_lsp_options {
  /**
   * Make the linter for documents in folder @p dir, configured by the
   * .tradlint.toml that governs it; *config gets that file's path (owned,
   * NULL when there is none). Linters are made once per configuration
   * and freed with @p free_linter.
   */
  tl_status (*make_linter)(void *ud, const char *dir, tl_linter **out,
                           char **config, tl_error *err);
  void (*free_linter)(void *ud, tl_linter *l);
  void *ud;
  /** Protocol trouble and requests, one line each; NULL: none. */
  FILE *log;
} tl_lsp_options;

/**
 * Serve the Language Server Protocol on @p in and @p out (JSON-RPC with
 * Content-Length framing) until the client sends "exit". Malformed
 * messages get JSON-RPC errors and the session goes on. Returns TL_OK
 * after shutdown then exit, TL_EIO when the input ends or exit comes
 * without shutdown.
 */
TL_API tl_status tl_lsp_run(FILE *in, FILE *out, const tl_lsp_options *o,
                            tl_error *err);

#ifdef __cplusplus
}
#endif
#endif /* TL_TRADLINT_H */
