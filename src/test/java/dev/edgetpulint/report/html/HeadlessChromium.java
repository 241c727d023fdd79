package dev.edgetpulint.report.html;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, when installed: screenshots and the rendered DOM of a local page. */
final class HeadlessChromium {
  private final Path binary;

  private HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  static Optional<HeadlessChromium> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(new HeadlessChromium(candidate));
        }
      }
    }
    return Optional.empty();
  }

  private List<String> base(Path profile) {
    List<String> args = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage",
        "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile));
    return args;
  }

  void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    List<String> args = base(Files.createTempDirectory("chromium-profile"));
    args.add("--screenshot=" + png.toAbsolutePath());
    args.add("--window-size=" + width + "," + height);
    args.add(page.toUri().toString());
    run(args, null);
  }

  String dumpDom(Path page) throws IOException, InterruptedException {
    List<String> args = base(Files.createTempDirectory("chromium-profile"));
    args.add("--dump-dom");
    args.add(page.toUri().toString());
    Path out = Files.createTempFile("dom", ".html");
    run(args, out);
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static void run(List<String> args, Path stdout) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
    Process p = pb.start();
    // A guard against a hung browser, not a performance assertion.
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish: " + args);
    }
  }
}
