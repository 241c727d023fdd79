package dev.edgetpulint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.show.FakeCompilerPath;
import dev.edgetpulint.show.Fixtures;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelExplorerNodeDataTest {
  static JsonNode nodeData() {
    FakeCompilerPath path = new FakeCompilerPath(Map.of("LEAKY_RELU", 99));
    ModelAnalysis a = path.analyze(Fixtures.cutModel(), new AnalysisOptions(14, false));
    return ModelExplorerNodeData.toTree(a, a.findings());
  }

  @Test
  void matchesTheDocumentedShape() throws Exception {
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/model-explorer/graph-node-data.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    // Round-trip through text, as the viewer reads it.
    JsonNode data = new ObjectMapper().readTree(nodeData().toString());
    Set<ValidationMessage> problems = schema.validate(data);
    assertEquals(Set.of(), problems);
  }

  @Test
  void keysEveryOperatorByItsOutputTensorWithItsPlacementColour() {
    JsonNode results = nodeData().get("results");
    assertEquals(7, results.size());
    assertEquals("Edge TPU", results.get("block1/conv").get("value").asText());
    assertEquals(ModelExplorerNodeData.Category.EDGETPU.color, results.get("block1/conv").get("bgColor").asText());
    String leaky = results.get("block1/leaky_relu").get("value").asText();
    assertTrue(leaky.startsWith("CPU: unsupported \u2014 EDGETPU-OP-LEAKY_RELU: LEAKY_RELU is not supported"), leaky);
    assertEquals(ModelExplorerNodeData.Category.UNSUPPORTED.color,
        results.get("block1/leaky_relu").get("bgColor").asText());
    assertTrue(results.get("head/add").get("value").asText().startsWith("CPU: after the cut"));
  }
}
