package com.modecon.batch.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.testing.ServiceProcess;
import com.modecon.testing.TemplateFixture;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness is DOWN when the root cannot be written. Root may write anywhere, so when the tests run as root
 * the service is started as the unprivileged user {@code nobody} (util-linux {@code setpriv}).
 */
class ReadinessWritableIT {

    @TempDir
    Path parent;

    @Test
    void rootThatCannotBeWritten_makesReadinessDownWithTheReason() throws Exception {
        Path root = parent.resolve("root");
        TemplateFixture.writeTemplate(root);
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-xr-x"));

        try (ServiceProcess service = ServiceProcess.start("read-only-root", root, Map.of(), unprivileged(), parent)) {
            HttpResponse<String> ready = Requests.get(service.uri("/q/health/ready"));

            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("batch root " + root + " is not writable"), ready.body());
        } finally {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static List<String> unprivileged() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        return List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--");
    }
}
