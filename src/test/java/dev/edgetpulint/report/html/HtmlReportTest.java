package dev.edgetpulint.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.edgetpulint.compiler.AnalysisOptions;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.show.FakeCompilerPath;
import dev.edgetpulint.show.Fixtures;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  static final FakeCompilerPath PATH = new FakeCompilerPath(Map.of("LEAKY_RELU", 99, "DEPTHWISE_CONV_2D", 11));

  static String page() {
    ModelAnalysis a = PATH.analyze(Fixtures.cutModel(), new AnalysisOptions(13, false));
    return HtmlReport.render(List.of(ModelInsights.of(a, PATH)));
  }

  @Test
  void drawsEveryOperatorColouredByPlacementAndMarksTheCut() {
    String html = page();
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertEquals(7, count(html, "<g class=\"op "), "one node per operator");
    assertEquals(4, count(html, "<g class=\"op edgetpu\""));
    assertEquals(1, count(html, "<g class=\"op unsupported\""));
    assertEquals(2, count(html, "<g class=\"op collateral\""));
    // The one cut edge runs from the projecting conv (Edge TPU) into the LEAKY_RELU (CPU).
    assertEquals(2, count(html, "class=\"edge cut\""), "into LEAKY_RELU, and from the side conv into the ADD");
    assertTrue(html.contains("-i block1/project,side/conv"), html);
    // Self-contained: nothing is loaded when the page is opened (links to docs are only navigation).
    for (String loads : List.of("<script", "<link", " src=", "@import", "url(http", "<iframe", "<img")) {
      assertFalse(html.contains(loads), "the page must not load anything: found " + loads);
    }
  }

  @Test
  void linksEachFindingToItsOperatorAndBack() {
    String html = page();
    Matcher m = Pattern.compile("<a class=\"at\" href=\"#(m0-op-0-3)\">operators\\[3\\] LEAKY_RELU</a>").matcher(html);
    assertTrue(m.find(), "the finding links to the LEAKY_RELU node");
    assertTrue(html.contains("id=\"" + m.group(1) + "\""), "the node exists");
    assertTrue(html.contains("<a href=\"#m0-f0\">"), "the node links to its finding");
    assertTrue(html.contains("id=\"m0-f0\""));
  }

  @Test
  void showsTheMatrixTheFixesAndTheCompileCommand() {
    String html = page();
    assertTrue(html.contains("<table class=\"matrix\">"));
    assertTrue(html.contains("<td>10</td><td>1.0</td><td>2</td><td>5</td><td>operators[1] DEPTHWISE_CONV_2D"), "runtime 10: the depthwise conv cuts");
    assertTrue(html.contains("edgetpu_compiler -s -m 13 -i block1/project,side/conv models/cut_in_the_middle.tflite"));
    assertTrue(html.contains("Use ReLU (RELU maps on every runtime)"), "LeakyReLU alternative");
  }

  @Test
  void rendersInHeadlessChromium() throws Exception {
    var chromium = HeadlessChromium.find();
    Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed (apt-get install chromium)");
    Path dir = Files.createDirectories(Path.of("target", "html-report-test"));
    Path page = dir.resolve("report.html");
    Files.writeString(page, page(), StandardCharsets.UTF_8);

    String dom = chromium.get().dumpDom(page);
    assertEquals(7, count(dom, "<g class=\"op "), "the browser's DOM holds every operator node");
    assertTrue(dom.contains("class=\"edge cut\""));
    assertTrue(dom.contains("id=\"m0-f0\""));

    Path png = dir.resolve("report.png");
    Files.deleteIfExists(png);
    chromium.get().screenshot(page, png, 1400, 900);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1400, image.getWidth());
    // The placement colours are really painted: Edge TPU green, unsupported red, collateral orange, cut red.
    assertTrue(pixels(image, 0xc8e6c9) > 2000, "Edge TPU fill");
    assertTrue(pixels(image, 0xffcdd2) > 1000, "unsupported fill");
    assertTrue(pixels(image, 0xffe0b2) > 1000, "collateral fill");
    assertTrue(pixels(image, 0xd50000) > 50, "cut marks");
  }

  static int pixels(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y) & 0xffffff;
        if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) <= 3 && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) <= 3
            && Math.abs((p & 255) - (rgb & 255)) <= 3) {
          n++;
        }
      }
    }
    return n;
  }

  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
