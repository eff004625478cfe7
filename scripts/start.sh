#!/usr/bin/env bash
# Installs everything and runs Bot Manager on its embedded default:
# API + worker + web UI in one process, PGlite in-process, a Temporal dev server as a child.
source "$(dirname "$0")/lib/common.sh"
install_node_deps
ensure_temporal_cli
build_web
# The console shows the URL, warnings and errors; LOG_LEVEL=info shows every request.
export LOG_LEVEL="${LOG_LEVEL:-warn}"
exec node --import tsx apps/server/src/main.ts "$@"
