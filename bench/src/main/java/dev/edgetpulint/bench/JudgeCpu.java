package dev.edgetpulint.bench;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.CompilerPath;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.rules.RuleEngine;
import dev.edgetpulint.rules.RuleSet;
import dev.edgetpulint.tflite.TfliteReader;
import dev.edgetpulint.tflite.TfliteWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Thread CPU time of warm judging of the 300-op bench model, split into the whole judge (read +
 * rules + compiler path, as {@link JudgeBenchmark#judge}), the rules alone and the read alone, and
 * the whole judge and the read of the same graph with 10x the weight bytes: best batch of 20 out of
 * 30, after {@code args[0]} (default 2000) warm-up judges of each model. CPU time of the measuring
 * thread is steadier than JMH's wall time on a shared machine.
 *
 * <pre>java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.edgetpulint.bench.JudgeCpu</pre>
 */
public final class JudgeCpu {
  private JudgeCpu() {}

  public static void main(String[] args) throws Exception {
    Path file = Files.createTempFile("edgetpu-lint-judgecpu", ".tflite");
    Path file10x = Files.createTempFile("edgetpu-lint-judgecpu-10x", ".tflite");
    try {
      Files.write(file, TfliteWriter.write(BenchModels.blockChain(BenchModels.BLOCKS_300_OPS, BenchModels.SMALL_CHANNELS, 16)));
      Files.write(file10x, TfliteWriter.write(BenchModels.blockChain(BenchModels.BLOCKS_300_OPS, BenchModels.LARGE_CHANNELS, 16)));
      RuleEngine rules = new RuleEngine(RuleSet.builtIn());
      CompilerPath path = new CompilerPath(rules::evaluate);
      AnalysisOptions options = AnalysisOptions.defaults();
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
      long sink = 0;
      for (int i = 0; i < warmUp; i++) {
        sink += path.analyze(TfliteReader.read(file), options).placements().size();
        sink += path.analyze(TfliteReader.read(file10x), options).placements().size();
      }
      Model model = TfliteReader.read(file);
      java.util.Map<String, Double> bests = new java.util.HashMap<>();
      for (String part : new String[] {"judge", "rules", "read", "judge 10x weights", "read 10x weights"}) {
        double best = Double.MAX_VALUE;
        for (int batch = 0; batch < 30; batch++) {
          long start = mx.getCurrentThreadCpuTime();
          for (int i = 0; i < 20; i++) {
            sink += switch (part) {
              case "judge" -> path.analyze(TfliteReader.read(file), options).placements().size();
              case "rules" -> rules.evaluate(model, 14).size();
              case "read" -> TfliteReader.read(file).subgraphs().size();
              case "judge 10x weights" -> path.analyze(TfliteReader.read(file10x), options).placements().size();
              default -> TfliteReader.read(file10x).subgraphs().size();
            };
          }
          best = Math.min(best, (mx.getCurrentThreadCpuTime() - start) / 20.0);
        }
        bests.put(part, best);
        System.out.printf("%s: %.3f ms thread CPU per run (best batch of 20)%s%n", part, best / 1e6,
            part.endsWith("10x weights") ? String.format(" = %.2fx the small model",
                best / bests.get(part.substring(0, part.indexOf(' ')))) : "");
      }
      System.out.println("load average " + Files.readString(Path.of("/proc/loadavg")).trim() + (sink == 42 ? " " : ""));
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file10x);
    }
  }
}
