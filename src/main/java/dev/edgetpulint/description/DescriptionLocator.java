package dev.edgetpulint.description;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Where things stand in a description's text, by JSON pointer ("/subgraphs/0/operators/3/options"),
 * for editors that change a description mechanically (quick fixes). Positions are 1-based; an end column
 * is the column just after the last character.
 */
public final class DescriptionLocator {
  /** A 1-based text range; {@code endColumn} is exclusive. */
  public record TextRange(int line, int column, int endLine, int endColumn) {}

  private final YamlTree tree;

  private DescriptionLocator(YamlTree tree) {
    this.tree = tree;
  }

  /** Locates the nodes of {@code text}; empty when it is not even well-formed YAML. */
  public static Optional<DescriptionLocator> of(String text) {
    YamlTree tree = YamlTree.parse(text, new ArrayList<>());
    return Optional.ofNullable(tree).map(DescriptionLocator::new);
  }

  /** The range of the node at {@code pointer} (a whole flow map, a scalar value, ...). */
  public Optional<TextRange> range(String pointer) {
    int[] r = tree.rangeOf(pointer);
    return r == null ? Optional.empty() : Optional.of(new TextRange(r[0], r[1], r[2], r[3]));
  }

  /** Whether the node at {@code pointer} is a mapping written in flow style ({@code {a: 1, b: 2}}). */
  public boolean isFlowMapping(String pointer) {
    Node node = tree.node(pointer);
    return node instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
  }

  /** The keys of the mapping at {@code pointer}, in text order; empty when it is not a mapping. */
  public List<String> keys(String pointer) {
    List<String> keys = new ArrayList<>();
    if (tree.node(pointer) instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode s) {
          keys.add(s.getValue());
        }
      }
    }
    return keys;
  }

  /** The range of the first key of the mapping at {@code pointer} (for the indentation of a new block entry). */
  public Optional<TextRange> firstKeyRange(String pointer) {
    if (tree.node(pointer) instanceof MappingNode m && !m.getValue().isEmpty()) {
      int[] r = tree.range(m.getValue().get(0).getKeyNode());
      return Optional.of(new TextRange(r[0], r[1], r[2], r[3]));
    }
    return Optional.empty();
  }

  /** The text of line {@code oneBased} (without its line break), or "". */
  public String line(int oneBased) {
    return tree.line(oneBased);
  }
}
