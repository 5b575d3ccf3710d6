// bch-verify.mjs — libauth's Bitcoin Cash virtual machine (npm @bitauth/libauth, its own script
// interpreter and FORKID sighash) verifies every input of a transaction against the outputs it spends.
// stdin: JSON array of {tx: hex, sourceOutputs: [{lockingBytecode: hex, valueSatoshis: "decimal"}]}
//   (one source output per input, in input order).
// stdout: JSON array of {valid: true} or {valid: false, error: "libauth's reason"}, one per case.
// Exit 1 only when the input itself cannot be read.
import { createVirtualMachineBCH, decodeTransaction, hexToBin } from '@bitauth/libauth';

const input = JSON.parse(await new Promise((ok) => {
  let s = ''; process.stdin.on('data', (d) => { s += d; }); process.stdin.on('end', () => ok(s));
}));
const vm = createVirtualMachineBCH(true); // standard: the policy flags nodes relay with
const out = [];
for (const c of input) {
  const transaction = decodeTransaction(hexToBin(c.tx));
  if (typeof transaction === 'string') { out.push({ valid: false, error: 'decode: ' + transaction }); continue; }
  const sourceOutputs = c.sourceOutputs.map((o) => ({
    lockingBytecode: hexToBin(o.lockingBytecode), valueSatoshis: BigInt(o.valueSatoshis) }));
  const r = vm.verify({ sourceOutputs, transaction });
  out.push(r === true ? { valid: true } : { valid: false, error: String(r) });
}
console.log(JSON.stringify(out));
