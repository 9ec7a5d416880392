package io.hookline.localkafka;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The last lines of a log file, for error messages that must explain why a broker did not come up. */
final class LogTail {

  private static final int MAX_BYTES = 16 * 1024;

  private LogTail() {
  }

  static String of(Path file, int maxLines) {
    if (!Files.isRegularFile(file)) {
      return "  (no " + file.getFileName() + " yet)\n";
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (length == 0) {
        return "  (" + file.getFileName() + " is empty)\n";
      }
      long from = Math.max(0, length - MAX_BYTES);
      byte[] bytes = new byte[(int) (length - from)];
      in.seek(from);
      in.readFully(bytes);
      String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
      int start = Math.max(0, lines.length - maxLines);
      StringBuilder out = new StringBuilder();
      for (int i = start; i < lines.length; i++) {
        out.append("  | ").append(lines[i]).append('\n');
      }
      return out.toString();
    } catch (IOException e) {
      return "  (cannot read " + file + ": " + e.getMessage() + ")\n";
    }
  }
}
