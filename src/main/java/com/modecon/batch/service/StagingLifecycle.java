package com.modecon.batch.service;

import com.modecon.batch.fs.BatchFileSystem;
import com.modecon.config.BatchConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prepares the root before the first request and keeps this instance's staging folder alive afterwards:
 * a heartbeat every quarter of {@code batch.staging.stale-after}, and a sweep of dead instances' leftovers
 * once per {@code stale-after}, queued on the writer like any other mutation.
 */
@ApplicationScoped
public class StagingLifecycle {

    private final BatchFileSystem fileSystem;
    private final SerialExecutor writer;
    private final long periodMillis;
    private ScheduledExecutorService timer;
    private long beats;

    public StagingLifecycle(BatchFileSystem fileSystem, SerialExecutor writer, BatchConfig config) {
        this.fileSystem = fileSystem;
        this.writer = writer;
        this.periodMillis = Math.max(1, config.staging().staleAfter().toMillis() / 4);
    }

    /**
     * Prepares the root before the first request is served. A root that cannot be prepared does not stop the
     * service: readiness stays DOWN with the reason until an operator fixes the volume.
     */
    void onStart(@Observes StartupEvent start) throws InterruptedException {
        try {
            CompletableFuture.runAsync(fileSystem::prepare, writer).get();
            Log.infof("Serving batches from %s", fileSystem.root());
        } catch (ExecutionException e) {
            Log.warnf("Batch root %s is not usable yet: %s", fileSystem.root(), e.getCause().getMessage());
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "batch-staging-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::beat, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void beat() {
        try {
            fileSystem.heartbeat();
        } catch (IOException e) {
            Log.warnf("Heartbeat in %s failed: %s", fileSystem.root(), e.getMessage());
        }
        if (++beats % 4 == 0) {
            try {
                writer.execute(fileSystem::sweepLeftovers);
            } catch (RejectedExecutionException busy) {
                Log.debug("Writer queue full; the leftover sweep waits for the next round");
            }
        }
    }
}
