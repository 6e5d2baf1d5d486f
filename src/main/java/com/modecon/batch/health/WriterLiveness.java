package com.modecon.batch.health;

import com.modecon.batch.service.SerialExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the process answers; reports the writer's queue depth. Touches no file system. */
@Liveness
@ApplicationScoped
public class WriterLiveness implements HealthCheck {

    private final SerialExecutor writer;

    public WriterLiveness(SerialExecutor writer) {
        this.writer = writer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("batch-writer")
                .withData("queued", writer.queued())
                .up()
                .build();
    }
}
