package dev.edgetpulint.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@code edgetpu_compiler} log (the {@code .log} file or captured stdout) says: the compiler
 * version from the first line, the per-operator table and, when printed, the two operation counts.
 *
 * @param compilerVersion "16.0.384591198", or null when the version line is missing
 * @param rows the Operator / Count / Status rows in log order
 * @param edgeTpuCount "Number of operations that will run on Edge TPU", or -1 when absent
 * @param cpuCount "Number of operations that will run on CPU", or -1 when absent
 */
public record LogTable(String compilerVersion, List<Row> rows, int edgeTpuCount, int cpuCount) {
  public static final String MAPPED = "Mapped to Edge TPU";

  private static final Pattern VERSION = Pattern.compile("^Edge TPU Compiler version (\\S+)");
  // Facts Section 8: rows look like "%-30s %-10s %s".
  private static final Pattern ROW = Pattern.compile("^([A-Z][A-Z0-9_]*)\\s+(\\d+)\\s+(\\S.*?)\\s*$");
  private static final Pattern TPU_COUNT =
      Pattern.compile("^Number of operations that will run on Edge TPU:\\s*(\\d+)");
  private static final Pattern CPU_COUNT = Pattern.compile("^Number of operations that will run on CPU:\\s*(\\d+)");

  /** One row of the table. */
  public record Row(String op, int count, String status) {
    public boolean mapped() {
      return MAPPED.equals(status);
    }
  }

  public LogTable {
    rows = List.copyOf(rows);
  }

  /** Parses a log; never fails (a text with no table gives no rows). */
  public static LogTable parse(String text) {
    String version = null;
    List<Row> rows = new ArrayList<>();
    int tpu = -1;
    int cpu = -1;
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      Matcher m;
      if (version == null && (m = VERSION.matcher(line)).find()) {
        version = m.group(1);
      } else if ((m = TPU_COUNT.matcher(line)).find()) {
        tpu = Integer.parseInt(m.group(1));
      } else if ((m = CPU_COUNT.matcher(line)).find()) {
        cpu = Integer.parseInt(m.group(1));
      } else if ((m = ROW.matcher(line)).matches()) {
        rows.add(new Row(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
      }
    }
    return new LogTable(version, rows, tpu, cpu);
  }

  /** Total operators the table lists. */
  public int totalOperators() {
    return rows.stream().mapToInt(Row::count).sum();
  }

  /** Per operator type (log name: builtin, or "CUSTOM"), how many the table says were mapped. */
  public Map<String, Integer> mappedByType() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Row row : rows) {
      out.merge(row.op(), row.mapped() ? row.count() : 0, Integer::sum);
    }
    return out;
  }

  /** Per operator type, how many the table lists in total. */
  public Map<String, Integer> totalByType() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Row row : rows) {
      out.merge(row.op(), row.count(), Integer::sum);
    }
    return out;
  }

  /** The status rows of one operator type that are not "Mapped to Edge TPU". */
  public List<Row> unmappedRows(String op) {
    return rows.stream().filter(r -> r.op().equals(op) && !r.mapped()).toList();
  }
}
