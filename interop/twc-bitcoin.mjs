// twc-bitcoin.mjs — Trust Wallet Core (WASM, npm @trustwallet/wallet-core) computes the per-input
// signature hashes of Bitcoin-family transactions on its own:
// TransactionCompiler.preImageHashes(CoinType.X, Bitcoin.Proto.SigningInput{signingV2: BitcoinV2
// SigningInput}) with the inputs, outputs, version and lock time fixed (InputSelector.UseAll, no
// change computed by TW), so TW selects nothing and every difference is in the hashing.
// stdin: JSON array of {coin: "bitcoin"|"litecoin"|"dogecoin"|"bitcoinCash", version, lockTime,
//   inputs: [{txid (display hex), vout, sequence, value (decimal string), type: "p2wpkh"|"p2pkh"|
//   "p2tr", publicKey (33-byte hex), sighashType}], outputs: [{value (decimal), script (hex)}]}.
// stdout: JSON array (one per case) of arrays (one per input, TW's order) of
//   {sighash, publicKey, signingMethod} hex. Exit 1 with TW's error message on any error.
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
  const legacy = TW.Bitcoin.Proto.SigningInput.create({ signingV2: v2, coinType: CoinType[c.coin].value });
  const bytes = TW.Bitcoin.Proto.SigningInput.encode(legacy).finish();
  const pre = TW.Bitcoin.Proto.PreSigningOutput.decode(TransactionCompiler.preImageHashes(CoinType[c.coin], bytes));
  const r = pre.preSigningResultV2;
  if (pre.errorMessage || !r || r.errorMessage || (r.error && r.error !== 0)) {
    console.error('wallet-core:', pre.errorMessage || (r && (r.errorMessage || r.error)) || 'no V2 result');
    process.exit(1);
  }
  out.push(r.sighashes.map((s) => ({ sighash: hex(s.sighash), publicKey: hex(s.publicKey), signingMethod: s.signingMethod })));
}
console.log(JSON.stringify(out));
