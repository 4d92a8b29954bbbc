#!/usr/bin/env bash
# One entry point for a fresh machine: installs what is missing (Node 22 LTS from the npm registry,
# Debian's Chromium, the npm dependencies), then runs an npm script: `start` (the demo) or `test`.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/node22.sh

# chromium-l10n carries the French UI locale: on Linux the extension's language follows it.
if ! command -v chromium >/dev/null 2>&1 || [ ! -f /usr/lib/chromium/locales/fr.pak ]; then
  echo "vigie: installing Debian's chromium and chromium-l10n (needs root)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-l10n >/dev/null
fi

# Debian's Firefox ESR: the e2e tests also run in Firefox, over WebDriver BiDi (tests/e2e/firefox).
if ! command -v firefox-esr >/dev/null 2>&1; then
  echo "vigie: installing Debian's firefox-esr (needs root)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq firefox-esr >/dev/null
fi

# Reinstall when the lock file changed since the last install (or on a fresh clone).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

script="${1:-test}"
shift || true
exec npm run "$script" -- "$@"
