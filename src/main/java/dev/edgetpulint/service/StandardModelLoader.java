package dev.edgetpulint.service;

import dev.edgetpulint.description.DescriptionException;
import dev.edgetpulint.description.DescriptionReader;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.ModelReadException;
import dev.edgetpulint.tflite.TfliteReader;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@code *.tflite.yaml} with the description reader and everything else as a TFLite FlatBuffer. */
public final class StandardModelLoader implements ModelLoader {
  @Override
  public Model load(Path file) throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new ModelReadException(file.toString(), notARegularFile(file));
    }
    if (ModelFiles.isDescriptionFile(file)) {
      try {
        return DescriptionReader.read(file);
      } catch (DescriptionException e) {
        throw new ModelReadException(e.source(), withoutSource(e.getMessage(), e.source()), e);
      }
    }
    return TfliteReader.read(file);
  }

  /**
   * Why {@code file} cannot be opened as a model. Checked before opening: opening a named pipe would
   * block the run until something writes to it.
   */
  static String notARegularFile(Path file) {
    if (Files.isDirectory(file)) {
      return "is a directory, not a model file";
    }
    if (Files.isSymbolicLink(file) && !Files.exists(file)) {
      try {
        file.toRealPath();
      } catch (FileSystemException e) {
        if (e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("levels of symbolic links")) {
          return "symbolic link loop";
        }
      } catch (IOException e) {
        // fall through
      }
      return "broken symbolic link (its target does not exist)";
    }
    if (!Files.exists(file)) {
      return "no such file";
    }
    return "not a regular file (a pipe, socket or device)";
  }

  /** "model.tflite.yaml:12:7: reason" -> "12:7: reason": the report already names the file. */
  static String withoutSource(String message, String source) {
    if (message != null && source != null && message.startsWith(source + ":")) {
      return message.substring(source.length() + 1).strip();
    }
    return message;
  }
}
