package dev.edgetpulint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.edgetpulint.cli.Main;
import dev.edgetpulint.service.StandardServices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The check options and formats this branch adds, through the real command line on a corpus model. */
class ShowCliTest {
  static Path model(String name) {
    Path file = Path.of(System.getProperty("edgetpulint.corpus", "../shared/corpus")).resolve("models").resolve(name);
    Assumptions.assumeTrue(Files.exists(file), "corpus model not present");
    return file;
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine(StandardServices::lintService);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void htmlAndModelExplorerInOneRun(@TempDir Path dir) throws Exception {
    Path model = model("coral__deeplabv3_mnv2_dm05_pascal_quant.tflite");
    Path html = dir.resolve("report.html");
    Path json = dir.resolve("node_data.json");
    Run r = run("check", "--runtime", "13", "--format", "html", "-o", html.toString(), "--format", "model-explorer",
        "-o", json.toString(), model.toString());
    assertEquals(1, r.exit(), r.err());
    String page = Files.readString(html);
    assertEquals(72, HtmlReportCounts.count(page, "<g class=\"op "));
    assertTrue(page.contains("jump to the cut (operators[64] RESIZE_BILINEAR)"), "the real cut is linked");
    assertTrue(page.contains("<table class=\"matrix\">"));
    JsonNode nodeData = new ObjectMapper().readTree(json.toFile());
    assertEquals(72, nodeData.get("results").size(), "one result per operator output");
  }

  @Test
  void matrixAndExplainCompileOnTheTerminal() {
    Path model = model("coral__deeplabv3_mnv2_dm05_pascal_quant.tflite");
    Run r = run("check", "--runtime", "13", "--matrix", "--explain-compile", model.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.out().contains("13       14.1      64        8        operators[64] RESIZE_BILINEAR"), r.out());
    assertTrue(r.out().contains("edgetpu_compiler -s -m 13 -i 'image_pooling/Relu;"), r.out());
  }

  @Test
  void aHtmlFileNameChoosesTheFormat(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("page.html");
    Run r = run("check", "-o", html.toString(), model("coral__mobilenet_v1_0.25_128_quant.tflite").toString());
    assertTrue(r.exit() <= 1, r.err());
    assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));
  }

  /** Counting helper shared with the HTML tests' style. */
  static final class HtmlReportCounts {
    static int count(String text, String part) {
      int n = 0;
      for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
        n++;
      }
      return n;
    }
  }
}
