package com.modecon.batch.service;

import com.modecon.batch.BatchException;
import com.modecon.batch.BatchNames;
import com.modecon.batch.fs.BatchFileSystem;
import com.modecon.batch.fs.Creation;
import com.modecon.config.BatchConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.RejectedExecutionException;

/** Batch operations as {@link Uni}s whose file work runs on the {@link SerialExecutor}. */
@ApplicationScoped
public class BatchService {

    private final BatchFileSystem fileSystem;
    private final SerialExecutor writer;
    private final BatchConfig config;

    public BatchService(BatchFileSystem fileSystem, SerialExecutor writer, BatchConfig config) {
        this.fileSystem = fileSystem;
        this.writer = writer;
        this.config = config;
    }

    /**
     * Creates the next batch, filling gaps below it first. This is where the work leaves the event loop:
     * {@code runSubscriptionOn} runs the supplier itself on the writer thread (whereas {@code emitOn} would
     * only move the result). Fails with {@link RejectedExecutionException} when the writer's queue is full.
     */
    public Uni<Creation> createNext() {
        return Uni.createFrom().item(this::createNextNow)
                .runSubscriptionOn(writer)
                .onFailure(RejectedExecutionException.class)
                .invoke(busy -> Log.warnf("Refused a creation in %s: the writer queue is full (%d waiting)",
                        fileSystem.root(), writer.queued()));
    }

    private Creation createNextNow() {
        long started = System.nanoTime();
        try {
            Creation creation = fileSystem.createNext(config.maxGapFill());
            long millis = (System.nanoTime() - started) / 1_000_000;
            Log.infof("Created %s in %d ms; gaps filled: %s", BatchNames.batchFolder(creation.number()), millis,
                    creation.filledGaps().isEmpty() ? "none" : creation.filledGaps());
            return creation;
        } catch (BatchException refused) {
            Log.warnf("Refused a creation in %s: %s", fileSystem.root(), refused.getMessage());
            throw refused;
        }
    }
}
