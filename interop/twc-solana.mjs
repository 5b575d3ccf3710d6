// twc-solana.mjs — Trust Wallet Core (WASM, npm @trustwallet/wallet-core) compiles Solana SOL
// transfers on its own: TransactionCompiler.preImageHashes(CoinType.solana, SigningInput) gives
// the message to sign, compileWithSignatures the wire transaction with a given signature.
// stdin: JSON array of {sender, recipient, lamports, recentBlockhash, priorityFee?, computeUnits?,
//   signature? (hex, 64 bytes), publicKey? (hex, 32 bytes)}; base58 addresses and blockhash,
//   decimal lamports and micro-lamports. stdout: JSON array of {message (hex), encoded (base64
//   wire transaction, when a signature was given)}. Exit 1 on any error.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { initWasm, TW } = require('@trustwallet/wallet-core');
const Long = require('long');

const input = JSON.parse(await new Promise((ok) => {
  let s = ''; process.stdin.on('data', (d) => { s += d; }); process.stdin.on('end', () => ok(s));
}));
const core = await initWasm();
const { CoinType, TransactionCompiler, DataVector } = core;
const Solana = TW.Solana.Proto;
const out = [];
for (const t of input) {
  const fields = {
    sender: t.sender, recentBlockhash: t.recentBlockhash, txEncoding: Solana.Encoding.Base64,
    transferTransaction: { recipient: t.recipient, value: Long.fromString(t.lamports, true) },
  };
  if (t.priorityFee !== undefined) fields.priorityFeePrice = { price: Long.fromString(t.priorityFee, true) };
  if (t.computeUnits !== undefined) fields.priorityFeeLimit = { limit: Number(t.computeUnits) };
  const bytes = Solana.SigningInput.encode(Solana.SigningInput.create(fields)).finish();
  const pre = TW.TxCompiler.Proto.PreSigningOutput.decode(TransactionCompiler.preImageHashes(CoinType.solana, bytes));
  if (pre.errorMessage) { console.error('wallet-core:', pre.errorMessage); process.exit(1); }
  const r = { message: Buffer.from(pre.data).toString('hex') };
  if (t.signature) {
    const sigs = DataVector.createWithData(Buffer.from(t.signature, 'hex'));
    const keys = DataVector.createWithData(Buffer.from(t.publicKey, 'hex'));
    const signed = Solana.SigningOutput.decode(TransactionCompiler.compileWithSignatures(CoinType.solana, bytes, sigs, keys));
    sigs.delete(); keys.delete();
    if (signed.errorMessage) { console.error('wallet-core:', signed.errorMessage); process.exit(1); }
    r.encoded = signed.encoded;
  }
  out.push(r);
}
console.log(JSON.stringify(out));
