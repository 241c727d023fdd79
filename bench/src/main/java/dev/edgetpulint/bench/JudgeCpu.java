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
 * rules + compiler path, as {@link JudgeBenchmark#judge}), the rules alone and the read alone:
 * best batch of 20 out of 30, after {@code args[0]} (default 2000) warm-up judges. CPU time of the
 * measuring thread is steadier than JMH's wall time on a shared machine.
 *
 * <pre>java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.edgetpulint.bench.JudgeCpu</pre>
 */
public final class JudgeCpu {
  private JudgeCpu() {}

  public static void main(String[] args) throws Exception {
    Path file = Files.createTempFile("edgetpu-lint-judgecpu", ".tflite");
    try {
      Files.write(file, TfliteWriter.write(BenchModels.blockChain(BenchModels.BLOCKS_300_OPS, BenchModels.SMALL_CHANNELS, 16)));
      RuleEngine rules = new RuleEngine(RuleSet.builtIn());
      CompilerPath path = new CompilerPath(rules::evaluate);
      AnalysisOptions options = AnalysisOptions.defaults();
      ThreadMXBean mx = ManagementFactory.getThreadMXBean();
      int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
      long sink = 0;
      for (int i = 0; i < warmUp; i++) {
        sink += path.analyze(TfliteReader.read(file), options).placements().size();
      }
      Model model = TfliteReader.read(file);
      for (String part : new String[] {"judge", "rules", "read"}) {
        double best = Double.MAX_VALUE;
        for (int batch = 0; batch < 30; batch++) {
          long start = mx.getCurrentThreadCpuTime();
          for (int i = 0; i < 20; i++) {
            sink += switch (part) {
              case "judge" -> path.analyze(TfliteReader.read(file), options).placements().size();
              case "rules" -> rules.evaluate(model, 14).size();
              default -> TfliteReader.read(file).subgraphs().size();
            };
          }
          best = Math.min(best, (mx.getCurrentThreadCpuTime() - start) / 20.0);
        }
        System.out.printf("%s: %.3f ms thread CPU per run (best batch of 20)%n", part, best / 1e6);
      }
      System.out.println("load average " + Files.readString(Path.of("/proc/loadavg")).trim() + (sink == 42 ? " " : ""));
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
