// sol-verify.mjs — LiteSVM (the Agave SVM runtime in-process, npm litesvm) executes Solana
// transactions Keyshard built and signed, with signature verification and the blockhash check ON.
//   node sol-verify.mjs blockhash   prints {"blockhash": …}: a fresh LiteSVM's latest blockhash
//     (deterministic), for the transaction's recentBlockhash.
//   node sol-verify.mjs             stdin: {payer, recipient, airdrop (lamports), txs: [{label,
//     txBase64}]}. Each tx runs in a fresh LiteSVM in which the payer got `airdrop` lamports:
//     decoded with @solana/kit's getTransactionDecoder, then svm.sendTransaction.
//     stdout: JSON array of {label, ok, error, logs, computeUnits, signature, payerBalance,
//     recipientBalance} (balances in lamports, as strings). Exit 1 on a broken input.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { LiteSVM, FailedTransactionMetadata } = require('litesvm');
const kit = require('@solana/kit');

// litesvm's TransactionErrorFieldless is a const enum (types only): its names, by value.
const FIELDLESS = ['AccountInUse', 'AccountLoadedTwice', 'AccountNotFound', 'ProgramAccountNotFound',
  'InsufficientFundsForFee', 'InvalidAccountForFee', 'AlreadyProcessed', 'BlockhashNotFound',
  'CallChainTooDeep', 'MissingSignatureForFee', 'InvalidAccountIndex', 'SignatureFailure',
  'InvalidProgramForExecution', 'SanitizeFailure', 'ClusterMaintenance', 'AccountBorrowOutstanding',
  'WouldExceedMaxBlockCostLimit', 'UnsupportedVersion', 'InvalidWritableAccount',
  'WouldExceedMaxAccountCostLimit', 'WouldExceedAccountDataBlockLimit', 'TooManyAccountLocks',
  'AddressLookupTableNotFound', 'InvalidAddressLookupTableOwner', 'InvalidAddressLookupTableData',
  'InvalidAddressLookupTableIndex', 'InvalidRentPayingAccount', 'WouldExceedMaxVoteCostLimit',
  'WouldExceedAccountDataTotalLimit', 'MaxLoadedAccountsDataSizeExceeded', 'ResanitizationNeeded',
  'InvalidLoadedAccountsDataSizeLimit', 'UnbalancedTransaction', 'ProgramCacheHitMaxLimit',
  'CommitCancelled'];
const errorName = (e) => (typeof e === 'number' ? (FIELDLESS[e] ?? `TransactionError ${e}`)
  : `${e.constructor.name}: ${e.toString()}`);

if (process.argv[2] === 'blockhash') {
  console.log(JSON.stringify({ blockhash: new LiteSVM().latestBlockhash() }));
  process.exit(0);
}
const input = JSON.parse(await new Promise((ok) => {
  let s = ''; process.stdin.on('data', (d) => { s += d; }); process.stdin.on('end', () => ok(s));
}));
const payer = kit.address(input.payer);
const recipient = kit.address(input.recipient);
const decoder = kit.getTransactionDecoder();
const balance = (svm, a) => { const b = svm.getBalance(a); return b === null ? null : b.toString(); };
const out = [];
for (const t of input.txs) {
  const svm = new LiteSVM(); // signature verification and blockhash check are on by default
  svm.airdrop(payer, kit.lamports(BigInt(input.airdrop)));
  const tx = decoder.decode(Buffer.from(t.txBase64, 'base64'));
  const r = svm.sendTransaction(tx);
  const failed = r instanceof FailedTransactionMetadata;
  const meta = failed ? r.meta() : r;
  out.push({
    label: t.label, ok: !failed, error: failed ? errorName(r.err()) : null, logs: meta.logs(),
    computeUnits: meta.computeUnitsConsumed().toString(),
    signature: kit.getBase58Decoder().decode(meta.signature()),
    payerBalance: balance(svm, payer), recipientBalance: balance(svm, recipient),
  });
}
console.log(JSON.stringify(out));
