/* pgdump.c — pg_dump and pg_restore for the backups of a PostgreSQL database; see pgdump.h. */
#define _FILE_OFFSET_BITS 64
#include "backup/pgdump.h"
#include "base/log.h"
#include "base/sb.h"
#include "base/util.h"
#include "db/pgadmin.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <libpq-fe.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/banned.h"

extern char **environ;

/* ---- the URL ---- */

static PQconninfoOption *url_parse(const char *url, char *err, size_t errlen)
{
	char *msg = NULL;
	PQconninfoOption *o = url ? PQconninfoParse(url, &msg) : NULL;
	if (!o) {
		snprintf(err, errlen, "the database URL cannot be read: %s", msg ? msg : "none given");
		size_t n = strlen(err);
		while (n && err[n - 1] == '\n')
			err[--n] = 0;
	}
	if (msg)
		PQfreemem(msg);
	return o;
}

static void pct(struct sb *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("-._~", *p)) {
			sb_add(b, (const char *)p, 1);
		} else {
			char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			sb_add(b, e, 3);
		}
	}
}

/* The options O as a URL (postgresql://?key=value&…): DBNAME instead of its database when not
 * NULL; its password only when WITH_PASSWORD. */
static char *url_build(const PQconninfoOption *o, const char *dbname, int with_password)
{
	struct sb b = SB_INIT;
	char sep = '?';
	sb_adds(&b, "postgresql://");
	for (const PQconninfoOption *p = o; p->keyword; p++) {
		const char *v = p->val;
		if (dbname && strcmp(p->keyword, "dbname") == 0)
			v = dbname;
		if (!v || (!with_password && strcmp(p->keyword, "password") == 0))
			continue;
		sb_add(&b, &sep, 1);
		sb_adds(&b, p->keyword);
		sb_adds(&b, "=");
		pct(&b, v);
		sep = '&';
	}
	return sb_detach(&b, NULL);
}

/* The password of O, or NULL. */
static const char *url_password(const PQconninfoOption *o)
{
	for (const PQconninfoOption *p = o; p->keyword; p++)
		if (strcmp(p->keyword, "password") == 0)
			return p->val && *p->val ? p->val : NULL;
	return NULL;
}

static void url_free(PQconninfoOption *o)
{
	for (PQconninfoOption *p = o; o && p->keyword; p++)
		if (p->val && strcmp(p->keyword, "password") == 0)
			sodium_memzero(p->val, strlen(p->val));
	PQconninfoFree(o);
}

/* URL with the password of its user part (user:secret@) and of a password=… parameter as ***. */
static char *redact(const char *url)
{
	struct sb b = SB_INIT;
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	const char *end = p + strcspn(p, "/?"), *at = NULL;
	for (const char *q = p; q < end; q++)
		if (*q == '@')
			at = q;
	const char *colon = at ? memchr(p, ':', (size_t)(at - p)) : NULL;
	if (colon) {
		sb_add(&b, url, (size_t)(colon + 1 - url));
		sb_adds(&b, "***");
		p = at;
	} else {
		p = url;
	}
	while (*p) {
		const char *q = strstr(p, "password=");
		if (!q || q == url || !(q[-1] == '?' || q[-1] == '&')) {
			sb_adds(&b, p);
			break;
		}
		sb_add(&b, p, (size_t)(q + 9 - p));
		sb_adds(&b, "***");
		p = q + 9 + strcspn(q + 9, "&");
	}
	return sb_detach(&b, NULL);
}

char *pgd_url_shown(const char *url)
{
	char err[256];
	PQconninfoOption *o = url_parse(url, err, sizeof(err));
	if (!o)
		return xstrdup("(a database URL that cannot be read)");
	char *s = NULL;
	if (!url_password(o)) {
		s = xstrdup(url);
	} else {
		/* as written, the password as ***, when that is what the redacted URL reads as */
		s = redact(url);
		PQconninfoOption *r = url_parse(s, err, sizeof(err));
		const char *pw = r ? url_password(r) : NULL;
		if (!r || (pw && strcmp(pw, "***") != 0)) {
			free(s);
			s = url_build(o, NULL, 0);
		}
		url_free(r);
	}
	url_free(o);
	return s;
}

char *pgd_url_with_db(const char *url, const char *dbname, char *err, size_t errlen)
{
	PQconninfoOption *o = url_parse(url, err, errlen);
	if (!o)
		return NULL;
	char *s = url_build(o, dbname, 1);
	url_free(o);
	return s;
}

int pgd_url_record(const char *dir, const char *url, char *err, size_t errlen)
{
	struct sb p = SB_INIT, tmp = SB_INIT;
	sb_addf(&p, "%s/" DATA_DB_URL_FILE, dir);
	sb_addf(&tmp, "%s/." DATA_DB_URL_FILE ".tmp", dir);
	int fd = open(tmp.buf, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	int ok = fd >= 0 && fchmod(fd, 0600) == 0 && write(fd, url, strlen(url)) == (ssize_t)strlen(url) &&
		 write(fd, "\n", 1) == 1 && fsync(fd) == 0;
	int saved = errno;
	if (fd >= 0)
		ok = close(fd) == 0 && ok;
	if (ok && rename(tmp.buf, p.buf) == 0) {
		sb_release(&p);
		sb_release(&tmp);
		return 0;
	}
	saved = ok ? errno : saved;
	snprintf(err, errlen, "không ghi được %s (cannot write it): %s", p.buf, strerror(saved));
	unlink(tmp.buf);
	sb_release(&p);
	sb_release(&tmp);
	return -1;
}

/* ---- the tools ---- */

/* NAME on PATH, or NULL. */
static char *on_path(const char *name)
{
	const char *path = getenv("PATH");
	char *copy = xstrdup(path && *path ? path : "/usr/local/bin:/usr/bin:/bin"), *p = copy, *dir, *found = NULL;
	while (!found && (dir = strsep(&p, ":")) != NULL) {
		struct sb f = SB_INIT;
		sb_addf(&f, "%s/%s", *dir ? dir : ".", name);
		if (access(f.buf, X_OK) == 0)
			found = sb_detach(&f, NULL);
		else
			sb_release(&f);
	}
	free(copy);
	return found;
}

/* The program NAME for a server of major version MAJOR (0: unknown, the newest): Debian's
 * /usr/lib/postgresql/<major>/bin/NAME, else the nearest newer one there (a newer pg_dump reads
 * an older server; an older one refuses a newer server), else NAME on PATH. */
static char *tool_path(const char *name, int major)
{
	glob_t g;
	struct sb pat = SB_INIT;
	char *best = NULL;
	int best_v = 0;
	sb_addf(&pat, "/usr/lib/postgresql/*/bin/%s", name);
	if (glob(pat.buf, 0, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++) {
			const char *v = g.gl_pathv[i] + strlen("/usr/lib/postgresql/");
			int ver = atoi(v);
			if (ver <= 0 || access(g.gl_pathv[i], X_OK))
				continue;
			int better;
			if (major <= 0)
				better = ver > best_v;
			else if (ver == major)
				better = 1;
			else
				better = ver > major && best_v != major && (!best_v || ver < best_v);
			if (better) {
				free(best);
				best = xstrdup(g.gl_pathv[i]);
				best_v = ver;
			}
		}
		globfree(&g);
	}
	sb_release(&pat);
	return best ? best : on_path(name);
}

/* The last lines of what a tool said on its standard error (at most LEN bytes, on one line). */
static void tail_of(int fd, char *out, size_t len)
{
	char buf[2048];
	off_t size = lseek(fd, 0, SEEK_END);
	off_t from = size > (off_t)sizeof(buf) - 1 ? size - (off_t)sizeof(buf) + 1 : 0;
	ssize_t n = pread(fd, buf, sizeof(buf) - 1, from);
	buf[n > 0 ? n : 0] = 0;
	size_t l = strlen(buf);
	while (l && (buf[l - 1] == '\n' || buf[l - 1] == ' '))
		buf[--l] = 0;
	/* the last few lines, the newest last */
	char *start = buf;
	int lines = 0;
	for (char *p = buf + l; p > buf; p--)
		if (p[-1] == '\n' && ++lines == 3) {
			start = p;
			break;
		}
	for (char *p = start; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	if (strlen(start) >= len && len > 4)
		start += strlen(start) - (len - 4); /* the end says most: keep it */
	snprintf(out, len, "%s%s", start == buf ? "" : "…", start);
}

/* Runs ARGV (ARGV[0] a program's name, found by tool_path for MAJOR) with standard output into
 * OUT (NULL: /dev/null) and the password PASSWORD (may be NULL) in a passfile in WORK. WATCH, when
 * not NULL, is a file whose size is reported to PROGRESS against ESTIMATE while it runs. 0 when
 * it exited 0, else -1 with ERR (what it said on its standard error). */
static int run_tool(char **argv, int major, const char *password, const char *work, const char *out,
		    const char *watch, int64_t estimate, pgd_progress_fn progress, void *arg, char *err, size_t errlen)
{
	const char *name = argv[0];
	char *path = tool_path(name, major);
	struct sb pass = SB_INIT, errp = SB_INIT, env_pass = SB_INIT;
	char **envp = NULL;
	int in = -1, outfd = -1, errfd = -1, rc = -1;
	if (!path) {
		snprintf(err, errlen, "%s was not found (in /usr/lib/postgresql/*/bin nor on PATH): install PostgreSQL's client "
			 "programs (Debian: apt-get install postgresql-client)", name);
		goto out;
	}
	/* the password in a passfile only this user reads, never on the command line */
	if (password) {
		sb_addf(&pass, "%s/.pgpass-XXXXXX", work);
		int pfd = mkostemp(pass.buf, O_CLOEXEC); /* 0600 */
		struct sb line = SB_INIT;
		sb_adds(&line, "*:*:*:*:");
		for (const char *p = password; *p; p++) {
			if (*p == ':' || *p == '\\')
				sb_adds(&line, "\\");
			sb_add(&line, p, 1);
		}
		sb_adds(&line, "\n");
		int ok = pfd >= 0 && fchmod(pfd, 0600) == 0 && write(pfd, line.buf, line.len) == (ssize_t)line.len;
		sodium_memzero(line.buf, line.len);
		sb_release(&line);
		if (pfd >= 0)
			close(pfd);
		if (!ok) {
			snprintf(err, errlen, "cannot write a passfile in %s: %s", work, strerror(errno));
			goto out;
		}
		sb_addf(&env_pass, "PGPASSFILE=%s", pass.buf);
	}
	size_t n = 0;
	while (environ && environ[n])
		n++;
	envp = xcalloc(n + 2, sizeof(char *));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		/* the URL's password wins over the environment's, as it does for Cổng's own connection */
		if (password && (strncmp(environ[i], "PGPASSWORD=", 11) == 0 || strncmp(environ[i], "PGPASSFILE=", 11) == 0))
			continue;
		envp[k++] = environ[i];
	}
	if (password)
		envp[k++] = env_pass.buf;
	envp[k] = NULL;

	sb_addf(&errp, "%s/.pgtool-XXXXXX", work);
	errfd = mkostemp(errp.buf, O_CLOEXEC);
	in = open("/dev/null", O_RDONLY | O_CLOEXEC);
	outfd = out ? open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (errfd < 0 || in < 0 || outfd < 0) {
		snprintf(err, errlen, "cannot run %s: %s", name, strerror(errno));
		goto out;
	}
	argv[0] = path;
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		/* the child: async-signal-safe calls only (the server's other threads) */
		struct sigaction dfl;
		memset(&dfl, 0, sizeof(dfl));
		dfl.sa_handler = SIG_DFL;
		sigaction(SIGPIPE, &dfl, NULL);
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		if (dup2(in, 0) < 0 || dup2(outfd, 1) < 0 || dup2(errfd, 2) < 0)
			_exit(126);
		close_range(3, ~0U, 0);
		prctl(PR_SET_PDEATHSIG, SIGKILL); /* a killed backup leaves no pg_dump behind */
		if (getppid() != parent)
			_exit(126);
		execve(path, argv, envp);
		_exit(127);
	}
	argv[0] = (char *)name;
	if (pid < 0) {
		snprintf(err, errlen, "cannot run %s: %s", name, strerror(errno));
		goto out;
	}
	close(in);
	close(outfd);
	in = outfd = -1;
	int status = 0;
	for (;;) {
		pid_t r = waitpid(pid, &status, progress && watch ? WNOHANG : 0);
		if (r == pid)
			break;
		if (r < 0 && errno != EINTR) {
			snprintf(err, errlen, "%s: %s", name, strerror(errno));
			goto out;
		}
		if (r == 0) {
			struct stat st;
			if (stat(watch, &st) == 0)
				progress((int64_t)st.st_size < estimate ? (int64_t)st.st_size : estimate * 99 / 100, estimate, arg);
			struct timespec ts = { 0, 100 * 1000000 };
			nanosleep(&ts, NULL);
		}
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		rc = 0;
	} else {
		char said[400];
		tail_of(errfd, said, sizeof(said));
		if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && !*said)
			snprintf(err, errlen, "%s (%s) could not be started", name, path);
		else if (WIFEXITED(status))
			snprintf(err, errlen, "%s failed (exit status %d): %s", name, WEXITSTATUS(status), *said ? said : "(no message)");
		else
			snprintf(err, errlen, "%s was killed by signal %d: %s", name, WTERMSIG(status), said);
	}
out:
	if (in >= 0)
		close(in);
	if (outfd >= 0)
		close(outfd);
	if (errfd >= 0) {
		close(errfd);
		unlink(errp.buf);
	}
	if (pass.len)
		unlink(pass.buf);
	if (env_pass.len)
		sodium_memzero(env_pass.buf, env_pass.len);
	free(envp);
	free(path);
	sb_release(&pass);
	sb_release(&errp);
	sb_release(&env_pass);
	return rc;
}

int pgd_dump(const char *url, int major, const char *snapshot, const char *out, const char *work, int64_t estimate,
	     pgd_progress_fn progress, void *arg, char *err, size_t errlen)
{
	PQconninfoOption *o = url_parse(url, err, errlen);
	if (!o)
		return -1;
	struct sb file = SB_INIT, snap = SB_INIT, db = SB_INIT;
	char *bare = url_build(o, NULL, 0);
	sb_addf(&file, "--file=%s", out);
	sb_addf(&db, "--dbname=%s", bare);
	if (snapshot)
		sb_addf(&snap, "--snapshot=%s", snapshot);
	/* --compress=0: the archive compresses it (zstd) once; --no-password: never a prompt */
	char *argv[] = { "pg_dump", "--format=custom", "--compress=0", "--no-password", file.buf, db.buf,
			 snapshot ? snap.buf : NULL, NULL };
	int rc = run_tool(argv, major, url_password(o), work, NULL, out, estimate > 0 ? estimate : 1, progress, arg, err,
			  errlen);
	free(bare);
	url_free(o);
	sb_release(&file);
	sb_release(&snap);
	sb_release(&db);
	return rc;
}

int pgd_list(const char *dump, const char *work, int64_t *entries, char *err, size_t errlen)
{
	struct sb list = SB_INIT;
	sb_addf(&list, "%s/.pg-list", work);
	char *argv[] = { "pg_restore", "--list", (char *)dump, NULL };
	int rc = run_tool(argv, 0, NULL, work, list.buf, NULL, 0, NULL, NULL, err, errlen);
	*entries = 0;
	FILE *f = rc ? NULL : fopen(list.buf, "r");
	if (f) {
		char line[4096];
		while (fgets(line, sizeof(line), f))
			if (line[0] != ';' && line[0] != '\n') /* ";" starts the header's and the comments' lines */
				(*entries)++;
		fclose(f);
	}
	if (!rc && *entries == 0) {
		snprintf(err, errlen, "pg_restore --list found nothing in %s", dump);
		rc = -1;
	}
	unlink(list.buf);
	sb_release(&list);
	return rc;
}

int pgd_restore(const char *url, int major, const char *dump, const char *work, char *err, size_t errlen)
{
	PQconninfoOption *o = url_parse(url, err, errlen);
	if (!o)
		return -1;
	struct sb db = SB_INIT;
	char *bare = url_build(o, NULL, 0);
	sb_addf(&db, "--dbname=%s", bare);
	char *argv[] = { "pg_restore", "--no-owner", "--exit-on-error", "--single-transaction", "--no-password", db.buf,
			 (char *)dump, NULL };
	int rc = run_tool(argv, major, url_password(o), work, NULL, NULL, 0, NULL, NULL, err, errlen);
	free(bare);
	url_free(o);
	sb_release(&db);
	return rc;
}

/* ---- the drill's databases ---- */

void pgd_drill_name(char *buf, size_t len)
{
	unsigned char rnd[4];
	char hex[9];
	struct tm tm;
	time_t now = time(NULL);
	gmtime_r(&now, &tm);
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	snprintf(buf, len, "cong_drill_%04d%02d%02d%02d%02d%02d_%s", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		 tm.tm_min, tm.tm_sec, hex);
}

int pgd_drop_stale(struct db *db, int major, int64_t older_than)
{
	json_t *names = pgadmin_drill_databases(db), *v;
	char cut[48], err[600];
	struct tm tm;
	time_t t = time(NULL) - (time_t)older_than;
	gmtime_r(&t, &tm);
	snprintf(cut, sizeof(cut), "cong_drill_%04d%02d%02d%02d%02d%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
		 tm.tm_hour, tm.tm_min, tm.tm_sec);
	size_t i;
	int n = 0;
	json_array_foreach(names, i, v) {
		const char *name = json_string_value(v);
		/* a drill's name says when it began: one older than that is not running any more */
		if (!name || strlen(name) != strlen(cut) + 9 || strncmp(name, cut, strlen(cut)) >= 0)
			continue;
		if (pgadmin_drop_database(db, name, major, err, sizeof(err)) == 0)
			n++;
		else
			log_warn("backup: the drill's database %s, left by an earlier run, could not be dropped: %s", name, err);
	}
	json_decref(names);
	return n;
}
