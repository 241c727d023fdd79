package dev.edgetpulint.lsp;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds the binary models of a workspace folder, skipping hidden and build directories; never follows links. */
final class WorkspaceScanner {
  static final int MAX_DEPTH = 12;
  static final int MAX_FILES = 5000;
  private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build", "__pycache__", "venv");

  private WorkspaceScanner() {}

  static boolean isBinaryModel(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".tflite");
  }

  static List<Path> binaryModels(Path folder) {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return found;
    }
    try {
      Files.walkFileTree(folder, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              if (!dir.equals(folder) && (name.startsWith(".") || SKIPPED.contains(name))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && isBinaryModel(file)) {
                found.add(file);
              }
              return found.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // An unreadable folder has no models we can judge.
    }
    return found;
  }
}
