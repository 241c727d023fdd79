package dev.edgetpulint.description;

import dev.edgetpulint.graph.Model;

/**
 * Reads the successive versions of one description as an editor sends them. Each version gives exactly
 * what {@link DescriptionReader#parse(String, String)} gives; what makes it faster is that the YAML tree
 * of the last version that parsed is kept, and a version that differs from it in one tensor or operator
 * line composes only that line (see {@code YamlTree.reparse}). Holds one tree, whatever the number of
 * versions. Safe to share between threads (parses of one document take turns).
 */
public final class DescriptionParser {
  private YamlTree last;
  private boolean lastReused;

  /**
   * Parses {@code text}, a version of this parser's document.
   *
   * @throws DescriptionException listing every problem found, each with line and column
   */
  public synchronized Model parse(String text, String source) {
    lastReused = false;
    return DescriptionReader.parse(text, source, last, tree -> {
      last = tree;
      lastReused = tree.reused();
    });
  }

  /** Whether the last parse that got as far as a YAML tree reused the previous one (tests). */
  synchronized boolean lastReused() {
    return lastReused;
  }
}
