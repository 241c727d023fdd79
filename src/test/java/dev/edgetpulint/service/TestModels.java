package dev.edgetpulint.service;

import dev.edgetpulint.description.DescriptionWriter;
import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.TensorType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small models for service, report and CLI tests. */
public final class TestModels {
  private TestModels() {}

  /** int8 CONV_2D -> LEAKY_RELU -> ADD: one unsupported op, one collateral op. */
  public static Model partlyMapped(String source) {
    GraphBuilder g = new GraphBuilder().source(source);
    int in = g.activation("input", TensorType.INT8, 1, 8, 8, 4);
    int w = g.constantFilled("conv/weights", TensorType.INT8, new int[] {4, 3, 3, 4}, (byte) 1);
    int a = g.activation("conv", TensorType.INT8, 1, 8, 8, 4);
    int b = g.activation("leaky", TensorType.INT8, 1, 8, 8, 4);
    int c = g.activation("out", TensorType.INT8, 1, 8, 8, 4);
    g.op("CONV_2D").inputs(in, w).outputs(a).add();
    g.op("LEAKY_RELU").inputs(a).outputs(b).add();
    g.op("ADD").inputs(b, a).outputs(c).add();
    return g.inputs(in).outputs(c).build();
  }

  /** int8 CONV_2D -> ADD: every op maps. */
  public static Model fullyMapped(String source) {
    GraphBuilder g = new GraphBuilder().source(source);
    int in = g.activation("input", TensorType.INT8, 1, 8, 8, 4);
    int w = g.constantFilled("conv/weights", TensorType.INT8, new int[] {4, 3, 3, 4}, (byte) 1);
    int a = g.activation("conv", TensorType.INT8, 1, 8, 8, 4);
    int c = g.activation("out", TensorType.INT8, 1, 8, 8, 4);
    g.op("CONV_2D").inputs(in, w).outputs(a).add();
    g.op("ADD").inputs(a, a).outputs(c).add();
    return g.inputs(in).outputs(c).build();
  }

  /** float32 CONV_2D: nothing maps. */
  public static Model floatModel(String source) {
    GraphBuilder g = new GraphBuilder().source(source);
    int in = g.activation("input", TensorType.FLOAT32, 1, 8, 8, 4);
    int w = g.constantFilled("conv/weights", TensorType.FLOAT32, new int[] {4, 3, 3, 4}, (byte) 1);
    int out = g.activation("out", TensorType.FLOAT32, 1, 8, 8, 4);
    g.op("CONV_2D").inputs(in, w).outputs(out).add();
    return g.inputs(in).outputs(out).build();
  }

  /** Writes {@code model} as a description file. */
  public static Path write(Path file, Model model) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, DescriptionWriter.write(model), StandardCharsets.UTF_8);
    return file;
  }

  /** A service with the real loaders and the {@link TestEngine}. */
  public static LintService service() {
    return new LintService(new StandardModelLoader(), new TestEngine());
  }
}
