package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.description.DescriptionWriter;
import dev.edgetpulint.service.TestModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real pre-commit (Debian package `pre-commit`) with this repository's .pre-commit-hooks.yaml
 * and bin/edgetpu-lint on a temporary git repository. Skips when pre-commit or git is not installed.
 * The launcher runs the classes under test through EDGETPU_LINT_CLASSPATH (the jar is not built yet
 * during the test phase).
 */
class PreCommitHookTest {
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  @TempDir Path temp;

  record Run(int exitCode, String output) {}

  @BeforeAll
  static void requireTools() {
    Assumptions.assumeTrue(onPath("pre-commit"), "pre-commit is not installed");
    Assumptions.assumeTrue(onPath("git"), "git is not installed");
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private Run run(Path dir, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("PRE_COMMIT_HOME", temp.resolve("pre-commit-home").toString());
    env.put("EDGETPU_LINT_CLASSPATH", System.getProperty("java.class.path"));
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("HOME", temp.toString());
    env.put("GIT_AUTHOR_NAME", "Test");
    env.put("GIT_AUTHOR_EMAIL", "test@example.invalid");
    env.put("GIT_COMMITTER_NAME", "Test");
    env.put("GIT_COMMITTER_EMAIL", "test@example.invalid");
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private Run ok(Path dir, String... command) throws Exception {
    Run run = run(dir, command);
    assertEquals(0, run.exitCode(), String.join(" ", command) + "\n" + run.output());
    return run;
  }

  /** A git repository holding only the hook definition and the launcher, as pre-commit clones it. */
  private String hookRepository(Path repo) throws Exception {
    Files.createDirectories(repo.resolve("bin"));
    Files.copy(PROJECT.resolve(".pre-commit-hooks.yaml"), repo.resolve(".pre-commit-hooks.yaml"));
    Files.copy(PROJECT.resolve("bin/edgetpu-lint"), repo.resolve("bin/edgetpu-lint"), StandardCopyOption.COPY_ATTRIBUTES);
    repo.resolve("bin/edgetpu-lint").toFile().setExecutable(true);
    ok(repo, "git", "init", "-q");
    ok(repo, "git", "add", ".");
    ok(repo, "git", "commit", "-q", "-m", "hooks");
    return ok(repo, "git", "rev-parse", "HEAD").output().strip();
  }

  @Test
  void refusesFloatModelPassesMappedModelAndLintsOnlyStagedFiles() throws Exception {
    Path hooks = temp.resolve("hooks");
    String rev = hookRepository(hooks);
    Path work = temp.resolve("work");
    Files.createDirectories(work.resolve("models"));
    ok(work, "git", "init", "-q");
    Files.writeString(work.resolve(".pre-commit-config.yaml"), String.join("\n",
        "repos:",
        "  - repo: " + hooks.toUri(),
        "    rev: " + rev,
        "    hooks:",
        "      - id: edgetpu-lint",
        "      - id: edgetpu-lint-descriptions",
        ""));
    ok(work, "git", "add", ".pre-commit-config.yaml");
    ok(work, "git", "commit", "-q", "--no-verify", "-m", "config");
    ok(work, "pre-commit", "install");

    // A float model is refused, with the findings shown.
    Files.copy(PROJECT.resolve("samples/float32_convnet.tflite"), work.resolve("models/float.tflite"));
    ok(work, "git", "add", "models/float.tflite");
    Run refused = run(work, "git", "commit", "-m", "add float model");
    assertNotEquals(0, refused.exitCode(), refused.output());
    assertTrue(refused.output().contains("models/float.tflite"), refused.output());
    assertTrue(refused.output().contains("Number of operations that will run on CPU: 3"), refused.output());
    assertTrue(refused.output().contains("error:"), refused.output());
    assertEquals("1", ok(work, "git", "rev-list", "--count", "HEAD").output().strip(), "the commit was refused");

    // Unstage it; a fully mapped model passes while the float model sits untracked beside it.
    ok(work, "git", "reset", "-q", "models/float.tflite");
    Files.copy(PROJECT.resolve("samples/int8_convnet.tflite"), work.resolve("models/good.tflite"));
    ok(work, "git", "add", "models/good.tflite");
    Run passed = run(work, "git", "commit", "-m", "add mapped model");
    assertEquals(0, passed.exitCode(), passed.output());
    assertFalse(passed.output().contains("float.tflite"), "only staged models are linted:\n" + passed.output());
    assertEquals("2", ok(work, "git", "rev-list", "--count", "HEAD").output().strip());

    // The description hook: a description of a float model is refused too.
    Files.writeString(work.resolve("models/head.tflite.yaml"), DescriptionWriter.write(TestModels.floatModel("head")));
    ok(work, "git", "add", "models/head.tflite.yaml");
    Run description = run(work, "git", "commit", "-m", "add description");
    assertNotEquals(0, description.exitCode(), description.output());
    assertTrue(description.output().contains("models/head.tflite.yaml"), description.output());
    List<String> hookNames = new ArrayList<>();
    for (String line : description.output().split("\n")) {
      if (line.startsWith("edgetpu-lint")) {
        hookNames.add(line);
      }
    }
    assertEquals(2, hookNames.size(), description.output());
  }
}
