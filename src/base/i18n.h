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
#define N_(s) (s)

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

#endif
