package dev.edgetpulint.graph;

import java.util.List;
import java.util.Map;

/**
 * A TFLite model, independent of the file it came from (a .tflite FlatBuffer or a YAML description).
 *
 * @param source the path or URI it was read from, as given
 * @param schemaVersion the TFLite schema version field (3 for all current files)
 * @param description the model's description string (converter name), or ""
 * @param metadataNames names of the model's metadata entries ("min_runtime_version", "TFLITE_METADATA")
 * @param signatureKeys signature def keys, in file order
 * @param edgeTpuPackages one entry per edgetpu-custom-op of a compiled model, else empty
 * @param spans where each element stands in its file, keyed by logical location ("subgraphs[0]",
 *     "subgraphs[0].operators[12]", "subgraphs[0].tensors[3]"); may be empty
 */
public record Model(
    String source,
    int schemaVersion,
    String description,
    List<Subgraph> subgraphs,
    List<String> metadataNames,
    List<String> signatureKeys,
    List<EdgeTpuPackage> edgeTpuPackages,
    Map<String, Span> spans) {

  public static final String EDGETPU_CUSTOM_OP = "edgetpu-custom-op";

  public Model {
    description = description == null ? "" : description;
    subgraphs = List.copyOf(subgraphs);
    metadataNames = List.copyOf(metadataNames);
    signatureKeys = List.copyOf(signatureKeys);
    edgeTpuPackages = List.copyOf(edgeTpuPackages);
    spans = spans instanceof SpanTable ? spans : Map.copyOf(spans); // a SpanTable is read-only already
  }

  /** Whether the model was already compiled for the Edge TPU (holds an edgetpu-custom-op). */
  public boolean isCompiled() {
    for (Subgraph subgraph : subgraphs) {
      for (Operator op : subgraph.operators()) {
        if (EDGETPU_CUSTOM_OP.equals(op.customCode())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The main subgraph (index 0), or null for a model without subgraphs. */
  public Subgraph mainSubgraph() {
    return subgraphs.isEmpty() ? null : subgraphs.get(0);
  }

  public static String operatorLocation(int subgraph, int operator) {
    return "subgraphs[" + subgraph + "].operators[" + operator + "]";
  }

  public static String tensorLocation(int subgraph, int tensor) {
    return "subgraphs[" + subgraph + "].tensors[" + tensor + "]";
  }
}
