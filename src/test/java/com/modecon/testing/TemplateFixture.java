package com.modecon.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A template with every naming case the renaming rule must handle, written into a test's own root, and the
 * check that a batch is a complete, correctly renamed, byte-identical copy of it.
 */
public final class TemplateFixture {

    /** Relative paths inside {@code ConfigurationPlotSpec(0)}; a trailing slash marks a folder. */
    private static final String[] ENTRIES = {
        "U_configurations(0).py",
        "x(0)(0).txt",
        "data(10).csv",
        "plain/",
        "plain/readme.txt",
        "Inputs(0)/",
        "Inputs(0)/Deep(0)(0)/",
        "Inputs(0)/Deep(0)(0)/prices(0).bin",
        "Inputs(0)/Deep(0)(0)/Überblick(0).txt",
        "Empty(0)/",
    };

    /** Times far in the past and precise to the nanosecond, so a copy that rounds them cannot pass by accident. */
    private static final Instant FILE_TIME = Instant.parse("2021-03-04T05:06:07.123456789Z");
    private static final Instant FOLDER_TIME = Instant.parse("2020-01-02T03:04:05.987654321Z");

    private TemplateFixture() {
    }

    public static Path template(Path root) {
        return root.resolve("Batch(0)").resolve("ConfigurationPlotSpec(0)");
    }

    /** Writes the template below {@code root}, which is created if missing. */
    public static void writeTemplate(Path root) {
        try {
            Path template = Files.createDirectories(template(root));
            for (String entry : ENTRIES) {
                Path path = template.resolve(entry);
                if (entry.endsWith("/")) {
                    Files.createDirectories(path);
                } else {
                    Files.write(path, contentOf(entry));
                    Files.setLastModifiedTime(path, FileTime.from(FILE_TIME));
                }
            }
            try (Stream<Path> folders = Files.walk(template)) {
                for (Path folder : folders.filter(Files::isDirectory).toList()) {
                    Files.setLastModifiedTime(folder, FileTime.from(FOLDER_TIME));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds {@code count} small files to the template, to make each creation take measurable time. */
    public static void addBulk(Path root, int count) throws IOException {
        Path bulk = Files.createDirectories(template(root).resolve("bulk(0)"));
        for (int i = 0; i < count; i++) {
            Files.writeString(bulk.resolve("part" + i + "(0).txt"), "part " + i);
        }
    }

    /** Asserts that {@code Batch(n)} exists and is exactly the template renamed to n, plus an empty Results(n). */
    public static void assertCompleteBatch(Path root, long n) {
        Path batch = root.resolve("Batch(" + n + ")");
        assertTrue(Files.isDirectory(batch, LinkOption.NOFOLLOW_LINKS), batch + " is missing");
        Path results = batch.resolve("Results(" + n + ")");
        assertTrue(Files.isDirectory(results), results + " is missing");
        assertEquals(0, listing(results).size(), results + " is not empty");
        assertEquals(
                Map.of(".batch.json", "file", "ConfigurationPlotSpec(" + n + ")", "dir", "Results(" + n + ")", "dir"),
                shallow(batch), "top level of " + batch);
        assertMetadata(batch, n);
        Path copy = batch.resolve("ConfigurationPlotSpec(" + n + ")");
        Map<String, Path> expected = listing(template(root));
        Map<String, Path> actual = listing(copy);
        Map<String, Path> expectedRenamed = new TreeMap<>();
        expected.forEach((name, path) -> expectedRenamed.put(name.replace("(0)", "(" + n + ")"), path));
        assertEquals(expectedRenamed.keySet(), actual.keySet(), "entries of " + copy);
        expectedRenamed.forEach((name, source) -> assertSameEntry(source, actual.get(name)));
        assertSameEntry(template(root), copy);
    }

    /** The hidden metadata file names the batch's number, a UUID and a source. */
    private static void assertMetadata(Path batch, long n) {
        try {
            JsonNode metadata = new ObjectMapper().readTree(batch.resolve(".batch.json").toFile());
            assertEquals(n, metadata.get("number").asLong(), "number in the metadata of " + batch);
            assertEquals(36, UUID.fromString(metadata.get("id").asText()).toString().length());
            assertTrue(metadata.get("source").asText().matches("template:.+|clone:\\d+|import"), metadata.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSameEntry(Path source, Path copy) {
        try {
            assertEquals(Files.getLastModifiedTime(source), Files.getLastModifiedTime(copy), "time of " + copy);
            if (Files.isRegularFile(source)) {
                assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(copy), "bytes of " + copy);
            } else {
                assertTrue(Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS), copy + " is not a folder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every entry below {@code top}, by relative path. */
    public static Map<String, Path> listing(Path top) {
        try (Stream<Path> entries = Files.walk(top)) {
            Map<String, Path> byName = new TreeMap<>();
            entries.filter(p -> !p.equals(top)).forEach(p -> byName.put(top.relativize(p).toString(), p));
            return byName;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> shallow(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            Map<String, String> kinds = new TreeMap<>();
            entries.forEach(p -> kinds.put(p.getFileName().toString(), Files.isDirectory(p) ? "dir" : "file"));
            return kinds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] contentOf(String entry) {
        if (entry.endsWith(".bin")) {
            byte[] bytes = new byte[200_000];
            new Random(entry.hashCode()).nextBytes(bytes);
            return bytes;
        }
        return ("content of " + entry + " (0) stays as it is\n").getBytes(StandardCharsets.UTF_8);
    }
}
