package com.modecon.batch.service;

import com.modecon.batch.BatchException;
import com.modecon.batch.BatchNames;
import com.modecon.batch.fs.BatchDetails;
import com.modecon.batch.fs.BatchFileSystem;
import com.modecon.batch.fs.BatchSource;
import com.modecon.batch.fs.BatchStorageException;
import com.modecon.batch.fs.BatchSummary;
import com.modecon.batch.fs.Creation;
import com.modecon.batch.fs.TrashEntry;
import com.modecon.config.BatchConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Batch operations as {@link Uni}s. Work that changes batches runs on the {@link SerialExecutor}, one task after
 * the other; reads run on the worker pool. Either way the file work leaves the event loop here, and only here:
 * {@code runSubscriptionOn} runs the supplier itself on the chosen executor ({@code emitOn} would only move the
 * result). Writes fail with {@link RejectedExecutionException} when the writer's queue is full or the service is
 * shutting down.
 */
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

    /** The legacy creation: gaps filled, then the next number, from the default template. */
    public Uni<Creation> createNext() {
        return onWriter(() -> createNow(BatchSource.defaultTemplate(), null));
    }

    /**
     * A new batch from a template or a clone of another batch, described once it is in place. An unknown
     * template or a missing batch to clone is refused before any gap is filled, since the new batch is built
     * first.
     */
    public Uni<BatchDetails> create(BatchSource source, String createdBy) {
        return onWriter(() -> createNow(source, createdBy))
                .chain(creation -> describeCommitted(BatchDetails.placed(creation.number(), creation.id())));
    }

    /**
     * A new batch from an uploaded zip. The upload is received and checked on the calling thread, which must be a
     * worker (the resource method is {@code @Blocking}: reading the body blocks), into this instance's own staging
     * folder. Only the building runs on the writer: other creations wait for the unpacking of a large archive.
     */
    public Uni<BatchDetails> importArchive(InputStream upload, String createdBy) {
        return Uni.createFrom().item(() -> call(() -> receive(upload), true))
                .chain(file -> Uni.createFrom().item(() -> call(() -> fileSystem.inspectUpload(file), true))
                        .chain(source -> onWriter(() -> createNow(source, createdBy)))
                        .eventually(() -> fileSystem.discardUpload(file)))
                .chain(creation -> describeCommitted(BatchDetails.placed(creation.number(), creation.id())));
    }

    /**
     * Describes a batch just created or restored, on the worker pool: walking a large batch must not hold up the
     * writer. The change is done by now, so a failure to describe it must not read as a failure of the change (a
     * client that retried would create a second batch): the answer then holds what is known, number and id.
     */
    private Uni<BatchDetails> describeCommitted(BatchDetails known) {
        return onWorker(() -> fileSystem.describe(known.number()))
                .onFailure()
                .recoverWithItem(failure -> {
                    Log.warnf("%s is in place but could not be described: %s", BatchNames.batchFolder(known.number()),
                            failure.getMessage());
                    return known;
                });
    }

    public Uni<TrashEntry> delete(long number, boolean force, String deletedBy) {
        return onWriter(() -> {
            String batchId = fileSystem.idOf(number).map(UUID::toString).orElse("none");
            TrashEntry entry = fileSystem.delete(number, force, deletedBy);
            Log.infof("Deleted %s (id %s) into trash entry %s (force: %s, by: %s)",
                    BatchNames.batchFolder(number), batchId, entry.id(), force, deletedBy);
            return entry;
        });
    }

    public Uni<BatchDetails> restore(UUID trashId) {
        return onWriter(() -> {
            TrashEntry entry = fileSystem.restore(trashId);
            Optional<UUID> batchId = fileSystem.idOf(entry.number());
            Log.infof("Restored %s (id %s) from trash entry %s", BatchNames.batchFolder(entry.number()),
                    batchId.map(UUID::toString).orElse("none"), trashId);
            return BatchDetails.placed(entry.number(), batchId.orElse(null));
        }).chain(this::describeCommitted);
    }

    public Uni<List<BatchSummary>> list() {
        return onWorker(fileSystem::list);
    }

    public Uni<BatchDetails> describe(long number) {
        return onWorker(() -> fileSystem.describe(number));
    }

    public Uni<List<String>> templates() {
        return onWorker(fileSystem::templateNames);
    }

    public Uni<List<TrashEntry>> trash() {
        return onWorker(fileSystem::trashed);
    }

    /**
     * Checks that the batch exists, so a missing one is a 404 before the zip stream starts. Blocking: for the
     * export, whose response body is written by a worker thread anyway.
     */
    public void requireBatch(long number) {
        fileSystem.requireBatch(number);
    }

    /** Streams a batch as a zip; blocking, for the worker thread that writes the response body. */
    public void export(long number, OutputStream out) throws IOException {
        fileSystem.export(number, out);
    }

    private Path receive(InputStream upload) throws IOException {
        return fileSystem.receiveUpload(ClientAbortedException.guard(upload));
    }

    /** Runs on the writer thread. */
    private Creation createNow(BatchSource source, String createdBy) throws IOException {
        long started = System.nanoTime();
        Creation creation = fileSystem.createNext(maxGapFill, source, createdBy, this::gapFilled);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        metrics.created(took);
        Log.infof("Created %s (id %s) from %s in %d ms; gaps filled: %s", BatchNames.batchFolder(creation.number()),
                creation.id(), source.label(), took.toMillis(),
                creation.filledGaps().isEmpty() ? "none" : creation.filledGaps());
        return creation;
    }

    private void gapFilled(long number, UUID id) {
        metrics.gapFilled();
        Log.infof("Filled the gap %s (id %s) from template:default", BatchNames.batchFolder(number), id);
    }

    private <T> Uni<T> onWriter(Callable<T> work) {
        return Uni.createFrom().item(() -> call(work, true))
                .runSubscriptionOn(writer)
                .onFailure(RejectedExecutionException.class)
                .invoke(this::logRejection);
    }

    private <T> Uni<T> onWorker(Callable<T> read) {
        Executor workers = Infrastructure.getDefaultWorkerPool();
        return Uni.createFrom().item(() -> call(read, false))
                .runSubscriptionOn(workers);
    }

    private <T> T call(Callable<T> work, boolean mutation) {
        try {
            return work.call();
        } catch (BatchStorageException failed) {
            Log.errorf(failed.getCause(), "Storage failure in %s: %s", fileSystem.root(), failed.getMessage());
            throw failed;
        } catch (BatchException refused) {
            if (mutation) {
                metrics.refused(refused.reason());
                Log.warnf("Refused a change in %s: %s", fileSystem.root(), refused.getMessage());
            }
            throw refused;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void logRejection(Throwable rejection) {
        if (rejection instanceof WriterClosedException) {
            metrics.rejected("shutting-down");
            Log.warnf("Refused a change in %s: the service is shutting down", fileSystem.root());
        } else {
            metrics.rejected("queue-full");
            Log.warnf("Refused a change in %s: the writer queue is full (%d waiting)", fileSystem.root(),
                    writer.queued());
        }
    }
}
