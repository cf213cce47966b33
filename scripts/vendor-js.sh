#!/usr/bin/env bash
# Refresh static/vendor/ from the npm packages pinned in package.json (exact versions, lockfile).
# The copies are committed, so running the server never needs npm; run this after a version bump.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --ignore-scripts --no-audit --no-fund
out=static/vendor
rm -rf "$out" && mkdir -p "$out/licenses"
cp node_modules/socket.io-client/dist/socket.io.min.js "$out/"
cp node_modules/hls.js/dist/hls.min.js "$out/"
# socket.io.min.js bundles its dependencies: keep every bundled package's licence.
for pkg in node_modules/*/ node_modules/@*/*/; do
  name=${pkg#node_modules/}; name=${name%/}
  for lic in "$pkg"LICENSE*; do
    [ -f "$lic" ] && cp "$lic" "$out/licenses/${name//\//__}.LICENSE"
  done
done
node -e '
const fs = require("fs");
const lock = JSON.parse(fs.readFileSync("package-lock.json"));
const rows = Object.entries(lock.packages).filter(([k]) => k).map(([k, v]) => `${k.replace("node_modules/", "")} ${v.version} ${v.license || ""}`);
fs.writeFileSync("static/vendor/VERSIONS.txt", rows.join("\n") + "\n");
'
cat "$out/VERSIONS.txt"
