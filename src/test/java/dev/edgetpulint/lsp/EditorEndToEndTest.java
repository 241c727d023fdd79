package dev.edgetpulint.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with real editors from Debian (packages neovim, emacs-nox, elpa-eglot): each starts
 * {@code bin/edgetpu-lint lsp}, opens a description and must see its diagnostics on the operator's line,
 * and the diagnostics of a .tflite in the workspace. Skips when the editor is not installed.
 */
class EditorEndToEndTest {
  @TempDir Path workspace;

  private static Optional<Path> onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The description and a float .tflite (copied from the corpus) in a fresh workspace. */
  private Map<String, String> prepareWorkspace() throws IOException {
    Path models = Path.of(System.getProperty("edgetpulint.corpus", "../shared/corpus"), "models");
    Assumptions.assumeTrue(Files.isDirectory(models), "corpus absent");
    Path source;
    try (var files = Files.list(models)) {
      source = files.filter(p -> p.getFileName().toString().endsWith("_float.tflite")).sorted().findFirst()
          .orElse(null);
    }
    Assumptions.assumeTrue(source != null, "no float model in the corpus");
    Path launcher = Path.of("bin", "edgetpu-lint").toAbsolutePath();
    Assumptions.assumeTrue(Files.isExecutable(launcher), "bin/edgetpu-lint missing");
    Path description = Files.writeString(workspace.resolve("model.tflite.yaml"), LspTestSupport.DILATED);
    Path binary = Files.copy(source, Files.createDirectories(workspace.resolve("models")).resolve("float.tflite"));
    return Map.of(
        "EDGETPU_LINT_BIN", launcher.toString(),
        "EDGETPU_LINT_CLASSPATH", System.getProperty("java.class.path"),
        "JAVA_HOME", System.getProperty("java.home"),
        "E2E_ROOT", workspace.toRealPath().toString(),
        "E2E_DESCRIPTION", description.toRealPath().toString(),
        "E2E_BINARY", binary.toRealPath().toString(),
        "E2E_OUT", workspace.resolve("result.tsv").toString());
  }

  private List<String> runEditor(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    builder.environment().put("HOME", workspace.toString());
    builder.environment().put("TERM", "dumb");
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] log;
    try (InputStream in = process.getInputStream()) {
      log = in.readAllBytes();
    }
    boolean finished = process.waitFor(300, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = new String(log, StandardCharsets.UTF_8);
    Path result = Path.of(env.get("E2E_OUT"));
    assertTrue(finished, "editor did not finish: " + output);
    assertTrue(Files.exists(result), "editor wrote no result: " + output);
    return Files.readAllLines(result);
  }

  @Test
  void neovimSeesDiagnosticsOfTheDescriptionAndOfTheWorkspaceModel() throws Exception {
    Optional<Path> nvim = onPath("nvim");
    Assumptions.assumeTrue(nvim.isPresent(), "Neovim not installed (Debian package neovim)");
    Map<String, String> env = prepareWorkspace();
    Path script = workspace.resolve("e2e.lua");
    try (InputStream in = getClass().getResourceAsStream("nvim-diagnostics.lua")) {
      Files.write(script, in.readAllBytes());
    }
    List<String> lines = runEditor(List.of(nvim.get().toString(), "--headless", "-u", "NONE", "-i", "NONE", "-n",
        "-c", "luafile " + script), env);
    String all = String.join("\n", lines);
    assertTrue(lines.contains("waited\ttrue"), all);
    // Neovim's lnum is 0-based: line 13 of the file holds the CONV_2D.
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("description\t12\t1\tEDGETPU-CONV2D-DILATION\t")), all);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("binary\t0\t")), all);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("hover\t") && l.contains("CONV_2D")), all);
  }

  @Test
  void emacsEglotSeesDiagnosticsOfTheDescriptionAndOfTheWorkspaceModel() throws Exception {
    Optional<Path> emacs = onPath("emacs");
    Assumptions.assumeTrue(emacs.isPresent(), "Emacs not installed (Debian packages emacs-nox, elpa-eglot)");
    Map<String, String> env = prepareWorkspace();
    Path script = workspace.resolve("e2e.el");
    try (InputStream in = getClass().getResourceAsStream("eglot-diagnostics.el")) {
      Files.write(script, in.readAllBytes());
    }
    Process probe = new ProcessBuilder(emacs.get().toString(), "--batch", "--eval",
        "(progn (package-initialize) (kill-emacs (if (require 'eglot nil t) 0 3)))").redirectErrorStream(true).start();
    probe.getInputStream().readAllBytes();
    Assumptions.assumeTrue(probe.waitFor(120, TimeUnit.SECONDS) && probe.exitValue() == 0,
        "eglot not installed (Debian package elpa-eglot)");
    List<String> lines = runEditor(List.of(emacs.get().toString(), "--batch", "--eval", "(package-initialize)",
        "-l", script.toString()), env);
    String all = String.join("\n", lines);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("description\t12\t") && l.contains("2x1")), all);
    assertTrue(lines.stream().anyMatch(l -> l.matches("binary\t[1-9][0-9]*")), all);
    assertEquals(lines.stream().filter(l -> l.startsWith("description\t")).count(),
        lines.stream().filter(l -> l.startsWith("description\t")).distinct().count(), all);
  }
}
