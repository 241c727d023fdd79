package dev.edgetpulint.lsp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The documents the server judges: open descriptions with the editor's text, and binary models of the
 * workspace (no text). Changes carry versions; a change older than what the store holds is dropped.
 */
final class DocumentStore {
  private final Map<String, ModelDocument> documents = new ConcurrentHashMap<>();

  ModelDocument get(String uri) {
    return uri == null ? null : documents.get(uri);
  }

  void put(ModelDocument document) {
    documents.put(document.uri(), document);
  }

  ModelDocument remove(String uri) {
    return documents.remove(uri);
  }

  List<String> uris() {
    return List.copyOf(documents.keySet());
  }

  /**
   * Applies the changes of one didChange; returns the new document, or null when the change was
   * dropped as out of date (its version is not newer than the one held).
   */
  synchronized ModelDocument change(String uri, long version, List<TextDocumentContentChangeEvent> changes) {
    ModelDocument current = documents.get(uri);
    if (current != null && current.text() == null) {
      return null;
    }
    if (current != null && version <= current.version()) {
      return null;
    }
    String text = current == null ? "" : current.text();
    for (TextDocumentContentChangeEvent change : changes) {
      if (change.getRange() == null) {
        text = change.getText();
      } else {
        int start = offset(text, change.getRange().getStart());
        int end = Math.max(start, offset(text, change.getRange().getEnd()));
        text = text.substring(0, start) + change.getText() + text.substring(end);
      }
    }
    ModelDocument next = ModelDocument.description(uri, text, version);
    documents.put(uri, next);
    return next;
  }

  /** The offset of an LSP position (UTF-16 units), clamped to the text. */
  static int offset(String text, Position position) {
    int line = 0;
    int offset = 0;
    while (line < position.getLine()) {
      int newline = text.indexOf('\n', offset);
      if (newline < 0) {
        return text.length();
      }
      offset = newline + 1;
      line++;
    }
    int lineEnd = text.indexOf('\n', offset);
    int limit = lineEnd < 0 ? text.length() : lineEnd;
    return Math.min(limit, offset + Math.max(0, position.getCharacter()));
  }
}
