package dev.edgetpulint.cli;

import dev.edgetpulint.description.DescriptionException;
import dev.edgetpulint.description.DescriptionReader;
import dev.edgetpulint.description.DescriptionWriter;
import dev.edgetpulint.graph.Model;
import dev.edgetpulint.graph.ModelReadException;
import dev.edgetpulint.report.AtomicFiles;
import dev.edgetpulint.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
        // One element per paragraph: picocli wraps each element at the terminal's width.
        "The description lists subgraphs, tensors (type, shape, shape signature, quantization, constness) "
            + "and operators with their options, one line each. `edgetpu-lint check` reads it exactly like the "
            + "binary model, and you can edit it (or write one by hand) to try an architecture before training.",
        "",
        "Weights are not written: small constants (axes, paddings, shapes) keep their values, all-zero "
            + "constants say `constant: zeros`, others `constant: true`. Schema: docs/schema/description.schema.json."},
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
      // A mistyped -o directory is an error here, not a directory to create.
      Path directory = output.toAbsolutePath().getParent();
      if (directory != null && !Files.isDirectory(directory)) {
        throw new NoSuchFileException(directory.toString(), null, "no such directory");
      }
      AtomicFiles.write(output, out -> out.write(text));
    } catch (IOException e) {
      err.println("edgetpu-lint: " + output + ": cannot write: " + e.getMessage());
      err.flush();
      return 2;
    }
    return 0;
  }
}
