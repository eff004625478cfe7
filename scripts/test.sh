#!/usr/bin/env bash
# Installs everything the suite needs (pnpm deps, the Temporal CLI, PostgreSQL and Chromium from
# Debian when missing), starts a Temporal dev server and a PostgreSQL server on loopback, then runs
# typecheck, lint and every test (unit and *.int.test.ts) through Turbo.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/services.sh"
install_node_deps
ensure_temporal_cli
ensure_postgres
ensure_chromium
start_postgres
start_temporal
export BM_TEST_TEMPORAL_CLI="$TEMPORAL_CLI"
find . -name .vitest-report.json -not -path '*/node_modules/*' -delete
status=0
pnpm_cmd exec turbo run typecheck lint test --concurrency=2 --continue --output-logs=errors-only "$@" || status=$?
node scripts/lib/summary.mjs
[ "$status" = 0 ] && log "all checks passed" || log "some checks failed (see above)"
exit "$status"
