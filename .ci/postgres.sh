#!/usr/bin/env bash
# A real PostgreSQL for the case-ledger tests (test/helpers/postgres.ts): install when missing, start the
# Debian cluster, create the role and database, and print the connection URL. Run as root (CI and the
# developers' machines); `source`-free: `export ROTA_PG_URL=$(bash .ci/postgres.sh)`.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_ctlcluster >/dev/null; then
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
# (Read into a variable first: grep -q leaving a pipe early would fail the pipe under pipefail.)
clusters=$(pg_lsclusters -h)
grep -q "^$version main" <<<"$clusters" || pg_createcluster "$version" main >&2
clusters=$(pg_lsclusters -h)
grep -q "^$version main .* online" <<<"$clusters" || pg_ctlcluster "$version" main start >&2
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
psql_admin() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
for _ in $(seq 30); do psql_admin 'select 1' >/dev/null 2>&1 && break; sleep 1; done
[ "$(psql_admin "select 1 from pg_roles where rolname = 'rota'")" = 1 ] || psql_admin "create role rota login password 'rota'" >&2
[ "$(psql_admin "select 1 from pg_database where datname = 'rota_test'")" = 1 ] || psql_admin 'create database rota_test owner rota' >&2
echo "postgres://rota:rota@127.0.0.1:$port/rota_test"
