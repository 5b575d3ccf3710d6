package dev.keyshard.cli;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code drawn with Unicode half blocks, two modules per character cell, dark on light with a
 * quiet zone, so a phone camera reads it off a terminal (Nayuki's qrcodegen makes the matrix).
 */
final class TerminalQr {
  private static final int QUIET = 2;

  private TerminalQr() {}

  static String render(String text) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.LOW);
    int size = qr.size;
    StringBuilder b = new StringBuilder();
    for (int y = -QUIET; y < size + QUIET; y += 2) {
      for (int x = -QUIET; x < size + QUIET; x++) {
        boolean top = dark(qr, x, y);
        boolean bottom = dark(qr, x, y + 1);
        // Light modules are drawn: the terminal's background may be dark or light.
        b.append(!top && !bottom ? '█' : !top ? '▀' : !bottom ? '▄' : ' ');
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static boolean dark(QrCode qr, int x, int y) {
    return x >= 0 && y >= 0 && x < qr.size && y < qr.size && qr.getModule(x, y);
  }
}
