package dev.edgetpulint.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** A language client that records what the server sends and answers workspace/configuration. */
final class RecordingClient implements LanguageClient {
  final List<PublishDiagnosticsParams> published = new CopyOnWriteArrayList<>();
  final List<MessageParams> messages = new CopyOnWriteArrayList<>();
  final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();
  volatile JsonElement settings = JsonParser.parseString("{}");
  private final Object lock = new Object();

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
    published.add(diagnostics);
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  @Override
  public void showMessage(MessageParams messageParams) {
    messages.add(messageParams);
  }

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams message) {
    messages.add(message);
  }

  @Override
  public CompletableFuture<Void> registerCapability(RegistrationParams params) {
    registrations.add(params);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<List<Object>> configuration(ConfigurationParams configurationParams) {
    List<Object> values = new ArrayList<>();
    configurationParams.getItems().forEach(item -> values.add(settings));
    return CompletableFuture.completedFuture(values);
  }

  /** The latest diagnostics for {@code uri} once they satisfy {@code condition}; fails after a minute. */
  PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    synchronized (lock) {
      while (true) {
        PublishDiagnosticsParams latest = latest(uri);
        if (latest != null && condition.test(latest)) {
          return latest;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no matching diagnostics for " + uri + "; latest: " + latest);
        }
        lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  PublishDiagnosticsParams latest(String uri) {
    PublishDiagnosticsParams latest = null;
    for (PublishDiagnosticsParams p : published) {
      if (p.getUri().equals(uri)) {
        latest = p;
      }
    }
    return latest;
  }

  List<PublishDiagnosticsParams> all(String uri) {
    return published.stream().filter(p -> p.getUri().equals(uri)).toList();
  }
}
