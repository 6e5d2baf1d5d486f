package com.modecon.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the service under test on a fresh temporary root and hands that root to the test's
 * {@link TestRoot} field. Extra configuration can be passed as init arguments.
 */
public class TempRootResource implements QuarkusTestResourceLifecycleManager {

    private Path root;
    private Map<String, String> extraConfig = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        extraConfig = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("batch-root-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TemplateFixture.writeTemplate(root);
        Map<String, String> config = new HashMap<>(extraConfig);
        config.put("batch.root", root.toString());
        // The packaged service runs its production profile; tests need no load balancer drain on stop.
        config.putIfAbsent("quarkus.shutdown.delay", "0s");
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(root, new TestInjector.AnnotatedAndMatchesType(TestRoot.class, Path.class));
    }

    @Override
    public void stop() {
        try {
            Roots.deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
