package dev.edgetpulint.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.edgetpulint.rules.RuleSet;
import org.junit.jupiter.api.Test;

class WarmupTest {
  @Test
  void onlyACheckIsWarmedUp() {
    assertNull(Warmup.start());
    assertNull(Warmup.start("rules"));
    assertNull(Warmup.start("--help", "check"));
    assertNull(Warmup.start("lsp"));
  }

  @Test
  void aCheckLoadsTheBuiltInRulesOnADaemonThread() throws InterruptedException {
    assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "the warm-up needs a second core");
    Thread thread = Warmup.start("check", "model.tflite");
    assertTrue(thread.isDaemon());
    thread.join();
    assertFalse(thread.isAlive());
    assertTrue(RuleSet.builtIn().size() > 0);
  }
}
