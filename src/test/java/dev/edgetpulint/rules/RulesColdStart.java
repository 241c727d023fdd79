package dev.edgetpulint.rules;

import dev.edgetpulint.graph.Model;
import dev.edgetpulint.tflite.TfliteReader;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures the rule engine's cold start in a fresh JVM (not a test; run by hand, see
 * docs/rules-engine.md): {@code java -cp ... dev.edgetpulint.rules.RulesColdStart MODEL.tflite [eager]}.
 * Prints milliseconds for: reading the packaged rules, compiling (all rules when "eager", else only
 * those the model needs, on first use), the first evaluation, and a second evaluation.
 */
public final class RulesColdStart {
  private RulesColdStart() {}

  public static void main(String[] args) {
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    long c0 = cpu.getCurrentThreadCpuTime();
    Model model = TfliteReader.read(Path.of(args[0]));
    long c1 = cpu.getCurrentThreadCpuTime();
    long t1 = System.nanoTime();
    RuleSet rules = RuleSet.builtIn();
    long c2 = cpu.getCurrentThreadCpuTime();
    long t2 = System.nanoTime();
    RuleEngine engine = new RuleEngine(rules);
    boolean eager = args.length > 1 && args[1].equals("eager");
    if (eager) {
      engine.compileAll();
    }
    long c3 = cpu.getCurrentThreadCpuTime();
    long t3 = System.nanoTime();
    List<Finding> findings = engine.evaluate(model, 14);
    long c4 = cpu.getCurrentThreadCpuTime();
    long t4 = System.nanoTime();
    engine.evaluate(model, 14);
    long c5 = cpu.getCurrentThreadCpuTime();
    long t5 = System.nanoTime();
    System.out.printf("main-thread cpu: read=%.0fms load=%.0fms compile=%.0fms first=%.0fms second=%.1fms%n",
        ms(c1 - c0), ms(c2 - c1), ms(c3 - c2), ms(c4 - c3), ms(c5 - c4));
    int ops = model.subgraphs().stream().mapToInt(s -> s.operators().size()).sum();
    System.out.printf("wall: model=%s ops=%d rules=%d findings=%d read=%.0fms load=%.0fms compile%s=%.0fms first=%.0fms second=%.1fms total=%.0fms%n",
        Path.of(args[0]).getFileName(), ops, rules.size(), findings.size(), ms(t1 - t0), ms(t2 - t1),
        eager ? "(all)" : "(lazy)", ms(t3 - t2), ms(t4 - t3), ms(t5 - t4), ms(t4 - t0));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
