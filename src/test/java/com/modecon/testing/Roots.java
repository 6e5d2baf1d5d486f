package com.modecon.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Test roots: emptied between tests, never the shipped {@code Original/}. */
public final class Roots {

    private Roots() {
    }

    /** Removes everything in {@code root} but the staging folder the running service owns, then writes the template. */
    public static void reset(Path root) {
        try {
            Files.createDirectories(root);
            try (Stream<Path> entries = Files.list(root)) {
                for (Path entry : entries.filter(p -> !p.getFileName().toString().equals(".staging")).toList()) {
                    deleteTree(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TemplateFixture.writeTemplate(root);
    }

    /** Deletes a tree without following links. */
    public static void deleteTree(Path top) throws IOException {
        if (!Files.exists(top, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> entries = Files.walk(top)) {
            List<Path> deepestFirst = entries.sorted(Comparator.reverseOrder()).toList();
            for (Path entry : deepestFirst) {
                Files.delete(entry);
            }
        }
    }

    /** Names of the {@code Batch(...)} entries directly in the root, sorted. */
    public static List<String> batchNames(Path root) {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("Batch("))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names directly inside a folder, sorted. */
    public static List<String> childNames(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Anything inside the instances' staging folders: work that was not moved into place or cleaned up. */
    public static List<String> leftoversInStaging(Path root) {
        Path staging = root.resolve(".staging");
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        return childNames(staging).stream()
                .flatMap(instance -> childNames(staging.resolve(instance)).stream().map(w -> instance + "/" + w))
                .toList();
    }
}
