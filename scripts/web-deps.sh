#!/usr/bin/env bash
# Installs the web app's npm packages from the lockfile when they are missing or stale.
set -euo pipefail
cd "$(dirname "$0")/../web"
stamp=node_modules/.package-lock.json
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ]; then
  exit 0
fi
export npm_config_yes=true npm_config_fund=false npm_config_audit=false
npm ci --no-audit --no-fund
