package dev.keyshard.crypto.vss;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;

class VssEd25519Test extends VssContractTest {
  @Override
  Group group() {
    return Ed25519.INSTANCE;
  }
}
