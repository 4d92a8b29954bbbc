#!/usr/bin/env bash
# Builds the Firefox extension (production) and runs Mozilla's linter (web-ext lint) on it, as
# addons.mozilla.org would. Fails on any lint error; warnings are printed and allowed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/node22.sh
npx wxt build -b firefox
npx web-ext lint --source-dir .output/firefox-mv3 --no-config-discovery
