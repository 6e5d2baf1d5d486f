package com.modecon.batch.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.modecon.testing.ServiceProcess;
import com.modecon.testing.TemplateFixture;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator reads: an INFO line per creation, a WARN per refusal, no stack trace in a response. */
class OperatorLogIT {

    @TempDir
    Path root;

    @Test
    void creationIsLoggedWithNumberGapsAndTime_refusalWithTheDirectory() throws Exception {
        TemplateFixture.writeTemplate(root);
        Files.createDirectory(root.resolve("Batch(3)"));
        try (ServiceProcess service = ServiceProcess.start("operator-log", root, Map.of("batch.max-gap-fill", "2"))) {
            HttpResponse<String> created = Requests.createInParallel(service.uri("/create_new_batch"), 1).get(0).join();
            assertEquals(200, created.statusCode());

            Files.createDirectory(root.resolve("Batch(9)"));
            HttpResponse<String> refused = Requests.createInParallel(service.uri("/create_new_batch"), 1).get(0).join();
            assertEquals(500, refused.statusCode());
            assertFalse(refused.body().contains("Exception"), refused.body());
            assertFalse(refused.body().contains("\tat "), refused.body());

            String log = service.log();
            assertTrue(logged(log, "INFO .*Created Batch\\(4\\) in \\d+ ms; gaps filled: \\[1, 2]"), log);
            assertTrue(logged(log, "WARN .*Refused a creation in " + Pattern.quote(root.toString())
                    + ": .*fill 4 missing batches below Batch\\(9\\)"), log);
        }
    }

    private static boolean logged(String log, String regex) {
        return Pattern.compile(regex).matcher(log).find();
    }
}
