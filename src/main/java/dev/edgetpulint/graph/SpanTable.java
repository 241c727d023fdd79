package dev.edgetpulint.graph;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The spans of a binary model's subgraphs, operators and tensors as a read-only map keyed by logical
 * location ({@link Model#operatorLocation}, {@link Model#tensorLocation}, "subgraphs[0]"), stored by
 * index: reading a model no longer builds and hashes a location string for every element, and a
 * lookup parses the key instead. The map holds exactly the elements that were given a span; the
 * entries are listed only when asked for (built once).
 */
public final class SpanTable extends AbstractMap<String, Span> {
  private final Span[] subgraphs;
  private final Span[][] operators;
  private final Span[][] tensors;
  private volatile Map<String, Span> entries;

  private SpanTable(Builder b) {
    this.subgraphs = b.subgraphs;
    this.operators = b.operators;
    this.tensors = b.tensors;
  }

  /** Collects the spans while a model is read; {@link #build()} hands them over. */
  public static final class Builder {
    private final Span[] subgraphs;
    private final Span[][] operators;
    private final Span[][] tensors;

    public Builder(int subgraphCount) {
      subgraphs = new Span[subgraphCount];
      operators = new Span[subgraphCount][];
      tensors = new Span[subgraphCount][];
    }

    public void subgraph(int s, Span span) {
      subgraphs[s] = span;
    }

    /** Makes room for the spans of subgraph {@code s}'s {@code count} tensors. */
    public void tensorCount(int s, int count) {
      tensors[s] = new Span[count];
    }

    /** Makes room for the spans of subgraph {@code s}'s {@code count} operators. */
    public void operatorCount(int s, int count) {
      operators[s] = new Span[count];
    }

    public void tensor(int s, int i, Span span) {
      tensors[s][i] = span;
    }

    public void operator(int s, int i, Span span) {
      operators[s][i] = span;
    }

    public SpanTable build() {
      return new SpanTable(this);
    }
  }

  @Override
  public Span get(Object key) {
    if (!(key instanceof String k) || !k.startsWith("subgraphs[")) {
      return null;
    }
    int[] pos = {"subgraphs[".length()};
    int s = number(k, pos);
    if (s < 0 || s >= subgraphs.length || pos[0] >= k.length() || k.charAt(pos[0]) != ']') {
      return null;
    }
    pos[0]++;
    if (pos[0] == k.length()) {
      return subgraphs[s];
    }
    Span[] elements;
    if (k.startsWith(".operators[", pos[0])) {
      elements = operators[s];
      pos[0] += ".operators[".length();
    } else if (k.startsWith(".tensors[", pos[0])) {
      elements = tensors[s];
      pos[0] += ".tensors[".length();
    } else {
      return null;
    }
    int i = number(k, pos);
    if (elements == null || i < 0 || i >= elements.length || pos[0] != k.length() - 1 || k.charAt(pos[0]) != ']') {
      return null;
    }
    return elements[i];
  }

  /**
   * The decimal number at {@code pos[0]} as {@link Integer#toString} writes it (no sign, no leading
   * zero), advancing {@code pos[0]}; -1 when there is none, so only keys this table would list match.
   */
  private static int number(String k, int[] pos) {
    int start = pos[0];
    int i = start;
    long value = 0;
    while (i < k.length() && k.charAt(i) >= '0' && k.charAt(i) <= '9' && i - start < 10) {
      value = value * 10 + (k.charAt(i) - '0');
      i++;
    }
    if (i == start || (k.charAt(start) == '0' && i - start > 1) || value > Integer.MAX_VALUE) {
      return -1;
    }
    pos[0] = i;
    return (int) value;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public Set<Entry<String, Span>> entrySet() {
    return entries().entrySet();
  }

  @Override
  public int size() {
    return entries().size();
  }

  private Map<String, Span> entries() {
    Map<String, Span> e = entries;
    if (e == null) {
      Map<String, Span> all = new HashMap<>();
      for (int s = 0; s < subgraphs.length; s++) {
        if (subgraphs[s] != null) {
          all.put("subgraphs[" + s + "]", subgraphs[s]);
        }
        add(all, tensors[s], s, false);
        add(all, operators[s], s, true);
      }
      e = Map.copyOf(all);
      entries = e;
    }
    return e;
  }

  private static void add(Map<String, Span> all, Span[] spans, int s, boolean operators) {
    if (spans == null) {
      return;
    }
    for (int i = 0; i < spans.length; i++) {
      if (spans[i] != null) {
        all.put(operators ? Model.operatorLocation(s, i) : Model.tensorLocation(s, i), spans[i]);
      }
    }
  }
}
