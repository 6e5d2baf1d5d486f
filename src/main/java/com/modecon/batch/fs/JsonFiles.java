package com.modecon.batch.fs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Small JSON files that are replaced whole, never edited in place, so a reader sees the old content or the
 * new one and never a part. Times are written as ISO-8601 text. A link is never read through.
 */
final class JsonFiles {

    /** Far above any record written here; a bigger file is damaged, and is not read into memory. */
    private static final int MAX_BYTES = 64 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();

    private JsonFiles() {
    }

    /**
     * Writes {@code value} to a hidden temporary file next to {@code target}, forces it to disk, then renames
     * it over {@code target} in one step. On POSIX volumes the rename replaces an existing file atomically;
     * concurrent writers each use their own temporary file and the last rename wins. Only the temporary file
     * is forced, not the folder: after a power loss the rename itself may be lost, leaving the old file.
     */
    static void writeAtomically(Path target, Object value) throws IOException {
        byte[] bytes = WRITER.writeValueAsBytes(value);
        Path temporary = target.resolveSibling(temporaryName(target));
        try {
            writeForced(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            removeQuietly(temporary, e);
            throw e;
        }
    }

    private static void removeQuietly(Path temporary, Exception failure) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException cleanupFailure) {
            failure.addSuppressed(cleanupFailure);
        }
    }

    /**
     * Reads a record from a regular file; a link, a folder, an oversized or empty file, malformed JSON and a
     * record missing a required field all fail with an {@link IOException}.
     */
    static <T> T read(Path file, Class<T> type) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile() || attributes.size() > MAX_BYTES) {
            throw new FileSystemException(file.toString(), null, "not a regular file of at most " + MAX_BYTES
                    + " bytes");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES);
        }
        T value = MAPPER.readValue(bytes, type);
        if (value == null) {
            throw new FileSystemException(file.toString(), null, "holds null instead of a record");
        }
        return value;
    }

    /** A short reason for a log line: Jackson's own messages carry the whole input location. */
    static String reasonOf(IOException failure) {
        if (failure instanceof JsonProcessingException jsonError) {
            return jsonError.getOriginalMessage();
        }
        return failure.getMessage();
    }

    private static void writeForced(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** A dot-name, so the file stays hidden, and unique, so concurrent writers never share one. */
    private static String temporaryName(Path target) {
        String name = target.getFileName().toString();
        String hidden = name.startsWith(".") ? name : "." + name;
        return hidden + "." + UUID.randomUUID() + ".tmp";
    }
}
