/*
 * Translations through GNU gettext: _() marks and translates a message of
 * coopmap's catalogue, N_() only marks it (for tables of strings translated
 * where they are used).  The library translates with dgettext() so that a
 * program embedding it keeps its own text domain.
 */
#ifndef COOPMAP_BASE_I18N_H
#define COOPMAP_BASE_I18N_H

#include <libintl.h>

/* coopmap's text domain: po/coopmap.pot, <localedir>/LANG/LC_MESSAGES/coopmap.mo. */
#define CM_TEXTDOMAIN "coopmap"

#define _(s) dgettext(CM_TEXTDOMAIN, s)
/* no parentheses: a marked piece joins the literals around it ("..." N_("...") MACRO) */
#define N_(s) s

/*
 * Find the catalogue and read the message locale (LC_ALL, LC_MESSAGES,
 * LANG): from the binary's place (/proc/self/exe) in the build tree
 * (build/locale) or an install (../share/locale), else localedir (the
 * install prefix's, given at compile time).
 */
void cm_i18n_init(const char *localedir);

/*
 * Choose the language of messages: "fr" or "en" (NULL: from the locale, as
 * cm_i18n_init() read it).  Returns 0, or CM_EUSAGE for another language.
 */
int cm_i18n_set_lang(const char *lang);

/* The language messages are in: "fr" or "en". */
const char *cm_i18n_lang(void);

/*
 * Result text (the reasons, club and suggestion texts, the table format's
 * headers) is translated only for people: a machine format (csv, tsv, json)
 * keeps it in English whatever the language, so that scripts read the same
 * bytes.  Off by default (a program embedding the library gets English
 * data); the command-line tool turns it on for the table format.
 */
void cm_i18n_set_results(int translated);

/* Whether result text is translated now (cm_i18n_set_results). */
int cm_i18n_results(void);

/* Translate a piece of result text when cm_i18n_results() is on (R_ marks it for xgettext). */
#define R_(s) (cm_i18n_results() ? dgettext(CM_TEXTDOMAIN, s) : (s))

/* The plural of R_(): singular s, plural p, for n. */
#define RN_(s, p, n) (cm_i18n_results() ? dngettext(CM_TEXTDOMAIN, s, p, n) : ((n) == 1 ? (s) : (p)))

#endif
