package com.modecon.batch.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The service's own meters, exported at {@code /q/metrics}:
 * {@code batch_created_total}, {@code batch_gaps_filled_total}, {@code batch_refusals_total{reason}},
 * {@code batch_creation_seconds} (histogram), {@code batch_writer_queue_depth} and
 * {@code batch_rejected_total{reason}} (requests answered 503 without being started).
 */
@Startup
@ApplicationScoped
public class BatchMetrics {

    private final MeterRegistry registry;
    private final Counter created;
    private final Counter gapsFilled;
    private final Timer creationTime;
    private final Gauge queueDepth;

    public BatchMetrics(MeterRegistry registry, SerialExecutor writer) {
        this.registry = registry;
        this.created = Counter.builder("batch.created").description("Batches created").register(registry);
        this.gapsFilled = Counter.builder("batch.gaps.filled")
                .description("Missing batches created below the highest one")
                .register(registry);
        this.creationTime = Timer.builder("batch.creation")
                .description("Time to create one batch request's batches, gaps included")
                .publishPercentileHistogram()
                .register(registry);
        // A strong reference: a gauge otherwise holds its object weakly, and nothing else here keeps the writer.
        this.queueDepth = Gauge.builder("batch.writer.queue.depth", writer, SerialExecutor::queued)
                .description("Tasks waiting for the writer thread")
                .strongReference(true)
                .register(registry);
    }

    /** A registry can outlive the application (tests restart it in one JVM): unbind from this writer. */
    @PreDestroy
    void unregister() {
        registry.remove(queueDepth);
    }

    /** A gap filled, counted as soon as it is in place, whatever becomes of its request. */
    void gapFilled() {
        created.increment();
        gapsFilled.increment();
    }

    /** The batch a request asked for is in place; {@code took} covers the request's gaps too. */
    void created(Duration took) {
        created.increment();
        creationTime.record(took);
    }

    void refused(String reason) {
        registry.counter("batch.refusals", "reason", reason).increment();
    }

    void rejected(String reason) {
        registry.counter("batch.rejected", "reason", reason).increment();
    }
}
