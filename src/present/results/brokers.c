/*
 * The brokers' writer (coopmap brokers): the actors table, the groups and
 * the whole-network E-I index of cm_brokers_compute().
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "coopmap/brokers.h"
#include "coopmap/common.h"
#include "coopmap/table.h"
#include "coopmap/text.h"
#include "coopmap/writers.h"
#include "base/i18n.h"


int cm_brokers_write(FILE *f, const cm_brokers *b, cm_format format)
{
	char num[32];
	int rc = 0;

	cm_table_format_real(num, sizeof(num), b->network_ei_index, format);
	if (format == CM_FORMAT_JSON) {
		fputs("{\n  \"group\": ", f);
		cm_json_write_string(f, b->group);
		fprintf(f, ",\n  \"directed\": %s,\n  \"actors\": ", b->directed ? "true" : "false");
		if ((rc = cm_table_write(f, b->actors, CM_FORMAT_JSON, 0)) < 0)
			goto done;
		fputs(",\n  \"groups\": ", f);
		if ((rc = cm_table_write(f, b->groups, CM_FORMAT_JSON, 0)) < 0)
			goto done;
		fprintf(f, ",\n  \"network_ei_index\": %s\n}\n", num[0] ? num : "null");
	} else {
		if ((rc = cm_table_write(f, b->actors, format, 0)) < 0)
			goto done;
		if (format == CM_FORMAT_TABLE) {
			fputc('\n', f);
			if ((rc = cm_table_write(f, b->groups, format, 0)) < 0)
				goto done;
			fprintf(f, R_("\nnetwork E-I index: %s\n"), num[0] ? num : R_("undefined"));
		}
	}
	if (ferror(f))
		rc = cm_error_set(CM_EIO, _("cannot write the brokers: %s"), strerror(errno));
done:
	return rc;
}
