package dev.keyshard.chains.cosmos;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import dev.keyshard.chains.cosmos.proto.BankProto;
import dev.keyshard.chains.cosmos.proto.CoinProto.Coin;
import dev.keyshard.chains.cosmos.proto.Secp256k1Proto.PubKey;
import dev.keyshard.chains.cosmos.proto.SigningProto.SignMode;
import dev.keyshard.chains.cosmos.proto.ThorchainProto;
import dev.keyshard.chains.cosmos.proto.TxProto.AuthInfo;
import dev.keyshard.chains.cosmos.proto.TxProto.Fee;
import dev.keyshard.chains.cosmos.proto.TxProto.ModeInfo;
import dev.keyshard.chains.cosmos.proto.TxProto.SignDoc;
import dev.keyshard.chains.cosmos.proto.TxProto.SignerInfo;
import dev.keyshard.chains.cosmos.proto.TxProto.TxBody;
import dev.keyshard.chains.cosmos.proto.TxProto.TxRaw;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * One coin send from a single secp256k1 signer, encoded for SIGN_MODE_DIRECT (Cosmos SDK ADR-020):
 * {@code TxBody{[Any(MsgSend)], memo}}, {@code AuthInfo{[SignerInfo{Any(PubKey), direct,
 * sequence}], Fee{amount, gas}}}, and the signed {@code SignDoc{body_bytes, auth_info_bytes,
 * chain_id, account_number}}.
 *
 * <p>Determinism: SIGN_MODE_DIRECT signs bytes, not a structure, so the signers and the chain
 * must agree on them only because the same bytes travel in TxRaw; still, co-signers rebuild them
 * from the intent and must get identical bytes. protobuf-java writes fields in field-number order
 * and omits proto3 defaults (empty memo, zero sequence, no fee coins), which is also what the
 * Cosmos SDK's gogoproto writes for these messages, and these messages have no maps (whose order
 * protobuf does not fix). Each Any's value is the already-serialized MsgSend / PubKey.
 *
 * @param fee the fee in base units; zero leaves Fee.amount empty (THORChain and MayaChain take
 *     their fee themselves)
 * @param publicKey the signer's 33-byte compressed key
 */
public record CosmosSend(CosmosNetwork network, String chainId, BigInteger accountNumber,
    BigInteger sequence, AccountAddress from, AccountAddress to, BigInteger amount, BigInteger fee,
    BigInteger gas, String memo, byte[] publicKey) {
  static final String PUBKEY_TYPE_URL = "/cosmos.crypto.secp256k1.PubKey";

  public CosmosSend {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(memo, "memo");
    if (publicKey.length != 33) {
      throw new IllegalArgumentException("a secp256k1 public key is 33 bytes compressed");
    }
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CosmosSend c && java.util.Arrays.equals(signDoc(), c.signDoc());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(signDoc());
  }

  /** The MsgSend, wrapped in an Any with the chain's type URL. */
  Any message() {
    Coin coin = coin(amount);
    ByteString value;
    if (network.sendMessage() == CosmosNetwork.SendMessage.BANK) {
      value = BankProto.MsgSend.newBuilder().setFromAddress(from.toString())
          .setToAddress(to.toString()).addAmount(coin).build().toByteString();
    } else {
      value = ThorchainProto.MsgSend.newBuilder().setFromAddress(ByteString.copyFrom(from.bytes()))
          .setToAddress(ByteString.copyFrom(to.bytes())).addAmount(coin).build().toByteString();
    }
    // Not Any.pack: it would prefix "type.googleapis.com"; Cosmos type URLs are "/" + full name.
    return Any.newBuilder().setTypeUrl(network.sendMessage().typeUrl()).setValue(value).build();
  }

  /** TxBody's encoding, as signed and as broadcast. */
  public byte[] bodyBytes() {
    return TxBody.newBuilder().addMessages(message()).setMemo(memo).build().toByteArray();
  }

  /** AuthInfo's encoding, as signed and as broadcast. */
  public byte[] authInfoBytes() {
    Any key = Any.newBuilder().setTypeUrl(PUBKEY_TYPE_URL)
        .setValue(PubKey.newBuilder().setKey(ByteString.copyFrom(publicKey)).build().toByteString())
        .build();
    SignerInfo signer = SignerInfo.newBuilder().setPublicKey(key)
        .setModeInfo(ModeInfo.newBuilder().setSingle(
            ModeInfo.Single.newBuilder().setMode(SignMode.SIGN_MODE_DIRECT)))
        .setSequence(sequence.longValue()) // uint64: longValue keeps the low 64 bits
        .build();
    Fee.Builder f = Fee.newBuilder().setGasLimit(gas.longValue());
    if (fee.signum() > 0) {
      f.addAmount(coin(fee));
    }
    return AuthInfo.newBuilder().addSignerInfos(signer).setFee(f).build().toByteArray();
  }

  /** SignDoc's encoding: the bytes SIGN_MODE_DIRECT signs. */
  public byte[] signDoc() {
    return SignDoc.newBuilder().setBodyBytes(ByteString.copyFrom(bodyBytes()))
        .setAuthInfoBytes(ByteString.copyFrom(authInfoBytes())).setChainId(chainId)
        .setAccountNumber(accountNumber.longValue()).build().toByteArray();
  }

  /** sha256(SignDoc): the hash the secp256k1 signature is over (the SDK's Secp256k1 key hashes). */
  public byte[] signingHash() {
    return sha256(signDoc());
  }

  /** TxRaw with the 64-byte r ‖ s signature: the tx_bytes a node takes. */
  public byte[] txRaw(byte[] signature) {
    if (signature.length != 64) {
      throw new IllegalArgumentException("a Cosmos secp256k1 signature is 64 bytes r || s");
    }
    return TxRaw.newBuilder().setBodyBytes(ByteString.copyFrom(bodyBytes()))
        .setAuthInfoBytes(ByteString.copyFrom(authInfoBytes()))
        .addSignatures(ByteString.copyFrom(signature)).build().toByteArray();
  }

  private Coin coin(BigInteger baseUnits) {
    return Coin.newBuilder().setDenom(network.denom()).setAmount(baseUnits.toString()).build();
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
