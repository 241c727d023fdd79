package dev.edgetpulint.report;

import dev.edgetpulint.description.DescriptionReader;
import dev.edgetpulint.description.DescriptionWriter;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Span;
import dev.edgetpulint.service.InputError;
import dev.edgetpulint.service.LintOptions;
import dev.edgetpulint.service.LintRun;
import dev.edgetpulint.service.LintService;
import dev.edgetpulint.service.ModelReport;
import dev.edgetpulint.service.StandardModelLoader;
import dev.edgetpulint.service.TestEngine;
import dev.edgetpulint.service.TestModels;
import dev.edgetpulint.service.baseline.Baseline;
import dev.edgetpulint.service.baseline.BaselineEntry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed lint run for report tests: fixed paths under /repo (no file is read), fixed hashes, a fixed
 * tool version. A binary-like model with byte spans, a description with line spans, a float model
 * whose finding is suppressed by a baseline, and an input that could not be read.
 */
final class ReportFixtures {
  static final Path ROOT = Path.of("/repo");
  static final String HASH_A = "a".repeat(64);
  static final String HASH_B = "b".repeat(64);
  static final String HASH_C = "c".repeat(64);

  private ReportFixtures() {}

  static ReportContext context() {
    return new ReportContext("edgetpu-lint", "0.0.0-test", "https://github.com/edgetpu-lint/edgetpu-lint", ROOT,
        ROOT, List.of("check", "models"));
  }

  static LintRun run() throws Exception {
    TestEngine engine = new TestEngine();
    LintService service = new LintService(new StandardModelLoader(), engine);
    Baseline baseline = new Baseline(ROOT.resolve("baseline.json"), List.of(
        new BaselineEntry("models/float.tflite", HASH_C, TestEngine.FLOAT_RULE, "subgraphs[0].operators[0]",
            "legacy float model, replaced in Q3"),
        new BaselineEntry("models/float.tflite", HASH_C, TestEngine.UNSUPPORTED_RULE, "subgraphs[0].operators[7]",
            "stale: the op was removed"),
        new BaselineEntry("models/elsewhere.tflite", "d".repeat(64), TestEngine.UNSUPPORTED_RULE, "model",
            "a model outside this run is not judged")));
    LintOptions options = new LintOptions(13, false, List.of(), null, baseline, ROOT);

    Model binary = withByteSpans(TestModels.partlyMapped("models/detector.tflite"));
    ModelReport a = service.analyze(binary, ROOT.resolve("models/detector.tflite"), HASH_A, options);

    String yaml = DescriptionWriter.write(TestModels.partlyMapped("models/head.tflite.yaml"));
    Model description = DescriptionReader.parse(yaml, "models/head.tflite.yaml");
    ModelReport b = service.analyze(description, ROOT.resolve("models/head.tflite.yaml"), HASH_B, options);

    ModelReport c = service.analyze(TestModels.floatModel("models/float.tflite"),
        ROOT.resolve("models/float.tflite"), HASH_C, options);

    InputError error = new InputError("models/broken.tflite",
        "not a TFLite model: file identifier is 'abcd', expected 'TFL3'", null);
    List<BaselineEntry> unusedEntries = new java.util.ArrayList<>(baseline.entries());
    unusedEntries.remove(0);
    var unused = List.of(new dev.edgetpulint.service.UnusedSuppression("baseline", "baseline.json",
        unusedEntries.get(0).path(), unusedEntries.get(0).rule(), unusedEntries.get(0).location(),
        unusedEntries.get(0).reason()));
    return new LintRun(List.of(a, b, c), List.of(error), engine.rules(List.of()), unused);
  }

  /** The model with made-up byte spans for its operators, as the binary reader records them. */
  static Model withByteSpans(Model model) {
    Map<String, Span> spans = new HashMap<>(model.spans());
    for (var op : model.mainSubgraph().operators()) {
      spans.put(Model.operatorLocation(0, op.index()), Span.bytes(1000 + 40L * op.index(), 36));
    }
    return new Model(model.source(), model.schemaVersion(), model.description(), model.subgraphs(),
        model.metadataNames(), model.signatureKeys(), model.edgeTpuPackages(), spans);
  }
}
