package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.keyshard.chains.evm.Anvil;
import dev.keyshard.chains.evm.OpenZeppelinToken;
import dev.keyshard.chains.tx.FeeWarning;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyshard send --rpc} on anvil when the node's word would cost money: a wrong
 * {@code --decimals} for a real ERC-20 (OpenZeppelin's, 18 decimals) is refused naming the flag,
 * a missing one is read from the token and the exact amount arrives; a base fee made absurd on
 * the node itself ({@code anvil_setNextBlockBaseFeePerGas}) is refused naming {@code --max-fee},
 * and the same fee given with {@code --max-fee} is signed, warned about and mined.
 */
class EvmSendGuardsTest {
  @TempDir static Path tmp;
  static Path pw;
  static List<String> shares = new ArrayList<>();
  static String vault;
  static final String TO = "0x000000000000000000000000000000000000dEaD";

  @BeforeAll
  static void vault() throws Exception {
    ShareFiles v = ShareFiles.keygen(tmp, "Guards");
    pw = v.password();
    shares.addAll(v.shares());
    vault = v.address("ethereum").replaceAll("(?s).*(0x[0-9a-fA-F]{40}).*", "$1");
  }

  private static CliRun send(Anvil anvil, String... extra) {
    List<String> args = new ArrayList<>(List.of("send", "--chain", "ethereum", "--chain-id",
        "31337", "--to", TO, "--shares", shares.get(0), shares.get(2), "--rpc", anvil.url(),
        "--yes", "--json", "--password-file", pw.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static BigInteger nonce(Anvil anvil) throws Exception {
    return new BigInteger(anvil.rpc("eth_getTransactionCount", vault, "latest").getAsString()
        .substring(2), 16);
  }

  @Test
  void tokenDecimalsAreTheContractsOrTheSendIsRefused() throws Exception {
    try (Anvil anvil = Anvil.start(31337)) {
      anvil.setBalance(vault, BigInteger.TEN.pow(19));
      String token = OpenZeppelinToken.deploy(anvil, "Guard", "GRD", BigInteger.TEN.pow(21), vault);
      CliRun wrong = send(anvil, "--token", token, "--decimals", "6", "--amount", "2.5");
      assertEquals(1, wrong.exitCode(), wrong.err());
      assertTrue(wrong.err().contains("'decimals' (--decimals) 6 is not the token's"), wrong.err());
      assertTrue(wrong.err().contains(" is 18"), wrong.err());
      assertEquals(BigInteger.ZERO, nonce(anvil), "nothing was sent");

      CliRun filled = send(anvil, "--token", token, "--amount", "2.5");
      assertEquals(0, filled.exitCode(), filled.err());
      String hash = JsonParser.parseString(filled.out()).getAsJsonObject().get("txHash").getAsString();
      assertEquals("0x1", anvil.receipt(hash).get("status").getAsString());
      assertEquals(new BigInteger("2500000000000000000"), OpenZeppelinToken.balanceOf(anvil, token, TO));
    }
  }

  @Test
  void anAbsurdBaseFeeOnTheNodeNeedsAnExplicitMaxFee() throws Exception {
    try (Anvil anvil = Anvil.start(31337)) {
      anvil.setBalance(vault, BigInteger.TEN.pow(20));
      // 1 000 000 gwei: the node's 2 × base fee + tip, × 21000 gas, is about 42 ETH.
      anvil.rpc("anvil_setNextBlockBaseFeePerGas", "0x" + BigInteger.TEN.pow(15).toString(16));
      anvil.mine();
      CliRun refused = send(anvil, "--amount", "0.01");
      assertEquals(1, refused.exitCode(), refused.err());
      assertTrue(refused.err().contains("'maxFeePerGas' (--max-fee)"), refused.err());
      assertTrue(refused.err().contains("refused as absurd"), refused.err());
      assertEquals(BigInteger.ZERO, nonce(anvil), "nothing was sent");

      CliRun given = send(anvil, "--amount", "0.01", "--max-fee", "2000001", "--priority-fee", "1");
      assertEquals(0, given.exitCode(), given.err());
      assertTrue(given.err().contains(FeeWarning.TEXT), given.err());
      String hash = JsonParser.parseString(given.out()).getAsJsonObject().get("txHash").getAsString();
      assertEquals("0x1", anvil.receipt(hash).get("status").getAsString());
    }
  }
}
