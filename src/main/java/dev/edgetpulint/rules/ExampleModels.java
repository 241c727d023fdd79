package dev.edgetpulint.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.edgetpulint.description.DescriptionReader;
import dev.edgetpulint.graph.Model;

/** Turns a rule example's model description into the graph model, through the description reader. */
public final class ExampleModels {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExampleModels() {}

  /**
   * The example's graph.
   *
   * @throws IllegalArgumentException when the example is not a valid model description
   */
  public static Model model(Rule rule, RuleExample example) {
    ObjectNode node = example.model().deepCopy();
    if (!node.has("format")) {
      node.put("format", DescriptionReader.FORMAT);
    }
    try {
      return DescriptionReader.parse(JSON.writeValueAsString(node), rule.file() + ":" + example.line());
    } catch (Exception e) {
      throw new IllegalArgumentException(rule.file() + ":" + example.line() + ": example of " + rule.id()
          + " is not a valid model description: " + e.getMessage(), e);
    }
  }
}
