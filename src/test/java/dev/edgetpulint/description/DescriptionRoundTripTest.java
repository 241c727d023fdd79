package dev.edgetpulint.description;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.edgetpulint.graph.GraphBuilder;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Quantization;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import dev.edgetpulint.graph.TensorType;
import dev.edgetpulint.graph.ModelReadException;
import dev.edgetpulint.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DescriptionRoundTripTest {

  /** Everything about a graph that a rule or the compiler path can observe, as comparable text. */
  static List<String> observable(Model model) {
    return observable(model, false);
  }

  /** With {@code uniqueNames}, tensor names as a description writes them (duplicates get "#index"). */
  static List<String> observable(Model model, boolean uniqueNames) {
    List<String> out = new ArrayList<>();
    out.add("model " + model.schemaVersion() + " " + model.description() + " " + model.metadataNames() + " "
        + model.signatureKeys() + " " + model.edgeTpuPackages());
    for (Subgraph g : model.subgraphs()) {
      out.add("subgraph " + g.index() + " " + g.name() + " in=" + g.inputs() + " out=" + g.outputs());
      List<String> names = uniqueNames ? DescriptionWriter.uniqueNames(g) : null;
      for (Tensor t : g.tensors()) {
        String data = t.data() == null ? "activation" : "constant bytes=" + t.data().byteLength()
            + " zero=" + t.data().isAllZero()
            // Values of a sparse tensor are its compressed data, not elements: no rule reads them.
            + (t.elementCount() <= DescriptionWriter.MAX_WRITTEN_VALUES && !t.sparse()
                ? " values=" + t.data().values() : "");
        out.add("tensor " + t.index() + " " + (names == null ? t.name() : names.get(t.index())) + " " + t.type() + " " + t.shape() + " "
            + t.shapeSignature() + " " + t.quantization() + " " + data + " var=" + t.variable()
            + " sparse=" + t.sparse());
      }
      for (Operator op : g.operators()) {
        TreeMap<String, String> options = new TreeMap<>();
        op.options().forEach((k, v) -> options.put(k, v + ":" + (v instanceof List ? "List" : v.getClass().getSimpleName())));
        out.add("op " + op.index() + " " + op.opName() + " " + op.builtinCode() + " " + op.customCode() + " v"
            + op.version() + " " + op.inputs() + " -> " + op.outputs() + " " + options);
      }
    }
    return out;
  }

  @Test
  void writtenDescriptionReadsBackAsTheSameGraph() throws Exception {
    GraphBuilder g = new GraphBuilder();
    int in = g.activation("serving_default_input:0", TensorType.INT8, 1, 8, 8, 16);
    int w = g.constantFilled("weights", TensorType.INT8, new int[] {16, 3, 3, 16}, (byte) 7);
    int b = g.constant("bias", TensorType.INT32, new int[] {16});
    int conv = g.dynamicActivation("conv", TensorType.INT8, new int[] {1, 8, 8, 16}, new int[] {-1, 8, 8, 16});
    int axes = g.int32Values("axes", 1, 2);
    int mean = g.activation("mean", TensorType.INT8, 1, 16);
    int paddings = g.int32Values("paddings", new int[] {4, 2}, 0, 0, 1, 1, 1, 1, 0, 0);
    int padded = g.activation("padded", TensorType.INT8, 1, 10, 10, 16);
    int f = g.activation("true", TensorType.FLOAT32, 1, 16);
    int dup = g.activation("conv", TensorType.UINT8, 1, 16);
    g.quantization(dup, Quantization.NONE);
    g.quantization(w, new Quantization(List.of(0.001f, 2.5e-10f, 1e12f), List.of(0L, 0L, 0L), 3));
    g.op("CONV_2D").inputs(in, w, b).outputs(conv).option("padding", "SAME").option("stride_w", 1)
        .option("dilation_w_factor", 2).option("fused_activation_function", "RELU6").add();
    g.op("MEAN").version(2).inputs(conv, axes).outputs(mean).option("keep_dims", false).add();
    g.op("PAD").inputs(conv, paddings).outputs(padded).add();
    g.op("DEQUANTIZE").inputs(mean).outputs(f).add();
    g.op("CUSTOM:TFLite_Detection_PostProcess").inputs(f, -1).outputs(dup)
        .option("scale", 0.5f).option("list", List.of(1, 2)).option("big", 1L << 40).add();
    Model model = g.inputs(in).outputs(f, dup).nextSubgraph().build();

    String text = DescriptionWriter.write(model);
    Model back = DescriptionReader.parse(text, "fixture.tflite.yaml");
    List<String> expected = observable(model);
    List<String> actual = observable(back);
    // The only intended difference: a duplicate tensor name gets its index appended.
    expected.replaceAll(line -> line.replace("tensor 9 conv ", "tensor 9 conv#9 "));
    assertEquals(String.join("\n", expected), String.join("\n", actual), text);
    // Writing the read model again gives the same text: the format is a fixed point.
    assertEquals(text.replace("source: fixture.tflite\n", "source: fixture.tflite.yaml\n"),
        DescriptionWriter.write(back));
  }

  @Test
  void everyCorpusModelSurvivesDescribeAndRead() throws Exception {
    Path corpus = Path.of(System.getProperty("edgetpulint.corpus", "../shared/corpus"), "models");
    Assumptions.assumeTrue(Files.isDirectory(corpus), "corpus absent: " + corpus);
    List<Path> models;
    try (Stream<Path> files = Files.list(corpus)) {
      models = files.filter(p -> p.toString().endsWith(".tflite")).sorted().toList();
    }
    int same = 0;
    int unreadable = 0;
    List<String> different = new ArrayList<>();
    for (Path path : models) {
      Model model;
      try {
        model = TfliteReader.read(path);
      } catch (ModelReadException e) {
        unreadable++;
        continue;
      }
      long t0 = System.nanoTime();
      String text = DescriptionWriter.write(model);
      long t1 = System.nanoTime();
      Model back = DescriptionReader.parse(text, path + ".yaml");
      long t2 = System.nanoTime();
      if (Boolean.getBoolean("edgetpulint.timing")) {
        System.out.printf("%s write %d ms read %d ms, %d chars%n", path.getFileName(), (t1 - t0) / 1_000_000,
            (t2 - t1) / 1_000_000, text.length());
      }
      if (observable(model, true).equals(observable(back))) {
        same++;
      } else {
        List<String> a = observable(model, true);
        List<String> b = observable(back);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          if (!a.get(i).equals(b.get(i))) {
            different.add(path.getFileName() + ": " + a.get(i) + " | " + b.get(i));
            break;
          }
        }
      }
    }
    System.out.println("description round trip: " + same + " of " + (models.size() - unreadable)
        + " readable corpus models identical (" + unreadable + " unreadable)");
    assertEquals(List.of(), different);
    Assumptions.assumeTrue(same > 0, "no readable corpus model");
  }

  @Test
  void stringsThatYamlWouldReadAsSomethingElseAreQuoted() {
    assertEquals("conv", DescriptionWriter.string("conv"));
    assertEquals("\"true\"", DescriptionWriter.string("true"));
    assertEquals("\"on\"", DescriptionWriter.string("on"));
    assertEquals("\"12\"", DescriptionWriter.string("12"));
    assertEquals("\"a:b\"", DescriptionWriter.string("a:b"));
    assertEquals("\"\"", DescriptionWriter.string(""));
    assertEquals("\"x \\\"y\\\"\"", DescriptionWriter.string("x \"y\""));
    assertEquals("1.0E+12", DescriptionWriter.number(1e12f));
    assertEquals("2.5E-10", DescriptionWriter.number(2.5e-10f));
  }
}
