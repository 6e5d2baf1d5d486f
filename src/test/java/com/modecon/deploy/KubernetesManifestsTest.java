package com.modecon.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the hand-written manifests under {@code deploy/kubernetes} and checks the properties the service
 * relies on. Plain YAML parsing; no cluster is involved.
 */
class KubernetesManifestsTest {

    private static final Path DIR = Path.of("deploy", "kubernetes");
    private static final Path APPLICATION_PROPERTIES =
            Path.of("src", "main", "resources", "application.properties");

    /**
     * How long the writer may go on after Quarkus has stopped serving, finishing creations it already
     * accepted. Mirrors {@code SerialExecutor.DRAIN_SECONDS}; change both together.
     */
    private static final long WRITER_DRAIN_SECONDS = 120;

    private static final String BATCH_ROOT = "/work/Original";

    private static Map<String, Object> deployment;
    private static Map<String, Object> service;
    private static Map<String, Object> claim;

    @BeforeAll
    static void readManifests() throws IOException {
        deployment = read("deployment.yaml");
        service = read("service.yaml");
        claim = read("pvc.yaml");
    }

    @Test
    void kustomization_listsEveryManifest() throws IOException {
        List<Object> resources = list(read("kustomization.yaml").get("resources"));

        assertEquals(List.of("pvc.yaml", "deployment.yaml", "service.yaml"), resources);
    }

    @Test
    void manifests_nameNoNamespace() throws IOException {
        for (String file : List.of("deployment.yaml", "service.yaml", "pvc.yaml", "kustomization.yaml")) {
            Map<String, Object> manifest = read(file);
            assertFalse(manifest.containsKey("namespace"), file + " pins a namespace");
            if (manifest.containsKey("metadata")) {
                assertFalse(map(manifest.get("metadata")).containsKey("namespace"), file + " pins a namespace");
            }
        }
    }

    @Test
    void deployment_runsTwoReplicasOfTheVersionedImage() {
        assertEquals("Deployment", deployment.get("kind"));
        assertEquals(2, spec().get("replicas"));
        assertEquals("modecon/batch-service:1.0.0", container().get("image"));
    }

    @Test
    void container_exposesPort8001NamedHttp() {
        Map<String, Object> port = map(list(container().get("ports")).get(0));

        assertEquals(8001, port.get("containerPort"));
        assertEquals("http", port.get("name"));
    }

    @Test
    void probes_useTheThreeHealthEndpointsOnHttp() {
        assertProbe("startupProbe", "/q/health/started");
        assertProbe("livenessProbe", "/q/health/live");
        assertProbe("readinessProbe", "/q/health/ready");
    }

    @Test
    void resources_requestsAndLimitsBothSet_requestsWithinLimits() {
        Map<String, Object> resources = map(container().get("resources"));
        Map<String, Object> requests = map(resources.get("requests"));
        Map<String, Object> limits = map(resources.get("limits"));

        for (String resource : List.of("cpu", "memory")) {
            assertNotNull(requests.get(resource), "no request for " + resource);
            assertNotNull(limits.get(resource), "no limit for " + resource);
            assertTrue(quantity(requests.get(resource)) <= quantity(limits.get(resource)),
                    resource + " request exceeds its limit");
        }
    }

    @Test
    void pod_runsAsNonRootUser1001WithFsGroup1001() {
        Map<String, Object> security = map(podSpec().get("securityContext"));

        assertEquals(true, security.get("runAsNonRoot"));
        assertEquals(1001, security.get("runAsUser"));
        assertEquals(1001, security.get("fsGroup"));
    }

    @Test
    void container_hasReadOnlyRootNoEscalationAndNoCapabilities() {
        Map<String, Object> security = map(container().get("securityContext"));

        assertEquals(true, security.get("readOnlyRootFilesystem"));
        assertEquals(false, security.get("allowPrivilegeEscalation"));
        assertEquals(List.of("ALL"), list(map(security.get("capabilities")).get("drop")));
    }

    @Test
    void readOnlyRoot_tmpIsAnEmptyDir() {
        String volume = volumeMountedAt("/tmp");

        assertTrue(map(volumeNamed(volume)).containsKey("emptyDir"), "/tmp is not an emptyDir");
    }

    @Test
    void batchRoot_isTheReadWriteManyClaimMountedAtBatchRoot() {
        assertEquals(BATCH_ROOT, env("BATCH_ROOT"));
        assertEquals(List.of("ReadWriteMany"), list(map(claim.get("spec")).get("accessModes")));

        Map<String, Object> volume = map(volumeNamed(volumeMountedAt(BATCH_ROOT)));
        String claimName = (String) map(volume.get("persistentVolumeClaim")).get("claimName");

        assertEquals(map(claim.get("metadata")).get("name"), claimName);
    }

    @Test
    void service_mapsPort8001ToHttpOfThePods() {
        Map<String, Object> serviceSpec = map(service.get("spec"));
        Map<String, Object> port = map(list(serviceSpec.get("ports")).get(0));
        Map<String, Object> podLabels = map(map(template().get("metadata")).get("labels"));

        assertEquals(8001, port.get("port"));
        assertEquals("http", port.get("targetPort"));
        assertTrue(podLabels.entrySet().containsAll(map(serviceSpec.get("selector")).entrySet()),
                "the Service selector does not match the pod labels");
    }

    @Test
    void gracePeriod_outlastsPreStopShutdownAndWriterDrain() throws IOException {
        long preStop = ((Number) map(map(map(container().get("lifecycle")).get("preStop")).get("sleep"))
                .get("seconds")).longValue();
        long shutdown = shutdownTimeout().toSeconds();
        long grace = ((Number) podSpec().get("terminationGracePeriodSeconds")).longValue();

        assertTrue(grace > preStop + shutdown + WRITER_DRAIN_SECONDS,
                "grace " + grace + " s must exceed " + preStop + " + " + shutdown + " + " + WRITER_DRAIN_SECONDS);
    }

    @Test
    void corsOrigins_areExplicitHttpsOrigins() {
        String origins = env("QUARKUS_HTTP_CORS_ORIGINS");

        assertNotNull(origins, "QUARKUS_HTTP_CORS_ORIGINS is not set, so any origin is allowed");
        for (String origin : origins.split(",")) {
            String trimmed = origin.trim();
            assertFalse(trimmed.contains("*") || trimmed.startsWith("/"), "wildcard or pattern origin: " + trimmed);
            assertTrue(trimmed.matches("https://[a-z0-9.-]+(:[0-9]+)?"), "not a plain https origin: " + trimmed);
        }
    }

    private static void assertProbe(String probe, String path) {
        Map<String, Object> httpGet = map(map(container().get(probe)).get("httpGet"));

        assertEquals(path, httpGet.get("path"), probe);
        assertEquals("http", httpGet.get("port"), probe);
    }

    /** The timeout for requests in flight: the container's override if set, else application.properties. */
    private static Duration shutdownTimeout() throws IOException {
        String override = env("QUARKUS_SHUTDOWN_TIMEOUT");
        if (override != null) {
            return duration(override);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String configured = properties.getProperty("quarkus.shutdown.timeout");
        assertNotNull(configured, "quarkus.shutdown.timeout is not set in " + APPLICATION_PROPERTIES);
        return duration(configured);
    }

    /** Quarkus's short duration form ({@code 30s}, {@code 2m}, {@code 500ms}) or ISO-8601. */
    private static Duration duration(String text) {
        Matcher matcher = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(text.trim());
        if (!matcher.matches()) {
            return Duration.parse(text.trim());
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** A Kubernetes quantity in base units: {@code 100m} cpu is 0.1, {@code 64Mi} is 67108864. */
    private static double quantity(Object value) {
        Matcher matcher = Pattern.compile("([0-9.]+)(m|Ki|Mi|Gi|k|M|G)?").matcher(String.valueOf(value));
        assertTrue(matcher.matches(), "unsupported quantity: " + value);
        double amount = Double.parseDouble(matcher.group(1));
        String suffix = matcher.group(2) == null ? "" : matcher.group(2);
        return amount * switch (suffix) {
            case "m" -> 0.001;
            case "k" -> 1e3;
            case "M" -> 1e6;
            case "G" -> 1e9;
            case "Ki" -> 1024.0;
            case "Mi" -> 1024.0 * 1024;
            case "Gi" -> 1024.0 * 1024 * 1024;
            default -> 1.0;
        };
    }

    private static String env(String name) {
        for (Object entry : list(container().get("env"))) {
            if (name.equals(map(entry).get("name"))) {
                return (String) map(entry).get("value");
            }
        }
        return null;
    }

    private static String volumeMountedAt(String path) {
        for (Object mount : list(container().get("volumeMounts"))) {
            if (path.equals(map(mount).get("mountPath"))) {
                return (String) map(mount).get("name");
            }
        }
        throw new AssertionError("nothing is mounted at " + path);
    }

    private static Object volumeNamed(String name) {
        for (Object volume : list(podSpec().get("volumes"))) {
            if (name.equals(map(volume).get("name"))) {
                return volume;
            }
        }
        throw new AssertionError("no volume named " + name);
    }

    private static Map<String, Object> spec() {
        return map(deployment.get("spec"));
    }

    private static Map<String, Object> template() {
        return map(spec().get("template"));
    }

    private static Map<String, Object> podSpec() {
        return map(template().get("spec"));
    }

    private static Map<String, Object> container() {
        List<Object> containers = list(podSpec().get("containers"));
        assertEquals(1, containers.size(), "expected one container");
        return map(containers.get(0));
    }

    private static Map<String, Object> read(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(DIR.resolve(file), StandardCharsets.UTF_8)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertTrue(node instanceof Map, "expected a mapping, found " + node);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        assertTrue(node instanceof List, "expected a sequence, found " + node);
        return (List<Object>) node;
    }
}
