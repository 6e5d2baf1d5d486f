package com.modecon.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds test archives with {@link ZipOutputStream} and then edits their bytes where the writer would never go:
 * Unix modes, lying sizes, duplicate names. Headers are found by walking the archive's own structures.
 */
public final class ZipFixtures {

    static final int CENTRAL_SIGNATURE = 0x02014b50;
    static final int END_SIGNATURE = 0x06054b50;

    private ZipFixtures() {
    }

    /** A zip of the given entries in order; a name ending with / is a folder, a file holds its own name. */
    public static Path zipOf(Path file, String... names) throws IOException {
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file));
        try (ZipOutputStream zip = new ZipOutputStream(raw, StandardCharsets.UTF_8)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                if (!name.endsWith("/")) {
                    zip.write(name.getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        return file;
    }

    /** One deflated file of {@code size} zero bytes, streamed: small on disk, large when unpacked. */
    public static Path zeroBomb(Path file, String name, long size) throws IOException {
        byte[] zeros = new byte[1 << 16];
        try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
            zip.putNextEntry(new ZipEntry(name));
            for (long written = 0; written < size; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, size - written));
            }
            zip.closeEntry();
        }
        return file;
    }

    /** Marks an entry as written on Unix with the given mode, e.g. {@code 0120777} for a symbolic link. */
    public static void setUnixMode(Path zip, String name, int mode) throws IOException {
        edit(zip, bytes -> {
            int header = centralHeader(bytes, name);
            bytes.putShort(header + 4, (short) ((3 << 8) | 20));
            bytes.putInt(header + 38, mode << 16);
        });
    }

    public static void setCentralSize(Path zip, String name, int declaredSize) throws IOException {
        edit(zip, bytes -> bytes.putInt(centralHeader(bytes, name) + 24, declaredSize));
    }

    public static void setCentralFlags(Path zip, String name, int flags) throws IOException {
        edit(zip, bytes -> bytes.putShort(centralHeader(bytes, name) + 8, (short) flags));
    }

    /** Rewrites a name in the central directory only; both names must have the same UTF-8 length. */
    public static void renameInCentral(Path zip, String from, String to) throws IOException {
        edit(zip, bytes -> bytes.put(centralHeader(bytes, from) + 46, utf8(to, from)));
    }

    /** Overwrites one byte of a name in the central directory, e.g. to make it invalid UTF-8. */
    public static void setCentralNameByte(Path zip, String name, int index, byte value) throws IOException {
        edit(zip, bytes -> bytes.put(centralHeader(bytes, name) + 46 + index, value));
    }

    /** Rewrites a name in the local header only, so it disagrees with the central directory. */
    public static void renameInLocal(Path zip, String from, String to) throws IOException {
        edit(zip, bytes -> bytes.put(localHeader(bytes, from) + 30, utf8(to, from)));
    }

    /** Overwrites the first bytes of an entry's stored data. */
    public static void overwriteData(Path zip, String name, byte[] data) throws IOException {
        edit(zip, bytes -> {
            int local = localHeader(bytes, name);
            int dataStart = local + 30 + unsigned16(bytes, local + 26) + unsigned16(bytes, local + 28);
            bytes.put(dataStart, data);
        });
    }

    /** Makes the end record claim a different number of entries than the directory holds. */
    public static void setEndEntryCount(Path zip, int count) throws IOException {
        edit(zip, bytes -> {
            int end = endRecord(bytes);
            bytes.putShort(end + 8, (short) count);
            bytes.putShort(end + 10, (short) count);
        });
    }

    private static int centralHeader(ByteBuffer bytes, String name) {
        int end = endRecord(bytes);
        int at = bytes.getInt(end + 16);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int index = 0; index < unsigned16(bytes, end + 10); index++) {
            if (bytes.getInt(at) != CENTRAL_SIGNATURE) {
                throw new IllegalStateException("no central header at " + at);
            }
            int nameLength = unsigned16(bytes, at + 28);
            if (bytes.slice(at + 46, nameLength).equals(ByteBuffer.wrap(wanted))) {
                return at;
            }
            at += 46 + nameLength + unsigned16(bytes, at + 30) + unsigned16(bytes, at + 32);
        }
        throw new IllegalArgumentException(name + " is not in the archive");
    }

    private static int localHeader(ByteBuffer bytes, String name) {
        return bytes.getInt(centralHeader(bytes, name) + 42);
    }

    private static int endRecord(ByteBuffer bytes) {
        for (int at = bytes.limit() - 22; at >= 0; at--) {
            if (bytes.getInt(at) == END_SIGNATURE) {
                return at;
            }
        }
        throw new IllegalStateException("no end record");
    }

    private static int unsigned16(ByteBuffer bytes, int at) {
        return Short.toUnsignedInt(bytes.getShort(at));
    }

    private static byte[] utf8(String to, String from) {
        byte[] bytes = to.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != from.getBytes(StandardCharsets.UTF_8).length) {
            throw new IllegalArgumentException("names must have the same length");
        }
        return bytes;
    }

    private interface Edit {
        void apply(ByteBuffer bytes);
    }

    private static void edit(Path zip, Edit edit) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        edit.apply(bytes);
        Files.write(zip, bytes.array());
    }
}
