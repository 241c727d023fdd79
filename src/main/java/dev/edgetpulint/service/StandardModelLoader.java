package dev.edgetpulint.service;

import dev.edgetpulint.description.DescriptionException;
import dev.edgetpulint.description.DescriptionReader;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.ModelReadException;
import dev.edgetpulint.tflite.TfliteReader;
import java.nio.file.Path;

/** Reads {@code *.tflite.yaml} with the description reader and everything else as a TFLite FlatBuffer. */
public final class StandardModelLoader implements ModelLoader {
  @Override
  public Model load(Path file) throws Exception {
    if (ModelFiles.isDescriptionFile(file)) {
      try {
        return DescriptionReader.read(file);
      } catch (DescriptionException e) {
        throw new ModelReadException(e.source(), withoutSource(e.getMessage(), e.source()), e);
      }
    }
    return TfliteReader.read(file);
  }

  /** "model.tflite.yaml:12:7: reason" -> "12:7: reason": the report already names the file. */
  static String withoutSource(String message, String source) {
    if (message != null && source != null && message.startsWith(source + ":")) {
      return message.substring(source.length() + 1).strip();
    }
    return message;
  }
}
