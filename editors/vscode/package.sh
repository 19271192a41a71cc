#!/bin/sh
# Packages the extension as jixiao-0.1.0.vsix, in a temporary copy so that node_modules/ never
# lands in the source tree. Needs node, npm and access to the npm registry.
#   sh editors/vscode/package.sh [OUTPUT_DIR]    (default: the current directory)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "${1:-.}" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-vsix.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

for f in "$here"/* "$here"/.vscodeignore; do
  case "$f" in */node_modules | *.vsix) ;; *) cp -R "$f" "$tmp"/ ;; esac
done
cd "$tmp"
npm install --omit=dev --no-audit --no-fund
# vsce 4 wants node 22; vsce 3 runs on node 20. VSCE=@vscode/vsce@x.y.z overrides.
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -ge 22 ]; then vsce=@vscode/vsce@latest; else vsce=@vscode/vsce@3; fi
vsce=${VSCE:-$vsce}
# package.json has repository and license; the flags keep vsce from asking on a terminal should
# either go (there is no LICENSE file here). --yes lets npx fetch vsce unasked.
npx --yes "$vsce" package --allow-missing-repository --skip-license \
  --out "$out/jixiao-0.1.0.vsix"
