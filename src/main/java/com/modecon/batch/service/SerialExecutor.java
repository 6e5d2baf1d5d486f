package com.modecon.batch.service;

import com.modecon.config.BatchConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that mutates the batch root from this process. Running every mutation on it, one after the
 * other, is what makes them safe against each other without locks. Its queue is bounded: when
 * {@code batch.queue-capacity} tasks already wait, {@link #execute} throws {@link RejectedExecutionException}
 * and the caller answers 503.
 *
 * <p>Shutdown, in order: at SIGTERM (Quarkus' pre-shutdown, when readiness also turns DOWN) it stops taking
 * new work ({@link WriterClosedException}); the HTTP layer then waits for the requests in flight, whose work
 * this thread finishes; at bean destruction it drains anything still queued before the process exits.
 */
@ApplicationScoped
public class SerialExecutor implements Executor {

    static final String THREAD_NAME = "batch-writer";
    private static final long DRAIN_SECONDS = 120;

    private final ThreadPoolExecutor pool;
    private volatile boolean closed;

    public SerialExecutor(BatchConfig config) {
        this.pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.queueCapacity()),
                task -> new Thread(task, THREAD_NAME),
                new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public void execute(Runnable task) {
        if (closed) {
            throw new WriterClosedException();
        }
        pool.execute(task);
    }

    /** Tasks accepted but not yet started. */
    public int queued() {
        return pool.getQueue().size();
    }

    void stopAccepting(@Observes ShutdownDelayInitiatedEvent shutdownStarts) {
        closed = true;
        Log.infof("Shutting down: new batch work is refused; %d queued tasks will finish", queued());
    }

    @PreDestroy
    void drain() {
        closed = true;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                Log.errorf("Batch writer still busy after %d s of shutdown; %d tasks abandoned",
                        DRAIN_SECONDS, pool.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
