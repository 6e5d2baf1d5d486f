package com.modecon.batch.health;

import com.modecon.batch.fs.BatchFileSystem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the root is a writable folder holding the template; otherwise DOWN with the reasons as data. */
@Readiness
@ApplicationScoped
public class BatchRootReadiness implements HealthCheck {

    private final BatchFileSystem fileSystem;

    public BatchRootReadiness(BatchFileSystem fileSystem) {
        this.fileSystem = fileSystem;
    }

    @Override
    public HealthCheckResponse call() {
        List<String> problems = fileSystem.problems();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("batch-root")
                .withData("root", fileSystem.root().toString())
                .status(problems.isEmpty());
        for (int i = 0; i < problems.size(); i++) {
            response.withData("problem" + (i + 1), problems.get(i));
        }
        return response.build();
    }
}
