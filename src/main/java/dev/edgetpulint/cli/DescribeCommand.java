package dev.edgetpulint.cli;

import dev.edgetpulint.description.DescriptionException;
import dev.edgetpulint.description.DescriptionReader;
import dev.edgetpulint.description.DescriptionWriter;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.ModelReadException;
import dev.edgetpulint.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgetpu-lint describe MODEL.tflite [-o FILE]}: writes the model's YAML description. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Write a readable YAML description of a TensorFlow Lite model (MODEL.tflite.yaml).",
        "",
        "The description lists subgraphs, tensors (type, shape, shape signature, quantization, constness)",
        "and operators with their options, one line each. `edgetpu-lint check` reads it exactly like the",
        "binary model, and you can edit it (or write one by hand) to try an architecture before training.",
        "Weights are not written: small constants (axes, paddings, shapes) keep their values, all-zero",
        "constants say `constant: zeros`, others `constant: true`. Schema: docs/schema/description.schema.json."},
    footer = {"", "Exit codes: 0 written, 2 the model could not be read or the output not written.",
        "", "Example:", "  edgetpu-lint describe model.tflite -o model.tflite.yaml"})
public final class DescribeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The .tflite model (or a description to normalize).")
  Path model;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the description to FILE (atomically) instead of standard output.")
  Path output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String text;
    try {
      Model graph = DescriptionReader.isDescription(model) ? DescriptionReader.read(model) : TfliteReader.read(model);
      text = DescriptionWriter.write(graph);
    } catch (DescriptionException e) {
      err.println("edgetpu-lint: " + e.describe());
      err.flush();
      return 2;
    } catch (ModelReadException e) {
      err.println("edgetpu-lint: " + model + ": " + e.getMessage());
      err.flush();
      return 2;
    }
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
      return 0;
    }
    try {
      writeAtomically(output, text);
    } catch (IOException e) {
      err.println("edgetpu-lint: " + output + ": cannot write: " + e.getMessage());
      err.flush();
      return 2;
    }
    return 0;
  }

  /** Writes to a temporary file beside {@code target} and moves it into place: never half a file. */
  static void writeAtomically(Path target, String text) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
