/* Region centres (region,lat,lon), read with the CSV reader; the built-in table of France's regions. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "load/centres.h"
#include "coopmap/common.h"
#include "coopmap/text.h"
#include "base/text.h"
#include "load/csv.h"
#include "base/i18n.h"

/* Built-in copy of graphs/regions-fr-centres.csv (the CLI tests check they agree). */
static const char default_centres[] =
	"region,lat,lon\n"
	"Auvergne-Rh\xC3\xB4ne-Alpes,45.45,4.39\n"
	"Bourgogne-Franche-Comt\xC3\xA9,47.24,4.81\n"
	"Bretagne,48.18,-2.84\n"
	"Centre-Val de Loire,47.48,1.68\n"
	"Corse,42.16,9.09\n"
	"Grand Est,48.69,5.62\n"
	"Hauts-de-France,49.97,2.78\n"
	"\xC3\x8Ele-de-France,48.71,2.50\n"
	"Normandie,49.12,0.11\n"
	"Nouvelle-Aquitaine,45.19,0.22\n"
	"Occitanie,43.70,2.14\n"
	"Pays de la Loire,47.47,-0.82\n"
	"Provence-Alpes-C\xC3\xB4te d'Azur,43.96,6.06\n"
	"Guadeloupe,16.20,-61.55\n"
	"Martinique,14.64,-61.02\n"
	"Guyane,3.93,-53.13\n"
	"La R\xC3\xA9union,-21.13,55.53\n"
	"Mayotte,-12.82,45.15\n";

/* Free a centres table (a zeroed one is fine). */
void cm_centres_free(cm_centres *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->c[i].region);
	free(t->c);
	memset(t, 0, sizeof(*t));
}

/* Read a region,lat,lon table (path NULL: the built-in one). */
int cm_centres_load(cm_centres *t, const char *path)
{
	cm_csv csv = { 0 };
	const char *name = path ? path : "built-in region centres";
	int rc, c_region = -1, c_lat = -1, c_lon = -1;

	memset(t, 0, sizeof(*t));
	if (path) {
		rc = cm_csv_open(&csv, path, name, ',');
	} else {
		char *buf = cm_strdup(default_centres);

		rc = buf ? cm_csv_open_buffer(&csv, buf, sizeof(default_centres) - 1, name, ',') : CM_ENOMEM;
	}
	if (rc < 0)
		goto done;
	if ((rc = cm_csv_next(&csv)) <= 0) {
		if (rc == 0)
			rc = cm_error_set_at(CM_EINPUT, name, 1, _("empty file (expected a header region,lat,lon)"));
		goto done;
	}
	for (size_t i = 0; i < csv.nfields; i++) {
		if (!strcasecmp(csv.fields[i], "region"))
			c_region = (int)i;
		else if (!strcasecmp(csv.fields[i], "lat"))
			c_lat = (int)i;
		else if (!strcasecmp(csv.fields[i], "lon"))
			c_lon = (int)i;
	}
	if (c_region < 0 || c_lat < 0 || c_lon < 0) {
		rc = cm_error_set_at(CM_EINPUT, name, csv.record_line, _("expected the columns region, lat and lon"));
		goto done;
	}
	while ((rc = cm_csv_next(&csv)) > 0) {
		cm_centre *c;
		size_t need = (size_t)(c_region > c_lat ? (c_region > c_lon ? c_region : c_lon)
		                                        : (c_lat > c_lon ? c_lat : c_lon)) + 1;

		if (csv.nfields < need) {
			rc = cm_error_set_at(CM_EINPUT, name, csv.record_line, _("expected %zu fields, found %zu"),
			                     need, csv.nfields);
			goto done;
		}
		if (!(c = realloc(t->c, (t->n + 1) * sizeof(*t->c)))) {
			rc = cm_error_set(CM_ENOMEM, _("out of memory"));
			goto done;
		}
		t->c = c;
		c = &t->c[t->n];
		if (cm_parse_number(&c->lat, csv.fields[c_lat], 0) < 0 || fabs(c->lat) > 90 ||
		    cm_parse_number(&c->lon, csv.fields[c_lon], 0) < 0 || fabs(c->lon) > 180) {
			rc = cm_error_set_at(CM_EINPUT, name, csv.record_line,
			                     _("lat '%s', lon '%s': expected degrees (-90..90, -180..180)"),
			                     csv.fields[c_lat], csv.fields[c_lon]);
			goto done;
		}
		if (!(c->region = cm_strdup(csv.fields[c_region]))) {
			rc = CM_ENOMEM;
			goto done;
		}
		c->inset = cm_centres_in_metropole(c->lat, c->lon) ? -1 : t->n_insets++;
		t->n++;
	}
done:
	cm_csv_close(&csv);
	if (rc < 0)
		cm_centres_free(t);
	return rc < 0 ? rc : 0;
}

/* The centre of a region, or NULL. */
const cm_centre *cm_centres_find(const cm_centres *t, const char *region)
{
	for (size_t i = 0; region[0] && i < t->n; i++)
		if (!strcmp(t->c[i].region, region))
			return &t->c[i];
	return NULL;
}

/* Metropolitan France (Corsica included); other places go to an inset. */
int cm_centres_in_metropole(double lat, double lon)
{
	return lat >= 41 && lat <= 51.5 && lon >= -5.8 && lon <= 10;
}

