package dev.edgetpulint.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes a file so that readers see the old content or the complete new content, never a half. */
public final class AtomicFiles {
  /** Produces the content into a writer. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * A temporary file is private (rw-------); give the result the permissions of the file it replaces,
   * or rw-r--r-- for a new one, as an ordinary write would.
   */
  private static void permissions(Path temp, Path target) throws IOException {
    if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.exists(target)
        ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temp, permissions);
  }

  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    if (directory != null) {
      Files.createDirectories(directory);
    }
    Path temp = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        content.writeTo(out);
      }
      permissions(temp, absolute);
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
