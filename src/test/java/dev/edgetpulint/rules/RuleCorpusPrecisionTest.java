package dev.edgetpulint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.tflite.TfliteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The packaged rules against what the real compiler did (corpus/expected): no rule may predict that an
 * operator cannot be mapped (error with a compiler status) when the real compiler mapped it. Ops on the
 * CPU without such a finding are the compiler path's business (collateral of the cut), not counted here.
 */
class RuleCorpusPrecisionTest {
  @Test
  void noErrorOnAnOperatorTheCompilerMapped() throws IOException {
    Path corpus = Path.of(System.getProperty("edgetpulint.corpus", "../shared/corpus"));
    Assumptions.assumeTrue(Files.isDirectory(corpus.resolve("expected")), "corpus not present");
    ObjectMapper json = new ObjectMapper();
    RuleEngine engine = new RuleEngine(RuleSet.builtIn());
    List<String> wrong = new ArrayList<>();
    int mapped = 0;
    int cpu = 0;
    int cpuExplained = 0;
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus.resolve("expected"))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      JsonNode pair = json.readTree(file.toFile());
      int runtime = pair.get("runtime").asInt();
      String compiler = pair.path("compiler_version").isTextual() ? pair.get("compiler_version").asText() : null;
      Model model = TfliteReader.read(corpus.resolve(pair.get("model").asText()));
      Map<String, List<Finding>> byOp = new HashMap<>();
      for (Finding f : engine.evaluate(model, new EvaluationContext(runtime, compiler))) {
        if (f.location().operator() >= 0 && f.severity() == Severity.ERROR && f.compilerStatus() != null) {
          byOp.computeIfAbsent(f.location().subgraph() + ":" + f.location().operator(), k -> new ArrayList<>()).add(f);
        }
      }
      for (JsonNode op : pair.get("operators")) {
        List<Finding> errors = byOp.getOrDefault(op.get("subgraph").asInt() + ":" + op.get("index").asInt(), List.of());
        if (op.get("placement").asText().equals("edgetpu")) {
          mapped++;
          for (Finding f : errors) {
            wrong.add(pair.get("id").asText() + " " + op.get("op").asText() + " #" + op.get("index").asInt() + ": "
                + f.ruleId() + " " + f.message());
          }
        } else {
          cpu++;
          if (!errors.isEmpty()) {
            cpuExplained++;
          }
        }
      }
    }
    System.out.printf("rules vs corpus: %d pairs; %d mapped ops, %d of them wrongly reported; %d CPU ops, %d with a rule error"
        + " (the rest are collateral of the cut)%n", files.size(), mapped, wrong.size(), cpu, cpuExplained);
    assertEquals(List.of(), wrong);
  }
}
