package dev.edgetpulint.bench;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.CompilerPath;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.rules.RuleEngine;
import dev.edgetpulint.rules.RuleSet;
import dev.edgetpulint.tflite.TfliteReader;
import dev.edgetpulint.tflite.TfliteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm judging of a 300-operator model: memory-map and read the file, evaluate the built-in rules
 * and run the compiler path (quantization stage, mapping, partitioning, memory). The same graph with
 * ten times the weight bytes must cost about the same: weights are mapped, never copied or scanned.
 *
 * <p>Fifteen seconds of warm-up: the judge's time still falls until about the tenth second (the JIT
 * compiling the rule evaluator), and with five the first measured iterations were part of the warm-up.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@State(Scope.Benchmark)
public class JudgeBenchmark {
  @Param({"small", "weights10x"})
  public String weights;

  private Path file;
  private CompilerPath compilerPath;
  private final AnalysisOptions options = AnalysisOptions.defaults();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    int channels = "small".equals(weights) ? BenchModels.SMALL_CHANNELS : BenchModels.LARGE_CHANNELS;
    file = Files.createTempFile("edgetpu-lint-bench-" + weights, ".tflite");
    Files.write(file, TfliteWriter.write(BenchModels.blockChain(BenchModels.BLOCKS_300_OPS, channels, 16)));
    RuleEngine rules = new RuleEngine(RuleSet.builtIn());
    compilerPath = new CompilerPath(rules::evaluate);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(file);
  }

  /** Read + rules + compiler path: what `check` does for one model, minus printing. */
  @Benchmark
  public ModelAnalysis judge() {
    Model model = TfliteReader.read(file);
    return compilerPath.analyze(model, options);
  }

  /** The reader alone. */
  @Benchmark
  public Model read() {
    return TfliteReader.read(file);
  }
}
