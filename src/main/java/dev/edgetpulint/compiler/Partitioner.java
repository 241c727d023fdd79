package dev.edgetpulint.compiler;

import dev.edgetpulint.graph.IntList;
import dev.edgetpulint.graph.Operator;
import dev.edgetpulint.graph.Subgraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    // Int arrays throughout, no boxed lists or queues: this runs for every subgraph of every model.
    List<Operator> ops = subgraph.operators();
    int n = ops.size();
    int tensorCount = subgraph.tensors().size();
    // Tensors nobody produces (inputs, constants, state) are ready.
    int[] producer = CompilerPath.producers(subgraph);
    boolean[] ready = new boolean[tensorCount];
    for (int t = 0; t < tensorCount; t++) {
      ready[t] = producer[t] < 0;
    }
    // Distinct not-yet-ready inputs per op, and which ops consume each tensor (consumersOf[t] .. [t+1]
    // in consumerOps).
    int[] pending = new int[n];
    int[] consumersOf = new int[tensorCount + 1];
    int[][] waitsFor = new int[n][];
    for (Operator op : ops) {
      int[] distinct = notReadyInputs(op, ready, tensorCount);
      waitsFor[op.index()] = distinct;
      pending[op.index()] = distinct.length;
      for (int t : distinct) {
        consumersOf[t + 1]++;
      }
    }
    for (int t = 0; t < tensorCount; t++) {
      consumersOf[t + 1] += consumersOf[t];
    }
    int[] consumerOps = new int[consumersOf[tensorCount]];
    int[] filled = new int[tensorCount];
    for (Operator op : ops) {
      for (int t : waitsFor[op.index()]) {
        consumerOps[consumersOf[t] + filled[t]++] = op.index();
      }
    }
    int[] epoch = new int[n];
    Arrays.fill(epoch, -1);
    // Ready, unassigned ops per kind. Which ops an epoch takes does not depend on the order it takes
    // them in; only the first op of each kind decides the kind of the next epoch.
    OpStack readyTpu = new OpStack(n);
    OpStack readyCpu = new OpStack(n);
    for (int i = 0; i < n; i++) {
      if (pending[i] == 0) {
        (mappable[i] ? readyTpu : readyCpu).push(i);
      }
    }
    List<int[]> epochs = new ArrayList<>();
    List<Boolean> epochIsTpu = new ArrayList<>();
    int assigned = 0;
    while (assigned < n) {
      if (readyTpu.isEmpty() && readyCpu.isEmpty()) {
        // A cycle or a dangling input: leave the rest on the CPU, in one last epoch.
        int[] rest = new int[n - assigned];
        int r = 0;
        for (int i = 0; i < n; i++) {
          if (epoch[i] < 0) {
            epoch[i] = epochs.size();
            rest[r++] = i;
          }
        }
        epochs.add(rest);
        epochIsTpu.add(false);
        break;
      }
      boolean tpu = readyCpu.isEmpty() || (!readyTpu.isEmpty() && readyTpu.lowest() < readyCpu.lowest());
      OpStack queue = tpu ? readyTpu : readyCpu;
      int current = epochs.size();
      int[] members = new int[n - assigned];
      int size = 0;
      while (!queue.isEmpty()) {
        int i = queue.pop();
        epoch[i] = current;
        members[size++] = i;
        assigned++;
        IntList outputs = ops.get(i).outputIndices();
        for (int k = 0; k < outputs.size(); k++) {
          int t = outputs.getInt(k);
          if (t < 0 || t >= tensorCount || ready[t]) {
            continue;
          }
          ready[t] = true;
          for (int c = consumersOf[t]; c < consumersOf[t + 1]; c++) {
            int consumer = consumerOps[c];
            if (--pending[consumer] == 0 && epoch[consumer] < 0) {
              (mappable[consumer] ? readyTpu : readyCpu).push(consumer);
            }
          }
        }
      }
      members = Arrays.copyOf(members, size);
      Arrays.sort(members);
      epochs.add(members);
      epochIsTpu.add(tpu);
    }
    boolean[] kept = new boolean[n];
    List<List<Integer>> customOps = new ArrayList<>();
    for (int e = 0; e < epochs.size(); e++) {
      if (!epochIsTpu.get(e)) {
        continue;
      }
      int[] members = epochs.get(e);
      customOps.add(IntList.of(members));
      for (int i : members) {
        kept[i] = true;
      }
      if (!multipleSubgraphs) {
        break; // without -a only the first Edge TPU epoch becomes a custom op
      }
    }
    return new Result(epoch, mappable.clone(), kept, List.copyOf(customOps));
  }

  /**
   * The op's inputs that are not ready yet, each once, in first-seen order (an op may read one
   * tensor twice); inputs outside the tensor table are ignored.
   */
  private static int[] notReadyInputs(Operator op, boolean[] ready, int tensorCount) {
    IntList inputs = op.inputIndices();
    int[] distinct = new int[inputs.size()];
    int count = 0;
    for (int k = 0; k < inputs.size(); k++) {
      int t = inputs.getInt(k);
      if (t < 0 || t >= tensorCount || ready[t] || contains(distinct, count, t)) {
        continue;
      }
      distinct[count++] = t;
    }
    return count == distinct.length ? distinct : Arrays.copyOf(distinct, count);
  }

  /** A stack of op indices that also tells its lowest index. */
  private static final class OpStack {
    private final int[] ops;
    private int size;

    OpStack(int capacity) {
      ops = new int[capacity];
    }

    boolean isEmpty() {
      return size == 0;
    }

    void push(int op) {
      ops[size++] = op;
    }

    int pop() {
      return ops[--size];
    }

    int lowest() {
      int lowest = Integer.MAX_VALUE;
      for (int i = 0; i < size; i++) {
        lowest = Math.min(lowest, ops[i]);
      }
      return lowest;
    }
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
