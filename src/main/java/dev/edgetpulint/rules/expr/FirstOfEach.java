package dev.edgetpulint.rules.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The first tensor of each group of tensors that are the same in some respect, in their order
 * ({@link ModelFacts#distinctTensors}). An open-addressing table of the tensors kept so far, by hash:
 * a model has hundreds of tensors and a few dozen groups, and nothing is allocated per tensor.
 */
abstract class FirstOfEach {
  abstract int hash(TensorFacts tensor);

  abstract boolean same(TensorFacts kept, TensorFacts tensor);

  final List<TensorFacts> of(List<TensorFacts> tensors) {
    // At most a quarter full; a slot holds the kept tensor's index in out + 1, 0 when free.
    int[] slots = new int[Integer.highestOneBit(Math.max(8, tensors.size())) << 2];
    int[] hashes = new int[slots.length];
    List<TensorFacts> out = new ArrayList<>();
    for (TensorFacts tensor : tensors) {
      int hash = hash(tensor);
      int slot = (hash ^ (hash >>> 16)) & (slots.length - 1);
      while (true) {
        int kept = slots[slot] - 1;
        if (kept < 0) {
          slots[slot] = out.size() + 1;
          hashes[slot] = hash;
          out.add(tensor);
          break;
        }
        if (hashes[slot] == hash && same(out.get(kept), tensor)) {
          break;
        }
        slot = (slot + 1) & (slots.length - 1);
      }
    }
    return out;
  }

  /** The same in what every shared fact is computed from ({@link TensorFacts#sharedSourceHash}). */
  static final class BySources extends FirstOfEach {
    @Override
    int hash(TensorFacts tensor) {
      return tensor.sharedSourceHash();
    }

    @Override
    boolean same(TensorFacts kept, TensorFacts tensor) {
      return kept.sameSharedSources(tensor);
    }
  }

  /** The same in the values of the facts of a mask over {@link TensorFacts#NAMES}. */
  static final class ByFacts extends FirstOfEach {
    private final int[] positions;
    private final String[] names;

    ByFacts(long mask) {
      positions = new int[Long.bitCount(mask)];
      names = new String[positions.length];
      for (int i = 0, bit = 0; bit < Long.SIZE; bit++) {
        if ((mask & (1L << bit)) != 0) {
          positions[i] = bit;
          names[i++] = TensorFacts.NAMES.get(bit);
        }
      }
    }

    @Override
    int hash(TensorFacts tensor) {
      int hash = 1;
      for (int i = 0; i < positions.length; i++) {
        hash = 31 * hash + Objects.hashCode(tensor.get(positions[i], names[i]));
      }
      return hash;
    }

    @Override
    boolean same(TensorFacts kept, TensorFacts tensor) {
      for (int i = 0; i < positions.length; i++) {
        if (!Objects.equals(kept.get(positions[i], names[i]), tensor.get(positions[i], names[i]))) {
          return false;
        }
      }
      return true;
    }
  }
}
