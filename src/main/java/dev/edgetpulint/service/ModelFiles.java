package dev.edgetpulint.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Turns the paths a user gave into model files: files as given, directories walked for models. */
public final class ModelFiles {
  public static final String TFLITE_SUFFIX = ".tflite";
  public static final String DESCRIPTION_SUFFIX = ".tflite.yaml";

  /** One input, expanded: the model files found, or the reason there are none. */
  public record Expanded(Path input, List<Path> files, String error) {}

  private ModelFiles() {}

  public static boolean isModelFile(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(TFLITE_SUFFIX) || name.endsWith(DESCRIPTION_SUFFIX);
  }

  public static boolean isDescriptionFile(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(DESCRIPTION_SUFFIX);
  }

  /**
   * Expands every input. A file given by name is kept whatever its extension (the loader judges it);
   * a directory contributes its model files (and model-named broken links, which the loader then
   * reports) in sorted order, skipping hidden directories and not following directory links; a file that
   * appears twice is kept once, at its first place.
   */
  public static List<Expanded> expand(List<Path> inputs) {
    List<Expanded> out = new ArrayList<>();
    Set<Path> seen = new LinkedHashSet<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        List<Path> found;
        try {
          found = walk(input);
        } catch (IOException | UncheckedIOException e) {
          out.add(new Expanded(input, List.of(), "cannot list directory: " + oneLine(e)));
          continue;
        }
        List<Path> fresh = found.stream().filter(f -> seen.add(key(f))).toList();
        if (found.isEmpty()) {
          out.add(new Expanded(input, List.of(), "no models found (*.tflite, *.tflite.yaml)"));
        } else {
          out.add(new Expanded(input, fresh, null));
        }
      } else if (Files.exists(input) || isBrokenLink(input)) {
        out.add(new Expanded(input, seen.add(key(input)) ? List.of(input) : List.of(), null));
      } else {
        out.add(new Expanded(input, List.of(), "no such file or directory"));
      }
    }
    return out;
  }

  private static List<Path> walk(Path directory) throws IOException {
    try (Stream<Path> stream = Files.walk(directory)) {
      return stream
          .filter(p -> !isHiddenBelow(directory, p))
          .filter(ModelFiles::isModelFile)
          .filter(p -> Files.isRegularFile(p) || isBrokenLink(p))
          .sorted()
          .toList();
    }
  }

  /**
   * A model-named link that leads nowhere (dangling, or a loop): kept so that the loader reports it
   * instead of the walk skipping it in silence.
   */
  private static boolean isBrokenLink(Path p) {
    return Files.isSymbolicLink(p) && !Files.exists(p);
  }

  private static boolean isHiddenBelow(Path root, Path file) {
    Path relative = root.relativize(file);
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") && !name.equals(".") && !name.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static Path key(Path file) {
    return file.toAbsolutePath().normalize();
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }
}
