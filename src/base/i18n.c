/* Translations: where the catalogue is, and which language messages are in. */
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coopmap/common.h"
#include "i18n.h"

static char lang_now[3] = "en";

/* "fr" when a locale name (fr_FR.UTF-8, fr, fr_BE@euro...) asks for French, else "en". */
static const char *lang_of_locale(const char *name)
{
	return name && !strncmp(name, "fr", 2) && (name[2] == '\0' || name[2] == '_' || name[2] == '.' ||
	                                           name[2] == '@') ? "fr" : "en";
}

/*
 * The catalogue folder found from the binary's own place: DIR/build/locale
 * beside ./coopmap in the source folder, DIR/locale beside a binary built
 * in a build folder (make check-asan's build/asan/coopmap), and
 * DIR/../share/locale for an installed bin/coopmap, whatever the PREFIX it
 * was compiled with.
 */
static int build_tree_localedir(char *out, size_t size)
{
	static const char *const where[] = { "/build/locale", "/locale", "/../share/locale" };
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	struct stat st;
	char *slash;

	if (n <= 0)
		return -1;
	exe[n] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return -1;
	*slash = '\0';
	for (size_t i = 0; i < sizeof(where) / sizeof(*where); i++) {
		if ((size_t)snprintf(out, size, "%s%s/fr/LC_MESSAGES/" CM_TEXTDOMAIN ".mo", exe, where[i]) >= size ||
		    stat(out, &st) != 0)
			continue;
		out[strlen(exe) + strlen(where[i])] = '\0';
		return 0;
	}
	return -1;
}

void cm_i18n_init(const char *localedir)
{
	char dir[PATH_MAX];

	/* only messages follow the locale: numbers are written the same everywhere (coopmap/text.h) */
	setlocale(LC_MESSAGES, "");
	if (build_tree_localedir(dir, sizeof(dir)) == 0)
		bindtextdomain(CM_TEXTDOMAIN, dir);
	else if (localedir)
		bindtextdomain(CM_TEXTDOMAIN, localedir);
	bind_textdomain_codeset(CM_TEXTDOMAIN, "UTF-8");
	/* LANGUAGE wins over the locale in gettext, as it does for the language shown */
	const char *language = getenv("LANGUAGE");
	const char *messages = setlocale(LC_MESSAGES, NULL);
	if (messages && strcmp(messages, "C") && strcmp(messages, "POSIX") && language && *language)
		strcpy(lang_now, lang_of_locale(language));
	else
		strcpy(lang_now, lang_of_locale(messages));
}

int cm_i18n_set_lang(const char *lang)
{
	static const char *const fr_locales[] = { "fr_FR.UTF-8", "fr_FR.utf8", "C.UTF-8", "C.utf8" };

	if (!lang)
		return 0;
	if (!strcmp(lang, "en")) {
		/* the messages as written in the source */
		setenv("LANGUAGE", "en", 1);
		setlocale(LC_MESSAGES, "C");
		strcpy(lang_now, "en");
		return 0;
	}
	if (strcmp(lang, "fr"))
		return cm_error_set(CM_EUSAGE, "language '%s' is not one of fr, en", lang);
	/*
	 * gettext ignores LANGUAGE under the C locale: take a French (or at
	 * least a UTF-8) message locale, then ask for French through LANGUAGE
	 */
	for (size_t i = 0; i < sizeof(fr_locales) / sizeof(*fr_locales); i++)
		if (setlocale(LC_MESSAGES, fr_locales[i]))
			break;
	setenv("LANGUAGE", "fr", 1);
	strcpy(lang_now, "fr");
	return 0;
}

const char *cm_i18n_lang(void)
{
	return lang_now;
}

static int results_translated;

void cm_i18n_set_results(int translated)
{
	results_translated = translated;
}

int cm_i18n_results(void)
{
	return results_translated;
}
