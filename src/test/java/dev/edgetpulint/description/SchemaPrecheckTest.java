package dev.edgetpulint.description;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quick schema check must never call valid what the full validator rejects (its messages would be
 * lost), and must be in use for the shipped schema (else the parse silently loses its speed-up).
 */
class SchemaPrecheckTest {
  private static JsonNode tree(String text) {
    YamlTree tree = YamlTree.parse(text, new ArrayList<>());
    return tree == null ? null : tree.root();
  }

  @Test
  void theShippedSchemaIsUnderstood() {
    assertNull(DescriptionReader.precheck().unsupported());
    assertEquals(SchemaPrecheck.Verdict.VALID, DescriptionReader.precheck().check(tree(DescriptionReaderTest.EXAMPLE)));
  }

  @Test
  void neverValidWhereTheFullValidatorObjects() {
    int valid = 0;
    int invalid = 0;
    List<String> disagreements = new ArrayList<>();
    for (String[] variant : DescriptionProblemsApprovalTest.variants()) {
      JsonNode root = tree(variant[1]);
      if (root == null) {
        continue;
      }
      SchemaPrecheck.Verdict verdict = DescriptionReader.precheck().check(root);
      boolean fullyValid = DescriptionReader.fullValidation(root).isEmpty();
      if (verdict == SchemaPrecheck.Verdict.VALID) {
        valid++;
        if (!fullyValid) {
          disagreements.add(variant[0] + ": " + DescriptionReader.fullValidation(root));
        }
      } else if (verdict == SchemaPrecheck.Verdict.INVALID) {
        invalid++;
        if (fullyValid) {
          disagreements.add(variant[0] + ": quick check says invalid, the schema says valid");
        }
      }
    }
    assertEquals(List.of(), disagreements);
    assertTrue(valid > 50 && invalid > 200, valid + " valid, " + invalid + " invalid");
  }

  @Test
  void keywordsItDoesNotKnowMakeItUnsureNotWrong() throws Exception {
    JsonNode schema = new ObjectMapper().readTree("{\"type\": \"object\", \"maxProperties\": 1}");
    SchemaPrecheck check = SchemaPrecheck.of(schema);
    assertEquals("keyword maxProperties", check.unsupported());
    assertEquals(SchemaPrecheck.Verdict.UNSURE, check.check(new ObjectMapper().readTree("{\"a\": 1, \"b\": 2}")));
  }

  @Test
  void floatsWhereIntegersBelongAndLineBreaksInPatternsAreUnsure() throws Exception {
    ObjectMapper json = new ObjectMapper();
    SchemaPrecheck check = SchemaPrecheck.of(json.readTree(
        "{\"properties\": {\"n\": {\"type\": \"integer\"}, \"op\": {\"type\": \"string\", \"pattern\": \"^[A-Z]+$\"}}}"));
    assertEquals(SchemaPrecheck.Verdict.UNSURE, check.check(json.readTree("{\"n\": 2.0}")));
    assertEquals(SchemaPrecheck.Verdict.INVALID, check.check(json.readTree("{\"n\": \"2\"}")));
    assertEquals(SchemaPrecheck.Verdict.UNSURE, check.check(json.readTree("{\"op\": \"ADD\\n\"}")));
    assertEquals(SchemaPrecheck.Verdict.INVALID, check.check(json.readTree("{\"op\": \"add\"}")));
    assertEquals(SchemaPrecheck.Verdict.VALID, check.check(json.readTree("{\"n\": 2, \"op\": \"ADD\"}")));
  }
}
