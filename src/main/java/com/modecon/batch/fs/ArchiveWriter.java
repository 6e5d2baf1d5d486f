package com.modecon.batch.fs;

import com.modecon.batch.BatchNames;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one batch folder as a zip stream. The tree is listed first and only then written, so a link or an
 * unportable name fails the export before the first byte reaches the caller's stream. Files are then copied
 * through one fixed buffer, opened without following links: a file swapped for a link after the listing fails
 * to open instead of being followed. The listing (a path, a name and a time per entry) is held in memory; file
 * contents never are.
 *
 * <p>Limit: only the last element of each path is opened without following links. A folder swapped for a link
 * while the export runs would be followed; only a process that may write into the batch root could do that.
 */
final class ArchiveWriter {

    private static final int BUFFER_SIZE = 1 << 16;
    /** Seconds from the Windows epoch (1601) to the Unix epoch, for the NTFS time field. */
    private static final long WINDOWS_EPOCH_OFFSET = 11_644_473_600L;

    /** One entry to write; a folder's name ends with {@code /}. */
    private record Item(Path path, String name, FileTime modified) {

        boolean isFolder() {
            return name.endsWith("/");
        }
    }

    private ArchiveWriter() {
    }

    static void write(Path batchFolder, long number, OutputStream out) throws IOException {
        if (!Files.isDirectory(batchFolder, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotDirectoryException(batchFolder.toString());
        }
        List<Item> items = new ArrayList<>();
        collect(batchFolder, BatchNames.batchFolder(number), items);
        byte[] buffer = new byte[BUFFER_SIZE];
        try (var zip = new ZipOutputStream(new UnclosedStream(out), StandardCharsets.UTF_8)) {
            for (Item item : items) {
                put(zip, item, buffer);
            }
        }
    }

    /** Lists {@code path} and everything below it in name order, refusing anything but files and folders. */
    private static void collect(Path path, String name, List<Item> items) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
            throw new UnsupportedBatchEntryException(name, "is a symbolic link");
        }
        if (!attributes.isRegularFile() && !attributes.isDirectory()) {
            throw new UnsupportedBatchEntryException(name, "is a special file (device, pipe or socket)");
        }
        String entryName = attributes.isDirectory() ? name + "/" : name;
        ArchiveEntryRules.nameProblem(entryName).ifPresent(problem -> {
            throw new UnsupportedBatchEntryException(name, "has a name that " + problem);
        });
        items.add(new Item(path, entryName, attributes.lastModifiedTime()));
        if (attributes.isDirectory()) {
            for (Path child : sortedChildren(path)) {
                collect(child, entryName + child.getFileName(), items);
            }
        }
    }

    private static List<Path> sortedChildren(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        }
    }

    private static void put(ZipOutputStream zip, Item item, byte[] buffer) throws IOException {
        var entry = new ZipEntry(item.name());
        entry.setLastModifiedTime(item.modified());
        entry.setExtra(ntfsTimes(item.modified()));
        zip.putNextEntry(entry);
        if (!item.isFolder()) {
            try (InputStream in = Files.newInputStream(item.path(), LinkOption.NOFOLLOW_LINKS)) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    zip.write(buffer, 0, read);
                }
            }
        }
        zip.closeEntry();
    }

    /**
     * The NTFS extra field (0x000a) holding the time in 100 ns units. The standard Unix time field that
     * {@code setLastModifiedTime} adds keeps whole seconds only; with this one, Java readers get microseconds.
     */
    private static byte[] ntfsTimes(FileTime time) {
        Instant instant = time.toInstant();
        long ticks = (instant.getEpochSecond() + WINDOWS_EPOCH_OFFSET) * 10_000_000L + instant.getNano() / 100;
        return ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0x000a).putShort((short) 32).putInt(0)
                .putShort((short) 0x0001).putShort((short) 24)
                .putLong(ticks).putLong(ticks).putLong(ticks)
                .array();
    }

    /** Lets the zip stream finish and free its deflater without closing the caller's stream. */
    private static final class UnclosedStream extends FilterOutputStream {

        UnclosedStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
