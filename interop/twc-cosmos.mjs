// twc-cosmos.mjs — Trust Wallet Core (WASM, npm @trustwallet/wallet-core) builds the same Cosmos
// SDK send on its own, for an external (threshold) signer: TransactionCompiler.preImageHashes gives
// the SIGN_MODE_DIRECT sign bytes and their sha256; compileWithSignatures puts our signature in and
// gives the TxRaw it would broadcast. CoinType.cosmos sends a bank MsgSend, CoinType.thorchain a
// THORChain MsgSend; the npm build has no MayaChain coin type, so MayaChain goes through
// CoinType.thorchain with Maya's chain id and denom, as Vultisig does (its MsgSend is the same
// message, and the raw address bytes carry no prefix).
// stdin: JSON array of {coin: "cosmos"|"thorchain", chainId, accountNumber, sequence, memo, gas,
//   fee (base units, "0" for none), denom, amount, from, to (bech32 for cosmos), fromHex, toHex
//   (20 bytes, for thorchain), publicKey (hex, 33 bytes), signature (hex r||s)}.
// stdout: JSON array of {data (hex sign bytes), dataHash (hex), txBytes (base64 TxRaw),
//   chainId (wallet-core's mainnet chain id for the coin type), address (wallet-core's address of
//   the public key for the coin type)}. Exit 1 on error.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { initWasm, TW } = require('@trustwallet/wallet-core');
const Long = require('long');

const input = JSON.parse(await new Promise((ok) => {
  let s = ''; process.stdin.on('data', (d) => { s += d; }); process.stdin.on('end', () => ok(s));
}));
const core = await initWasm();
const { CoinType, CoinTypeExt, TransactionCompiler, DataVector, AnyAddress, PublicKey, PublicKeyType } = core;
const C = TW.Cosmos.Proto;
const hex = (u) => Buffer.from(u).toString('hex');
const out = [];
for (const t of input) {
  const amounts = [C.Amount.create({ denom: t.denom, amount: t.amount })];
  const message = t.coin === 'cosmos'
    ? C.Message.create({ sendCoinsMessage: C.Message.Send.create({ fromAddress: t.from, toAddress: t.to, amounts }) })
    : C.Message.create({ thorchainSendMessage: C.Message.THORChainSend.create({
      fromAddress: Buffer.from(t.fromHex, 'hex'), toAddress: Buffer.from(t.toHex, 'hex'), amounts }) });
  const fee = C.Fee.create({ gas: Long.fromString(t.gas, true) });
  if (t.fee !== '0') fee.amounts = [C.Amount.create({ denom: t.denom, amount: t.fee })];
  const signingInput = C.SigningInput.create({
    signingMode: C.SigningMode.Protobuf, chainId: t.chainId,
    accountNumber: Long.fromString(t.accountNumber, true), sequence: Long.fromString(t.sequence, true),
    memo: t.memo, fee, messages: [message], publicKey: Buffer.from(t.publicKey, 'hex'),
  });
  const bytes = C.SigningInput.encode(signingInput).finish();
  const coin = t.coin === 'cosmos' ? CoinType.cosmos : CoinType.thorchain;
  const pre = TW.TxCompiler.Proto.PreSigningOutput.decode(TransactionCompiler.preImageHashes(coin, bytes));
  if (pre.errorMessage) { console.error('wallet-core:', pre.errorMessage); process.exit(1); }
  const sigs = DataVector.createWithData(Buffer.from(t.signature, 'hex'));
  const keys = DataVector.createWithData(Buffer.from(t.publicKey, 'hex'));
  const signed = C.SigningOutput.decode(TransactionCompiler.compileWithSignatures(coin, bytes, sigs, keys));
  if (signed.errorMessage) { console.error('wallet-core:', signed.errorMessage); process.exit(1); }
  const key = PublicKey.createWithData(Buffer.from(t.publicKey, 'hex'), PublicKeyType.secp256k1);
  out.push({ data: hex(pre.data), dataHash: hex(pre.dataHash), txBytes: JSON.parse(signed.serialized).tx_bytes,
    chainId: CoinTypeExt.chainId(coin), address: AnyAddress.createWithPublicKey(key, coin).description() });
}
console.log(JSON.stringify(out));
