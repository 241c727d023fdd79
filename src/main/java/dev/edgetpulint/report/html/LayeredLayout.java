package dev.edgetpulint.report.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * A small layered (Sugiyama-style) layout for a directed acyclic graph, top to bottom: longest-path
 * layering, dummy nodes on edges that span several layers, a few barycenter sweeps to reduce
 * crossings, then each layer centred. Good enough for operator graphs of a few hundred nodes; no
 * library needed at view time because the result is plain SVG coordinates.
 */
public final class LayeredLayout {

  /** Where a node sits: its layer (row), its order in the row, and the centre of its box. */
  public record Position(int layer, int order, double x, double y) {}

  /**
   * An edge's route: the centre points from the source's bottom through dummy nodes to the target's top.
   */
  public record Route(int from, int to, List<double[]> points) {}

  /** The layout result: one position per real node, one route per edge, and the drawing's size. */
  public record Layout(List<Position> positions, List<Route> routes, double width, double height) {}

  private final double nodeWidth;
  private final double nodeHeight;
  private final double hGap;
  private final double vGap;

  public LayeredLayout(double nodeWidth, double nodeHeight, double hGap, double vGap) {
    this.nodeWidth = nodeWidth;
    this.nodeHeight = nodeHeight;
    this.hGap = hGap;
    this.vGap = vGap;
  }

  /**
   * Lays out {@code nodeCount} nodes joined by {@code edges} (pairs from, to). Edges that would close a
   * cycle are drawn but ignored for layering.
   */
  public Layout layout(int nodeCount, List<int[]> edges) {
    List<List<Integer>> succ = new ArrayList<>();
    int[] indegree = new int[nodeCount];
    for (int i = 0; i < nodeCount; i++) {
      succ.add(new ArrayList<>());
    }
    for (int[] e : edges) {
      if (e[0] != e[1]) {
        succ.get(e[0]).add(e[1]);
        indegree[e[1]]++;
      }
    }
    // Longest-path layering in topological order (Kahn); leftovers (cycles) keep layer 0.
    int[] layer = new int[nodeCount];
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < nodeCount; i++) {
      if (indegree[i] == 0) {
        ready.add(i);
      }
    }
    int[] remaining = indegree.clone();
    while (!ready.isEmpty()) {
      int n = ready.poll();
      for (int m : succ.get(n)) {
        layer[m] = Math.max(layer[m], layer[n] + 1);
        if (--remaining[m] == 0) {
          ready.add(m);
        }
      }
    }
    // Dummy nodes for edges spanning more than one layer.
    List<Integer> nodeLayer = new ArrayList<>();
    for (int l : layer) {
      nodeLayer.add(l);
    }
    List<int[]> segments = new ArrayList<>(); // from, to (indices into the extended node list)
    List<List<Integer>> chains = new ArrayList<>(); // per edge: the extended nodes it passes through
    for (int[] e : edges) {
      List<Integer> chain = new ArrayList<>();
      chain.add(e[0]);
      int from = e[0];
      if (layer[e[1]] > layer[e[0]]) {
        for (int l = layer[e[0]] + 1; l < layer[e[1]]; l++) {
          int dummy = nodeLayer.size();
          nodeLayer.add(l);
          segments.add(new int[] {from, dummy});
          chain.add(dummy);
          from = dummy;
        }
      }
      segments.add(new int[] {from, e[1]});
      chain.add(e[1]);
      chains.add(chain);
    }
    int total = nodeLayer.size();
    int layers = nodeLayer.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    List<List<Integer>> rows = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      rows.add(new ArrayList<>());
    }
    for (int n = 0; n < total; n++) {
      rows.get(nodeLayer.get(n)).add(n);
    }
    List<List<Integer>> up = new ArrayList<>();
    List<List<Integer>> down = new ArrayList<>();
    for (int n = 0; n < total; n++) {
      up.add(new ArrayList<>());
      down.add(new ArrayList<>());
    }
    for (int[] s : segments) {
      if (nodeLayer.get(s[1]) > nodeLayer.get(s[0])) {
        down.get(s[0]).add(s[1]);
        up.get(s[1]).add(s[0]);
      }
    }
    double[] order = new double[total];
    for (List<Integer> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        order[row.get(i)] = i;
      }
    }
    for (int sweep = 0; sweep < 4; sweep++) {
      for (int l = 1; l < layers; l++) {
        reorder(rows.get(l), up, order);
      }
      for (int l = layers - 2; l >= 0; l--) {
        reorder(rows.get(l), down, order);
      }
    }
    int widest = rows.stream().mapToInt(List::size).max().orElse(0);
    double width = Math.max(1, widest) * (nodeWidth + hGap) + hGap;
    double[] xs = new double[total];
    double[] ys = new double[total];
    for (int l = 0; l < layers; l++) {
      List<Integer> row = rows.get(l);
      double rowWidth = row.size() * (nodeWidth + hGap) - hGap;
      double start = (width - rowWidth) / 2 + nodeWidth / 2;
      for (int i = 0; i < row.size(); i++) {
        int n = row.get(i);
        xs[n] = start + i * (nodeWidth + hGap);
        ys[n] = vGap + l * (nodeHeight + vGap) + nodeHeight / 2;
      }
    }
    List<Position> positions = new ArrayList<>();
    for (int n = 0; n < nodeCount; n++) {
      int l = nodeLayer.get(n);
      positions.add(new Position(l, rows.get(l).indexOf(n), xs[n], ys[n]));
    }
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < edges.size(); i++) {
      List<double[]> points = new ArrayList<>();
      List<Integer> chain = chains.get(i);
      for (int k = 0; k < chain.size(); k++) {
        int n = chain.get(k);
        double y = ys[n];
        if (k == 0) {
          y += nodeHeight / 2;
        } else if (k == chain.size() - 1) {
          y -= nodeHeight / 2;
        }
        points.add(new double[] {xs[n], y});
      }
      routes.add(new Route(edges.get(i)[0], edges.get(i)[1], points));
    }
    double height = vGap + layers * (nodeHeight + vGap);
    return new Layout(positions, routes, width, height);
  }

  private static void reorder(List<Integer> row, List<List<Integer>> neighbours, double[] order) {
    double[] key = new double[row.size()];
    for (int i = 0; i < row.size(); i++) {
      List<Integer> ns = neighbours.get(row.get(i));
      key[i] = ns.isEmpty() ? order[row.get(i)] : ns.stream().mapToDouble(n -> order[n]).average().orElse(0);
    }
    Integer[] idx = new Integer[row.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> key[i]).thenComparingDouble(i -> order[row.get(i)]));
    List<Integer> sorted = new ArrayList<>();
    for (Integer i : idx) {
      sorted.add(row.get(i));
    }
    row.clear();
    row.addAll(sorted);
    for (int i = 0; i < row.size(); i++) {
      order[row.get(i)] = i;
    }
  }
}
