// twc-evm.mjs — Trust Wallet Core (WASM, npm @trustwallet/wallet-core) computes the signing hash
// of EVM transactions on its own: TransactionCompiler.preImageHashes(CoinType.ethereum, SigningInput).
// stdin: JSON array of {type: "eip1559"|"legacy", chainId, nonce, gasLimit, maxFeePerGas,
//   maxPriorityFeePerGas, gasPrice, to, value, token?, tokenRecipient?, tokenAmount?}, quantities as
//   decimal strings in wei. stdout: JSON array of {dataHash, data} hex (no 0x). Exit 1 on any error.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { initWasm, TW } = require('@trustwallet/wallet-core');

const input = JSON.parse(await new Promise((ok) => {
  let s = ''; process.stdin.on('data', (d) => { s += d; }); process.stdin.on('end', () => ok(s));
}));
const core = await initWasm();
const { CoinType, TransactionCompiler } = core;
const be = (dec) => { let h = BigInt(dec).toString(16); if (h.length % 2) h = '0' + h; return h === '00' ? new Uint8Array() : Buffer.from(h, 'hex'); };
const hex = (u) => Buffer.from(u).toString('hex');
const out = [];
for (const t of input) {
  const fields = { chainId: be(t.chainId), nonce: be(t.nonce), gasLimit: be(t.gasLimit) };
  if (t.type === 'eip1559') {
    Object.assign(fields, { txMode: TW.Ethereum.Proto.TransactionMode.Enveloped,
      maxFeePerGas: be(t.maxFeePerGas), maxInclusionFeePerGas: be(t.maxPriorityFeePerGas) });
  } else {
    Object.assign(fields, { txMode: TW.Ethereum.Proto.TransactionMode.Legacy, gasPrice: be(t.gasPrice) });
  }
  if (t.token) {
    fields.toAddress = t.token;
    fields.transaction = { erc20Transfer: { to: t.tokenRecipient, amount: be(t.tokenAmount) } };
  } else {
    fields.toAddress = t.to;
    fields.transaction = { transfer: { amount: be(t.value) } };
  }
  const bytes = TW.Ethereum.Proto.SigningInput.encode(TW.Ethereum.Proto.SigningInput.create(fields)).finish();
  const pre = TW.TxCompiler.Proto.PreSigningOutput.decode(TransactionCompiler.preImageHashes(CoinType.ethereum, bytes));
  if (pre.errorMessage) { console.error('wallet-core:', pre.errorMessage); process.exit(1); }
  out.push({ dataHash: hex(pre.dataHash), data: hex(pre.data) });
}
console.log(JSON.stringify(out));
