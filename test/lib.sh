# test/lib.sh: shared set-up for the demo and the test run.  Source it.
#
# Installs what is missing (Debian 12 packages), builds and installs the
# extension, and starts a throwaway PostgreSQL cluster as an unprivileged
# user on a private Unix socket, removed on exit.  With PGHOST or PGPORT
# already set, the existing server is used instead and no cluster is made.

VB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VB_PG_MAJOR=${VB_PG_MAJOR:-15}
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$VB_PG_MAJOR/bin/pg_config}
VB_PORT=${VB_PORT:-54329}

vb_log() { printf '==> %s\n' "$*" >&2; }

vb_as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	else
		sudo "$@"
	fi
}

vb_install_deps() {
	local pkg need=()
	for pkg in "postgresql-$VB_PG_MAJOR" "postgresql-server-dev-$VB_PG_MAJOR" \
		libpcre2-dev build-essential pkg-config "$@"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
			need+=("$pkg")
	done
	if [ ${#need[@]} -gt 0 ]; then
		vb_log "installing ${need[*]}"
		vb_as_root apt-get update -qq
		vb_as_root env DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
	fi
}

vb_build_install() {
	vb_log "building and installing verbatim"
	make -s -C "$VB_ROOT" PG_CONFIG="$PG_CONFIG" >/dev/null
	vb_as_root make -s -C "$VB_ROOT" PG_CONFIG="$PG_CONFIG" install >/dev/null
}

# The user that owns the throwaway cluster: never root.
vb_cluster_user() {
	if [ "$(id -u)" = 0 ]; then echo postgres; else id -un; fi
}

vb_as_cluster_user() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

vb_stop_cluster() {
	if [ -n "${VB_CLUSTER_DIR:-}" ] && [ -d "$VB_CLUSTER_DIR/data" ]; then
		vb_as_cluster_user "$($PG_CONFIG --bindir)/pg_ctl" -D "$VB_CLUSTER_DIR/data" \
			-m immediate stop >/dev/null 2>&1 || true
		rm -rf "$VB_CLUSTER_DIR"
	fi
}

vb_start_cluster() {
	if [ -n "${PGHOST:-}${PGPORT:-}" ] && [ -z "${VB_OWN_CLUSTER:-}" ]; then
		vb_log "using the server at PGHOST=${PGHOST:-} PGPORT=${PGPORT:-}"
		return
	fi
	local bindir user
	bindir=$("$PG_CONFIG" --bindir)
	user=$(vb_cluster_user)
	VB_CLUSTER_DIR=$(mktemp -d /tmp/verbatim-cluster.XXXXXX)
	chmod 755 "$VB_CLUSTER_DIR"
	[ "$(id -u)" = 0 ] && chown postgres:postgres "$VB_CLUSTER_DIR"
	trap vb_stop_cluster EXIT
	vb_log "starting a throwaway cluster in $VB_CLUSTER_DIR as $user"
	vb_as_cluster_user "$bindir/initdb" -D "$VB_CLUSTER_DIR/data" -U "$user" \
		-E UTF8 --locale=C.UTF-8 -A trust >"$VB_CLUSTER_DIR/initdb.log" 2>&1 || {
		cat "$VB_CLUSTER_DIR/initdb.log" >&2
		return 1
	}
	vb_as_cluster_user "$bindir/pg_ctl" -D "$VB_CLUSTER_DIR/data" -w \
		-l "$VB_CLUSTER_DIR/server.log" \
		-o "-p $VB_PORT -k $VB_CLUSTER_DIR -c listen_addresses=''" start >/dev/null || {
		cat "$VB_CLUSTER_DIR/server.log" >&2
		return 1
	}
	export PGHOST="$VB_CLUSTER_DIR" PGPORT="$VB_PORT" PGUSER="$user" PGDATABASE=postgres
}

vb_setup() {
	vb_install_deps "$@"
	vb_build_install
	vb_start_cluster
}

# psql that stops at the first error and prints nothing it need not.
vb_psql() {
	psql -X -q -v ON_ERROR_STOP=1 "$@"
}

# Load a JSON-lines file of articles into the current database through
# verbatim.ingest().  The CSV settings pass each line through untouched.
vb_ingest_jsonl() {
	local file=$1 db=$2
	vb_psql -d "$db" <<SQL
CREATE TEMP TABLE incoming (doc jsonb);
\copy incoming (doc) FROM '$file' WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02')
SELECT count(verbatim.ingest(doc)) AS articles_ingested FROM incoming;
SQL
}
