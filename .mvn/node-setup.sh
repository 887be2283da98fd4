#!/usr/bin/env bash
# Supplies the Node.js that Vaadin's frontend build expects, without nodejs.org:
# Vaadin 25 refuses Node 20 and cannot download Node on machines that reach only npm.
# Node and npm are both published as npm packages; they are laid out where Vaadin looks
# (~/.vaadin/node-vX). Idempotent: does nothing when that Node already runs.
set -euo pipefail
NODE_VERSION="${1:-24.15.0}"
NPM_VERSION="${FLOWDESK_NPM_VERSION:-11.6.2}"
HOME_DIR="${VAADIN_HOME:-$HOME/.vaadin}"
D="$HOME_DIR/node-v$NODE_VERSION"

if [ -x "$D/bin/node" ] && [ "$("$D/bin/node" --version 2>/dev/null)" = "v$NODE_VERSION" ] && [ -e "$D/bin/npm" ]; then
  exit 0
fi
command -v npm >/dev/null || { echo "node-setup: npm is needed once to fetch Node $NODE_VERSION from the npm registry" >&2; exit 1; }
case "$(uname -m)" in x86_64) ARCH=x64 ;; aarch64|arm64) ARCH=arm64 ;; *) echo "node-setup: unsupported arch $(uname -m)" >&2; exit 1 ;; esac
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
echo "node-setup: assembling Node v$NODE_VERSION + npm $NPM_VERSION from the npm registry into $D"
( cd "$WORK" && npm pack --silent "node-linux-$ARCH@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null )
rm -rf "$D.tmp" && mkdir -p "$D.tmp/bin" "$D.tmp/lib/node_modules"
tar xzf "$WORK/node-linux-$ARCH-$NODE_VERSION.tgz" -C "$WORK"
cp "$WORK/package/bin/node" "$D.tmp/bin/node"
chmod +x "$D.tmp/bin/node"
tar xzf "$WORK/npm-$NPM_VERSION.tgz" -C "$D.tmp/lib/node_modules"
mv "$D.tmp/lib/node_modules/package" "$D.tmp/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$D.tmp/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$D.tmp/bin/npx"
rm -rf "$D" && mv "$D.tmp" "$D"
"$D/bin/node" --version
