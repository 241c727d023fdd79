package dev.edgetpulint.lsp;

import dev.edgetpulint.service.ModelFiles;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A model the language server judges: an open description (its text as the editor holds it) or a binary
 * {@code .tflite} in the workspace (read from disk, never as text).
 *
 * @param uri the document URI as the client sent it
 * @param file the local file, or a path made up from the URI for documents that are not files
 * @param text the editor's text of a description; null for a binary model
 * @param version the editor's version of the text (binary models: the file's modification time)
 */
public record ModelDocument(String uri, Path file, String text, long version) {
  /** The marker that makes any YAML document a description, whatever its file name. */
  static final String FORMAT_MARKER = "edgetpu-lint/description/";

  public enum Kind { DESCRIPTION, BINARY, OTHER }

  public static ModelDocument description(String uri, String text, long version) {
    return new ModelDocument(uri, toPath(uri), text, version);
  }

  public static ModelDocument binary(String uri, long version) {
    return new ModelDocument(uri, toPath(uri), null, version);
  }

  public Kind kind() {
    if (text == null) {
      return Kind.BINARY;
    }
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(ModelFiles.DESCRIPTION_SUFFIX) || name.endsWith(".tflite.yml")
        || text.contains(FORMAT_MARKER)) {
      return Kind.DESCRIPTION;
    }
    return Kind.OTHER;
  }

  /** The local path of a file: URI; other schemes (untitled:) become a relative path of the same name. */
  static Path toPath(String uri) {
    try {
      URI parsed = URI.create(uri);
      if ("file".equalsIgnoreCase(parsed.getScheme())) {
        return Path.of(parsed);
      }
      String name = parsed.getSchemeSpecificPart();
      int slash = name == null ? -1 : name.lastIndexOf('/');
      return Path.of(slash >= 0 ? name.substring(slash + 1) : (name == null || name.isEmpty() ? "untitled" : name));
    } catch (RuntimeException e) {
      String name = uri.replaceAll("[^A-Za-z0-9._-]", "_");
      return Path.of(name.isEmpty() ? "untitled" : name);
    }
  }
}
