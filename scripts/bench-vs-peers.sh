#!/usr/bin/env bash
# Measures Keyshard's FROST beside the peers of ../shared/peers in one run on this machine, so the
# README's ratios compare like with like (these machines are noisy; absolute numbers drift).
#
# Usage: scripts/bench-vs-peers.sh [PEERS_DIR]
#   PEERS_DIR: where ../shared/peers/install.sh installed the npm peers (installed there if missing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peers="${1:-$root/../peers}"
shared="$root/../shared/peers"

if [ ! -d "$peers/node_modules/@toruslabs/tss-frost-lib" ]; then
  echo "installing peers into $peers (about a minute)..." >&2
  bash "$shared/install.sh" "$peers" >&2
fi

echo "== Keyshard (./keyshard bench; all parties in one thread, through the wire codecs)"
for scheme in ed25519 bip340; do
  for shape in "2 3" "3 5"; do
    set -- $shape
    "$root/keyshard" bench --scheme "$scheme" -t "$1" -n "$2" --runs 200 --warmup 300 --json
  done
done

echo "== @toruslabs/tss-frost-lib (Ed25519, 2-of-3)"
(cd "$peers" && node torus-frost-bench.mjs 30 | grep '^\[tss-frost-lib\] keygen')
echo "== @bitgo/wasm-mps (Ed25519) and @cmdcode/frost (BIP-340)"
(cd "$peers" && node frost-bench.mjs 20 | grep -E '^\[(@bitgo|@cmdcode)')
echo "== Vultisig's engines from @vultisig/sdk (vs_wasm DKLs23, vs_schnorr_wasm EdDSA)"
(cd "$peers" && node vs-mpc-bench.mjs "${VS_RUNS:-3}" '[[2,3],[3,5]]' | grep -A2 '^== ')
