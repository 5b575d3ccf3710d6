package dev.keyshard.crypto.vss;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Secp256k1;

class VssSecp256k1Test extends VssContractTest {
  @Override
  Group group() {
    return Secp256k1.INSTANCE;
  }
}
