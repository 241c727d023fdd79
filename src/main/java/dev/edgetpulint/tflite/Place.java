package dev.edgetpulint.tflite;

import dev.edgetpulint.graph.Model;
import java.util.function.Supplier;

/**
 * Where a table of the model is ("subgraphs[0].tensors[3]", "the BuiltinOptions of
 * subgraphs[0].operators[1]"), for an error message: the text is built only when a message needs it,
 * and a model has thousands of tables and hardly ever an error. A class rather than lambdas at each
 * call: every lambda call site costs its own linkage when a process first runs it, about half a
 * millisecond of a cold start each (docs/performance.md).
 */
final class Place implements Supplier<String> {
  private enum Form { TEXT, ELEMENT, TENSOR, OPERATOR, PART }

  private final Form form;
  private final String text;
  private final String part;
  private final int subgraph;
  private final int index;
  private final Supplier<String> whole;

  private Place(Form form, String text, String part, int subgraph, int index, Supplier<String> whole) {
    this.form = form;
    this.text = text;
    this.part = part;
    this.subgraph = subgraph;
    this.index = index;
    this.whole = whole;
  }

  /** A place named by fixed text ("model"). */
  static Place text(String text) {
    return new Place(Form.TEXT, text, null, -1, -1, null);
  }

  /** Element {@code index} of a top-level vector: "buffers[3]". */
  static Place element(String vector, int index) {
    return new Place(Form.ELEMENT, vector, null, -1, index, null);
  }

  /** Tensor {@code index} of subgraph {@code subgraph}: "subgraphs[0].tensors[3]". */
  static Place tensor(int subgraph, int index) {
    return new Place(Form.TENSOR, null, null, subgraph, index, null);
  }

  /** Operator {@code index} of subgraph {@code subgraph}: "subgraphs[0].operators[3]". */
  static Place operator(int subgraph, int index) {
    return new Place(Form.OPERATOR, null, null, subgraph, index, null);
  }

  /** A part of another place: {@code article + part + " of " + whole} ("the BuiltinOptions of ..."). */
  static Place part(String article, String part, Supplier<String> whole) {
    return new Place(Form.PART, article, part, -1, -1, whole);
  }

  @Override
  public String get() {
    return switch (form) {
      case TEXT -> text;
      case ELEMENT -> text + "[" + index + "]";
      case TENSOR -> Model.tensorLocation(subgraph, index);
      case OPERATOR -> Model.operatorLocation(subgraph, index);
      case PART -> text + part + " of " + whole.get();
    };
  }

  @Override
  public String toString() {
    return get();
  }
}
