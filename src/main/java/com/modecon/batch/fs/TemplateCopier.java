package com.modecon.batch.fs;

import com.modecon.batch.Renumbering;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Copies a folder tree while renumbering every file and folder name, e.g. {@code x(0)(0).txt} to
 * {@code x(7)(7).txt}. Contents are byte-identical and modification times are kept, folders included.
 * Links are never followed: a link or any other special file in the source fails the copy with
 * {@link UnsupportedSourceEntryException}. The target must not exist; on failure the caller removes the
 * partial target (it lives in staging, where nobody else looks).
 */
final class TemplateCopier {

    private TemplateCopier() {
    }

    /**
     * @param from how the source is named in an error, and what kind of refusal a link in it is
     */
    static void copy(Path source, Path target, Renumbering renumbering, UnsupportedSourceEntryException.Source from)
            throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            private final Deque<Path> targets = new ArrayDeque<>();

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Path copy = targets.isEmpty() ? target : renamedChild(dir);
                targets.push(Files.createDirectory(copy));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!attributes.isRegularFile()) {
                    String kind = attributes.isSymbolicLink() ? "symbolic link" : "special file";
                    throw from.refuse(relative(file), kind);
                }
                Path copy = renamedChild(file);
                Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                // COPY_ATTRIBUTES keeps the time only to the microsecond; set it again at full precision.
                Files.setLastModifiedTime(copy, attributes.lastModifiedTime());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                // Writing the children changed the copy's time; set it last so it matches the source.
                Files.setLastModifiedTime(targets.pop(), Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS));
                return FileVisitResult.CONTINUE;
            }

            private Path renamedChild(Path sourceEntry) {
                String name = renumbering.name(sourceEntry.getFileName().toString());
                return targets.peek().resolve(name);
            }

            private String relative(Path sourceEntry) {
                return source.getFileName().resolve(source.relativize(sourceEntry)).toString();
            }
        });
    }
}
