// cosmos-verify.mjs — checks a signed Cosmos SDK transaction (SIGN_MODE_DIRECT, one secp256k1
// signer) the way a Cosmos SDK node's ante handler does, with code Keyshard did not write:
// cosmjs-types decodes TxRaw, TxBody, AuthInfo and the message; @noble/hashes and @noble/curves
// rebuild SignDoc{body_bytes, auth_info_bytes, chain_id, account_number}, hash it with sha256 and
// verify the signature (low S required, as the SDK's secp256k1 VerifySignature). The signer's key
// must hash (ripemd160(sha256(key)), bech32 with the chain's prefix) to the expected sender and
// to the message's from address.
// stdin: JSON array of {txBytes (base64 TxRaw), chainId, accountNumber, from, hrp}.
// stdout: JSON array of {valid, reason, typeUrl, from, to, amount, denom, sequence, fee, feeDenom,
//   gas, memo}. Exit 1 on unreadable input.
import { createRequire } from 'node:module';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { ripemd160 } from '@noble/hashes/legacy.js';

const require = createRequire(import.meta.url);
const { TxRaw, TxBody, AuthInfo, SignDoc } = require('cosmjs-types/cosmos/tx/v1beta1/tx');
const { PubKey } = require('cosmjs-types/cosmos/crypto/secp256k1/keys');
const { MsgSend } = require('cosmjs-types/cosmos/bank/v1beta1/tx');
const { Coin } = require('cosmjs-types/cosmos/base/v1beta1/coin');
const { SignMode } = require('cosmjs-types/cosmos/tx/signing/v1beta1/signing');
const { BinaryReader } = require('cosmjs-types/binary');

// BIP-173 bech32, written from the specification.
const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
function polymod(values) {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= gen[i];
  }
  return chk;
}
function bech32(hrp, bytes) {
  const data = [];
  let acc = 0; let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b; bits += 8;
    while (bits >= 5) { bits -= 5; data.push((acc >>> bits) & 31); }
  }
  if (bits > 0) data.push((acc << (5 - bits)) & 31);
  const expand = [...hrp].map((c) => c.charCodeAt(0) >> 5).concat([0], [...hrp].map((c) => c.charCodeAt(0) & 31));
  const mod = polymod(expand.concat(data, [0, 0, 0, 0, 0, 0])) ^ 1;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
  return hrp + '1' + data.concat(checksum).map((d) => CHARSET[d]).join('');
}

// thornode / mayanode types.MsgSend: bytes from_address = 1, bytes to_address = 2, repeated Coin amount = 3.
function decodeThorchainSend(bytes) {
  const r = new BinaryReader(bytes);
  const out = { fromAddress: new Uint8Array(), toAddress: new Uint8Array(), amount: [] };
  while (r.pos < r.len) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1: out.fromAddress = r.bytes(); break;
      case 2: out.toAddress = r.bytes(); break;
      case 3: out.amount.push(Coin.decode(r, r.uint32())); break;
      default: r.skipType(tag & 7);
    }
  }
  return out;
}

function check(t) {
  const raw = TxRaw.decode(Buffer.from(t.txBytes, 'base64'));
  const body = TxBody.decode(raw.bodyBytes);
  const auth = AuthInfo.decode(raw.authInfoBytes);
  const out = { valid: false, reason: '' };
  if (body.messages.length !== 1) return { ...out, reason: body.messages.length + ' messages' };
  const any = body.messages[0];
  out.typeUrl = any.typeUrl;
  let msg;
  if (any.typeUrl === '/cosmos.bank.v1beta1.MsgSend') {
    const m = MsgSend.decode(any.value);
    msg = { from: m.fromAddress, to: m.toAddress, amount: m.amount };
  } else if (any.typeUrl === '/types.MsgSend') {
    const m = decodeThorchainSend(any.value);
    msg = { from: bech32(t.hrp, m.fromAddress), to: bech32(t.hrp, m.toAddress), amount: m.amount };
  } else {
    return { ...out, reason: 'unknown message ' + any.typeUrl };
  }
  Object.assign(out, { from: msg.from, to: msg.to, memo: body.memo });
  if (msg.amount.length === 1) Object.assign(out, { amount: msg.amount[0].amount, denom: msg.amount[0].denom });
  const fee = auth.fee;
  out.gas = fee.gasLimit.toString();
  out.fee = fee.amount.length ? fee.amount[0].amount : '0';
  if (fee.amount.length) out.feeDenom = fee.amount[0].denom;
  if (auth.signerInfos.length !== 1 || raw.signatures.length !== 1) return { ...out, reason: 'not one signer' };
  const signer = auth.signerInfos[0];
  out.sequence = signer.sequence.toString();
  if (signer.publicKey.typeUrl !== '/cosmos.crypto.secp256k1.PubKey') return { ...out, reason: 'key type ' + signer.publicKey.typeUrl };
  if (!signer.modeInfo.single || signer.modeInfo.single.mode !== SignMode.SIGN_MODE_DIRECT) return { ...out, reason: 'not SIGN_MODE_DIRECT' };
  const key = PubKey.decode(signer.publicKey.value).key;
  const signerAddress = bech32(t.hrp, ripemd160(sha256(key)));
  if (signerAddress !== t.from) return { ...out, reason: 'signer is ' + signerAddress + ', expected ' + t.from };
  if (msg.from !== signerAddress) return { ...out, reason: 'message sender ' + msg.from + ' is not the signer' };
  const signDoc = SignDoc.encode({ bodyBytes: raw.bodyBytes, authInfoBytes: raw.authInfoBytes,
    chainId: t.chainId, accountNumber: BigInt(t.accountNumber) }).finish();
  const sig = raw.signatures[0];
  if (sig.length !== 64) return { ...out, reason: 'signature is ' + sig.length + ' bytes' };
  let ok = false;
  try {
    ok = secp256k1.verify(sig, sha256(signDoc), key, { prehash: false, lowS: true });
  } catch (e) {
    return { ...out, reason: 'signature unreadable: ' + e.message };
  }
  return { ...out, valid: ok, reason: ok ? '' : 'signature does not verify over the SignDoc' };
}

const input = JSON.parse(await new Promise((ok) => {
  let s = ''; process.stdin.on('data', (d) => { s += d; }); process.stdin.on('end', () => ok(s));
}));
console.log(JSON.stringify(input.map(check)));
