// twc-bitcoin.mjs — Trust Wallet Core (WASM, npm @trustwallet/wallet-core) computes the per-input
// signature hashes of Bitcoin-family transactions on its own:
// TransactionCompiler.preImageHashes(CoinType.X, Bitcoin.Proto.SigningInput{signingV2: BitcoinV2
// SigningInput}) with the inputs, outputs, version and lock time fixed (InputSelector.UseAll, no
// change computed by TW), so TW selects nothing and every difference is in the hashing.
// stdin: JSON array of {coin: "bitcoin"|"litecoin"|"dogecoin"|"bitcoinCash", version, lockTime,
//   inputs: [{txid (display hex), vout, sequence, value (decimal string), type: "p2wpkh"|"p2pkh"|
//   "p2tr", publicKey (33-byte hex), sighashType}], outputs: [{value (decimal), script (hex)}]}.
//   Optional legacy: {to, change (addresses), amount, fee, changeAmount} also runs the older C++
//   signer (Bitcoin.Proto.SigningInput with that fixed plan; inputs then need script, the spent
//   scriptPubKey hex): P2PKH/P2WPKH only.
// stdout: JSON array (one per case) of {v2: [...], legacy?: [...]}, one entry per input in TW's
//   order: {sighash, publicKey, signingMethod} (v2) or {sighash, publicKeyHash} (legacy), hex.
//   Exit 1 with TW's error message on any error.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { initWasm, TW } = require('@trustwallet/wallet-core');
const Long = require('long');

const input = JSON.parse(await new Promise((ok) => {
  let s = ''; process.stdin.on('data', (d) => { s += d; }); process.stdin.on('end', () => ok(s));
}));
const core = await initWasm();
const { CoinType, TransactionCompiler } = core;
const V2 = TW.BitcoinV2.Proto;
const hex = (u) => Buffer.from(u).toString('hex');
const bin = (h) => Buffer.from(h, 'hex');
const u64 = (dec) => Long.fromString(String(dec), true);

function scriptBuilder(i) {
  const key = bin(i.publicKey);
  if (i.type === 'p2wpkh') return { p2wpkh: { pubkey: key } };
  if (i.type === 'p2pkh') return { p2pkh: { pubkey: key } };
  if (i.type === 'p2tr') return { p2trKeyPath: key };
  throw new Error('unknown input type ' + i.type);
}

// The older C++ signer (Bitcoin.Proto.SigningInput with a fixed plan): P2PKH and P2WPKH only.
function legacyHashes(c) {
  const utxos = c.inputs.map((i) => ({
    outPoint: { hash: bin(i.txid).reverse(), index: i.vout, sequence: i.sequence },
    script: bin(i.script), amount: u64(i.value) }));
  const total = c.inputs.reduce((a, i) => a + BigInt(i.value), 0n);
  const l = c.legacy;
  const signingInput = TW.Bitcoin.Proto.SigningInput.create({
    hashType: c.inputs[0].sighashType, amount: u64(l.amount), byteFee: u64(1),
    toAddress: l.to, changeAddress: l.change, utxo: utxos, coinType: CoinType[c.coin].value,
    plan: { amount: u64(l.amount), availableAmount: u64(total), fee: u64(l.fee), change: u64(l.changeAmount), utxos } });
  const bytes = TW.Bitcoin.Proto.SigningInput.encode(signingInput).finish();
  const pre = TW.Bitcoin.Proto.PreSigningOutput.decode(TransactionCompiler.preImageHashes(CoinType[c.coin], bytes));
  if (pre.errorMessage || pre.error) {
    console.error('wallet-core (legacy):', pre.errorMessage || pre.error);
    process.exit(1);
  }
  return pre.hashPublicKeys.map((h) => ({ sighash: hex(h.dataHash), publicKeyHash: hex(h.publicKeyHash) }));
}

const out = [];
for (const c of input) {
  const builder = V2.TransactionBuilder.create({
    version: c.version === 1 ? V2.TransactionVersion.V1 : V2.TransactionVersion.V2,
    lockTime: c.lockTime,
    inputSelector: V2.InputSelector.UseAll,
    inputs: c.inputs.map((i) => V2.Input.create({
      outPoint: { hash: bin(i.txid).reverse(), vout: i.vout },
      value: u64(i.value),
      sighashType: i.sighashType,
      sequence: { sequence: i.sequence },
      scriptBuilder: scriptBuilder(i),
    })),
    outputs: c.outputs.map((o) => V2.Output.create({ value: u64(o.value), customScriptPubkey: bin(o.script) })),
    feePerVb: u64(0),
    fixedDustThreshold: u64(0), // Keyshard applied its own dust rules; TW must not drop outputs
  });
  const v2 = V2.SigningInput.create({ builder, publicKeys: c.inputs.map((i) => bin(i.publicKey)) });
  const wrapped = TW.Bitcoin.Proto.SigningInput.create({ signingV2: v2, coinType: CoinType[c.coin].value });
  const bytes = TW.Bitcoin.Proto.SigningInput.encode(wrapped).finish();
  const pre = TW.Bitcoin.Proto.PreSigningOutput.decode(TransactionCompiler.preImageHashes(CoinType[c.coin], bytes));
  const r = pre.preSigningResultV2;
  if (pre.errorMessage || !r || r.errorMessage || (r.error && r.error !== 0)) {
    console.error('wallet-core:', pre.errorMessage || (r && (r.errorMessage || r.error)) || 'no V2 result');
    process.exit(1);
  }
  const result = { v2: r.sighashes.map((s) => ({ sighash: hex(s.sighash), publicKey: hex(s.publicKey), signingMethod: s.signingMethod })) };
  if (c.legacy) result.legacy = legacyHashes(c);
  out.push(result);
}
console.log(JSON.stringify(out));
