package dev.edgetpulint.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.edgetpulint.compiler.ModelAnalysis;
import dev.edgetpulint.compiler.Placement;
import dev.edgetpulint.compiler.PlacementReason;
import dev.edgetpulint.compiler.Target;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import dev.edgetpulint.graph.Tensor;
import dev.edgetpulint.rules.Finding;
import dev.edgetpulint.service.LintRun;
import dev.edgetpulint.service.ModelReport;
import dev.edgetpulint.service.ReportedFinding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Node data for Google's Model Explorer (google-ai-edge/model-explorer, "custom node data"): one
 * graph's {@code {"results": {KEY: {"value", "bgColor"}}}} object, where KEY is an output tensor name of
 * the node (the documented way to address a TFLite node without knowing its id). The value is the
 * predicted placement as a category ("Edge TPU", "CPU: unsupported", ...) followed, for CPU operators,
 * by the reason (the finding's rule id and message, or the op that caused the cut); {@code bgColor} is the
 * category's colour, the same as in the HTML report. Load it in Model Explorer beside the .tflite file
 * (docs/model-explorer.md). Only the main subgraph is written: it is the one the compiler maps.
 */
public final class ModelExplorerNodeData implements Report {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Category labels and colours (CSS hex), as in the HTML report's legend. */
  public enum Category {
    EDGETPU("Edge TPU", "#a5d6a7"),
    UNSUPPORTED("CPU: unsupported", "#ef9a9a"),
    COLLATERAL("CPU: after the cut", "#ffcc80"),
    IO_BOUNDARY("CPU: float I/O edge", "#81d4fa"),
    REJECTED("CPU: model rejected", "#bdbdbd");

    public final String label;
    public final String color;

    Category(String label, String color) {
      this.label = label;
      this.color = color;
    }

    public static Category of(Placement p) {
      if (p.target() == Target.EDGETPU) {
        return EDGETPU;
      }
      return switch (p.reason()) {
        case UNSUPPORTED -> UNSUPPORTED;
        case COLLATERAL -> COLLATERAL;
        case IO_BOUNDARY -> IO_BOUNDARY;
        case MODEL_REJECTED -> REJECTED;
        case MAPPED -> EDGETPU;
      };
    }
  }

  @Override
  public void write(LintRun run, ReportContext context, Writer out) throws IOException {
    if (run.models().size() != 1) {
      throw new IOException("--format model-explorer writes the node data of one model per file; "
          + run.models().size() + " models were judged (lint them one at a time)");
    }
    ModelReport model = run.models().get(0);
    List<Finding> active = model.active().stream().map(ReportedFinding::finding).toList();
    out.write(MAPPER.writeValueAsString(toTree(model.analysis(), active)));
    out.write('\n');
  }

  /** The node data of one analysis; {@code findings} are the findings to quote (the active ones). */
  public static ObjectNode toTree(ModelAnalysis analysis, List<Finding> findings) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", "edgetpu-lint placement (runtime " + analysis.options().runtime()
        + (analysis.options().multipleSubgraphs() ? ", -a" : "") + ")");
    ObjectNode results = root.putObject("results");
    Subgraph main = analysis.model().mainSubgraph();
    if (main != null) {
      for (Placement p : analysis.placements()) {
        if (p.subgraph() != main.index() || p.index() >= main.operators().size()) {
          continue;
        }
        Operator op = main.operators().get(p.index());
        Category category = Category.of(p);
        String value = category.label + reason(p, findings);
        for (int t : op.outputs()) {
          Tensor tensor = main.tensor(t);
          if (tensor != null && !tensor.name().isEmpty()) {
            ObjectNode r = results.putObject(tensor.name());
            r.put("value", value);
            r.put("bgColor", category.color);
          }
        }
      }
    }
    root.put("showLabelCountColumnsInChildrenStatsTable", true);
    return root;
  }

  private static String reason(Placement p, List<Finding> findings) {
    if (p.target() == Target.EDGETPU) {
      return "";
    }
    if (p.reason() == PlacementReason.COLLATERAL && p.causeOperator() >= 0) {
      return " \u2014 after operators[" + p.causeOperator() + "]: " + p.status();
    }
    for (Finding f : findings) {
      if (f.location() != null && f.location().subgraph() == p.subgraph() && f.location().operator() == p.index()
          && f.compilerStatus() != null) {
        return " \u2014 " + f.ruleId() + ": " + f.message();
      }
    }
    return p.status() == null ? "" : " \u2014 " + p.status();
  }
}
