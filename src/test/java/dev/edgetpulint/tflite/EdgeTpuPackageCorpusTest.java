package dev.edgetpulint.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgetpulint.graph.EdgeTpuPackage;
import dev.edgetpulint.graph.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Edge TPU package of every compiled corpus model agrees with expected/*.json. */
class EdgeTpuPackageCorpusTest {
  @Test
  void packagesAgreeWithExpectedFiles() throws Exception {
    Path corpus = CorpusSupport.corpus();
    ObjectMapper json = new ObjectMapper();
    List<Path> expectedFiles;
    try (Stream<Path> files = Files.list(corpus.resolve("expected"))) {
      expectedFiles = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    int checked = 0;
    List<String> disagreements = new ArrayList<>();
    for (Path file : expectedFiles) {
      JsonNode expected = json.readTree(file.toFile());
      JsonNode compiled = expected.path("compiled");
      if (!compiled.isTextual() || !Files.isRegularFile(corpus.resolve(compiled.asText()))) {
        continue;
      }
      Model model = TfliteReader.read(corpus.resolve(compiled.asText()));
      checked++;
      int customOps = expected.path("edgetpu_custom_ops").asInt(0);
      if (model.edgeTpuPackages().size() != customOps) {
        disagreements.add(file.getFileName() + ": " + model.edgeTpuPackages().size() + " packages, expected " + customOps);
      }
      assertEquals(customOps > 0, model.isCompiled(), file.getFileName().toString());
      for (EdgeTpuPackage pkg : model.edgeTpuPackages()) {
        int runtime = expected.path("min_runtime_version").asInt(-1);
        String label = expected.path("package_compiler_version").isTextual()
            ? expected.path("package_compiler_version").asText() : null;
        if (pkg.minRuntimeVersion() != runtime || !java.util.Objects.equals(pkg.compilerVersion(), label)) {
          disagreements.add(file.getFileName() + ": " + pkg + ", expected runtime " + runtime + " label " + label);
        }
      }
    }
    System.out.println("edge tpu packages: " + checked + " compiled models checked, "
        + disagreements.size() + " disagreements");
    assertTrue(checked > 0);
    assertEquals(List.of(), disagreements);
  }

  @Test
  void everyCompiledCorpusModelHasAReadablePackage() throws Exception {
    List<String> unreadable = new ArrayList<>();
    int compiled = 0;
    for (Path path : CorpusSupport.models()) {
      if (!path.getFileName().toString().endsWith("_edgetpu.tflite")) {
        continue;
      }
      Model model = TfliteReader.read(path);
      for (EdgeTpuPackage pkg : model.edgeTpuPackages()) {
        compiled++;
        if (pkg.minRuntimeVersion() < 10 || pkg.compilerVersion() == null || !pkg.compilerVersion().startsWith("cl/")) {
          unreadable.add(path.getFileName() + ": " + pkg);
        }
      }
    }
    System.out.println("edge tpu packages: " + compiled + " decoded from *_edgetpu.tflite");
    assertTrue(compiled > 0);
    assertEquals(List.of(), unreadable);
  }
}
