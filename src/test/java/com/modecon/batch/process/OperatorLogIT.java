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

/**
 * What an operator reads in production (JSON lines): an INFO line per creation, a WARN per refusal, and no
 * stack trace in a response.
 */
class OperatorLogIT {

    @TempDir
    Path root;

    @Test
    void creationIsLoggedWithNumberGapsAndTime_refusalWithTheDirectory() throws Exception {
        TemplateFixture.writeTemplate(root);
        Files.createDirectory(root.resolve("Batch(3)"));
        try (ServiceProcess service = ServiceProcess.start("operator-log", root, Map.of("batch.max-gap-fill", "2"))) {
            HttpResponse<String> created = Requests.create(service.uri("/create_new_batch"));
            assertEquals(200, created.statusCode());

            Files.createDirectory(root.resolve("Batch(9)"));
            HttpResponse<String> refused = Requests.create(service.uri("/create_new_batch"));
            assertEquals(500, refused.statusCode());
            assertFalse(refused.body().contains("Exception"), refused.body());
            assertFalse(refused.body().contains("\tat "), refused.body());

            String log = service.log();
            assertTrue(logged(log, "\"level\":\"INFO\".*\"message\":\"Created Batch\\(4\\) \\(id [0-9a-f-]{36}\\) "
                    + "from template:default in \\d+ ms; gaps filled: \\[1, 2]\""), log);
            assertTrue(logged(log, "\"level\":\"WARN\".*\"message\":\"Refused a change in "
                    + Pattern.quote(root.toString()) + ": .*fill 4 missing batches below Batch\\(9\\)"), log);
        }
    }

    private static boolean logged(String log, String regex) {
        return Pattern.compile(regex).matcher(log).find();
    }
}
