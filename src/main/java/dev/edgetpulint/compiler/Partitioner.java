package dev.edgetpulint.compiler;

import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Splits one TFLite subgraph into Edge TPU and CPU parts the way the compiler does.
 *
 * <p>The compiler is a TFLite delegate: it asks, op by op, whether it can map the op, then lets
 * TFLite partition the graph into independent node subsets (graph_info.cc,
 * PartitionGraphIntoIndependentNodeSubsets). Each subset ("epoch") holds ops of one kind only; it
 * takes, transitively, every op of that kind whose inputs are all available, and the kind of a new
 * epoch is the kind of the first ready op in execution order. So CPU ops at the input (a Cast, a
 * float-to-int8 Quantize) form epoch 0, the body the next epoch, and an unsupported op only pulls
 * to the CPU what depends on it: independent branches that come later in the operator list stay
 * in the Edge TPU epoch. Supported ops that become ready only after a CPU op form later Edge TPU
 * epochs.
 *
 * <p>Without {@code -a} the compiler makes one edgetpu-custom-op: it keeps the first Edge TPU epoch
 * (Coral: "the first part becomes one edgetpu-custom-op", facts Section 7) and reports every op of
 * the later Edge TPU epochs as "More than one subgraph is not supported". (Keeping the largest epoch
 * instead, as TFLite's GetFirstNLargestPartitions does, gives the same placements on every corpus
 * pair; the documented rule decides.) With {@code -a} every
 * Edge TPU epoch becomes its own custom op. Both are what the corpus pairs show (yolov8n at 640 px:
 * the head after the first too-large TRANSPOSE; movenet: the keypoint branches beside ARG_MAX; the
 * redax pairs with -a: one custom op per island).
 */
public final class Partitioner {

  /**
   * The partition of one subgraph.
   *
   * @param epoch the epoch (node subset) of each op, in execution order of epochs
   * @param delegated whether each op is of the Edge TPU kind (mappable)
   * @param kept whether each op ends up inside an edgetpu-custom-op
   * @param customOps the kept Edge TPU epochs, each as its op indices in ascending order
   */
  public record Result(int[] epoch, boolean[] delegated, boolean[] kept, List<List<Integer>> customOps) {
    public int customOpCount() {
      return customOps.size();
    }
  }

  private Partitioner() {}

  public static Result partition(Subgraph subgraph, boolean[] mappable, boolean multipleSubgraphs) {
    List<Operator> ops = subgraph.operators();
    int n = ops.size();
    int tensorCount = subgraph.tensors().size();
    // Which op produces each tensor; tensors nobody produces (inputs, constants, state) are ready.
    int[] producer = new int[tensorCount];
    Arrays.fill(producer, -1);
    for (Operator op : ops) {
      for (int t : op.outputs()) {
        if (t >= 0 && t < tensorCount) {
          producer[t] = op.index();
        }
      }
    }
    boolean[] ready = new boolean[tensorCount];
    for (int t = 0; t < tensorCount; t++) {
      ready[t] = producer[t] < 0;
    }
    // Distinct not-yet-ready inputs per op, and which ops consume each tensor.
    int[] pending = new int[n];
    List<List<Integer>> consumers = new ArrayList<>(tensorCount);
    for (int t = 0; t < tensorCount; t++) {
      consumers.add(new ArrayList<>(2));
    }
    for (Operator op : ops) {
      // Distinct in first-seen order (an op may read one tensor twice); a plain loop, since an
      // operator has a handful of inputs and this runs for every operator of every model.
      List<Integer> inputs = op.inputs();
      int[] distinct = new int[inputs.size()];
      int count = 0;
      for (int i = 0; i < inputs.size(); i++) {
        int t = inputs.get(i);
        if (t < 0 || t >= tensorCount || ready[t] || contains(distinct, count, t)) {
          continue;
        }
        distinct[count++] = t;
      }
      pending[op.index()] = count;
      for (int i = 0; i < count; i++) {
        consumers.get(distinct[i]).add(op.index());
      }
    }
    int[] epoch = new int[n];
    Arrays.fill(epoch, -1);
    // Ready, unassigned ops per kind, lowest index first.
    PriorityQueue<Integer> readyTpu = new PriorityQueue<>();
    PriorityQueue<Integer> readyCpu = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (pending[i] == 0) {
        (mappable[i] ? readyTpu : readyCpu).add(i);
      }
    }
    List<List<Integer>> epochs = new ArrayList<>();
    List<Boolean> epochIsTpu = new ArrayList<>();
    int assigned = 0;
    while (assigned < n) {
      if (readyTpu.isEmpty() && readyCpu.isEmpty()) {
        // A cycle or a dangling input: leave the rest on the CPU, in one last epoch.
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (epoch[i] < 0) {
            epoch[i] = epochs.size();
            rest.add(i);
          }
        }
        epochs.add(rest);
        epochIsTpu.add(false);
        break;
      }
      boolean tpu = readyCpu.isEmpty()
          || (!readyTpu.isEmpty() && readyTpu.peek() < readyCpu.peek());
      PriorityQueue<Integer> queue = tpu ? readyTpu : readyCpu;
      int current = epochs.size();
      List<Integer> members = new ArrayList<>();
      while (!queue.isEmpty()) {
        int i = queue.poll();
        epoch[i] = current;
        members.add(i);
        assigned++;
        for (int t : ops.get(i).outputs()) {
          if (t < 0 || t >= tensorCount || ready[t]) {
            continue;
          }
          ready[t] = true;
          for (int c : consumers.get(t)) {
            if (--pending[c] == 0 && epoch[c] < 0) {
              (mappable[c] ? readyTpu : readyCpu).add(c);
            }
          }
        }
      }
      members.sort(Integer::compare);
      epochs.add(members);
      epochIsTpu.add(tpu);
    }
    boolean[] kept = new boolean[n];
    List<List<Integer>> customOps = new ArrayList<>();
    int first = -1;
    for (int e = 0; e < epochs.size(); e++) {
      if (!epochIsTpu.get(e)) {
        continue;
      }
      if (multipleSubgraphs) {
        customOps.add(List.copyOf(epochs.get(e)));
      } else if (first < 0) {
        first = e;
      }
    }
    if (!multipleSubgraphs && first >= 0) {
      customOps.add(List.copyOf(epochs.get(first)));
    }
    for (List<Integer> group : customOps) {
      for (int i : group) {
        kept[i] = true;
      }
    }
    return new Result(epoch, mappable.clone(), kept, List.copyOf(customOps));
  }

  private static boolean contains(int[] values, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }
}
