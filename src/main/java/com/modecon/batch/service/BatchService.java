package com.modecon.batch.service;

import com.modecon.batch.BatchException;
import com.modecon.batch.BatchNames;
import com.modecon.batch.fs.BatchFileSystem;
import com.modecon.batch.fs.Creation;
import com.modecon.config.BatchConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

/** Batch operations as {@link Uni}s whose file work runs on the {@link SerialExecutor}. */
@ApplicationScoped
public class BatchService {

    private final BatchFileSystem fileSystem;
    private final SerialExecutor writer;
    private final BatchMetrics metrics;
    private final int maxGapFill;

    public BatchService(BatchFileSystem fileSystem, SerialExecutor writer, BatchMetrics metrics, BatchConfig config) {
        this.fileSystem = fileSystem;
        this.writer = writer;
        this.metrics = metrics;
        this.maxGapFill = config.maxGapFill();
    }

    /**
     * Creates the next batch, filling gaps below it first. This is where the work leaves the event loop:
     * {@code runSubscriptionOn} runs the supplier itself on the writer thread (whereas {@code emitOn} would
     * only move the result). Fails with {@link RejectedExecutionException} when the writer's queue is full
     * or the service is shutting down.
     */
    public Uni<Creation> createNext() {
        return Uni.createFrom().item(this::createNextNow)
                .runSubscriptionOn(writer)
                .onFailure(RejectedExecutionException.class)
                .invoke(this::logRejection);
    }

    private Creation createNextNow() {
        long started = System.nanoTime();
        try {
            Creation creation = fileSystem.createNext(maxGapFill);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            metrics.created(creation, took);
            Log.infof("Created %s in %d ms; gaps filled: %s", BatchNames.batchFolder(creation.number()),
                    took.toMillis(), creation.filledGaps().isEmpty() ? "none" : creation.filledGaps());
            return creation;
        } catch (BatchException refused) {
            metrics.refused(refused.reason());
            Log.warnf("Refused a creation in %s: %s", fileSystem.root(), refused.getMessage());
            throw refused;
        }
    }

    private void logRejection(Throwable rejection) {
        if (rejection instanceof WriterClosedException) {
            metrics.rejected("shutting-down");
            Log.warnf("Refused a creation in %s: the service is shutting down", fileSystem.root());
        } else {
            metrics.rejected("queue-full");
            Log.warnf("Refused a creation in %s: the writer queue is full (%d waiting)",
                    fileSystem.root(), writer.queued());
        }
    }
}
