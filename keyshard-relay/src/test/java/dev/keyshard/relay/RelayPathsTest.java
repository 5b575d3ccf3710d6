package dev.keyshard.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Request targets are split, decoded and matched as the relay did on Javalin. */
class RelayPathsTest {
  @Test
  void segmentsAreSplitThenDecoded() {
    assertArrayEquals(new String[] {"message", "s"}, RelayPaths.segments("/message/s"));
    assertArrayEquals(new String[] {"message", "s"}, RelayPaths.segments("/message/s/"));
    assertArrayEquals(new String[] {"message", "s", "jp’s Mac", "h"},
        RelayPaths.segments("/message/s/jp%E2%80%99s%20Mac/h"));
    assertArrayEquals(new String[] {"message", "s", "a+b"}, RelayPaths.segments("/message/s/a+b"));
    assertArrayEquals(new String[] {"message", "s", "a/b"}, RelayPaths.segments("/message/s/a%2Fb"));
    for (String none : new String[] {"/", "", "//", "/message//b", "/message/s//", "/s/%zz",
        "/s/%4"}) {
      assertEquals(0, RelayPaths.segments(none).length, none);
    }
  }

  @Test
  void targetsLoseTheirQueryAndAuthority() {
    assertEquals("/message/s/b", RelayPaths.path("/message/s/b?x=1#f"));
    assertEquals("/ping", RelayPaths.path("http://relay.example:8080/ping?x"));
    assertEquals("/", RelayPaths.path("http://relay.example"));
    assertEquals("/", RelayPaths.path("*"));
  }

  @Test
  void endpointsMatchAsTheApiLists() {
    assertEquals(RelayRoutes.Endpoint.PING, match("GET", "/ping"));
    assertEquals(RelayRoutes.Endpoint.PING, match("HEAD", "/ping"));
    assertEquals(RelayRoutes.Endpoint.JOIN, match("POST", "/ping"));
    assertEquals(RelayRoutes.Endpoint.MEMBERS, match("GET", "/start"));
    assertEquals(RelayRoutes.Endpoint.GET_KEYSIGN, match("GET", "/complete/s/keysign"));
    assertEquals(RelayRoutes.Endpoint.GET_MESSAGES, match("GET", "/message/s/keysign"));
    assertEquals(RelayRoutes.Endpoint.DELETE_MESSAGE, match("DELETE", "/message/s/p/h"));
    assertEquals(RelayRoutes.Endpoint.POST_MESSAGE, match("POST", "/message/s/"));
    for (String[] none : new String[][] {{"PUT", "/s"}, {"GET", "/message/s"},
        {"DELETE", "/message/s/p"}, {"GET", "/complete/s/other"}, {"GET", "/a/b/c/d/e"},
        {"OPTIONS", "/ping"}, {"GET", "/"}}) {
      assertNull(match(none[0], none[1]), none[0] + " " + none[1]);
    }
  }

  private static RelayRoutes.Endpoint match(String method, String path) {
    return RelayRoutes.Endpoint.match(method, RelayPaths.segments(path));
  }
}
