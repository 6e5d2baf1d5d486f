package com.modecon.batch.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Where a zip archive's central directory lies and how many records it claims, read from the end record (and
 * its ZIP64 form, which archives over 4 GiB or 65535 entries need).
 *
 * <p>The end record is the last one whose comment length reaches exactly to the end of the file, so a comment
 * cannot smuggle in a second one. The directory must end right where the end record (or the ZIP64 end record)
 * begins, as every ordinary writer puts it; an archive with bytes in between is refused as damaged.
 *
 * @param entries the number of records the directory claims to hold
 * @param directoryOffset the file position of the first record
 * @param directorySize the directory's length in bytes
 */
record ZipEndRecord(long entries, long directoryOffset, long directorySize) {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int END_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_LOCATOR_SIZE = 20;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int ZIP64_END_SIZE = 56;

    static ZipEndRecord find(FileChannel channel) throws IOException {
        int tailLength = (int) Math.min(channel.size(), END_SIZE + MAX_COMMENT);
        long tailStart = channel.size() - tailLength;
        ByteBuffer tail = readAt(channel, tailStart, tailLength);
        for (int at = tailLength - END_SIZE; at >= 0; at--) {
            if (tail.getInt(at) == END_SIGNATURE && at + END_SIZE + unsigned16(tail, at + 20) == tailLength) {
                return fromEnd(channel, tail, at, tailStart + at);
            }
        }
        throw new ArchiveRejectedException("it is not a zip archive (no end of central directory record)");
    }

    private static ZipEndRecord fromEnd(FileChannel channel, ByteBuffer tail, int at, long endPosition)
            throws IOException {
        if (endPosition >= ZIP64_LOCATOR_SIZE) {
            ByteBuffer locator = readAt(channel, endPosition - ZIP64_LOCATOR_SIZE, ZIP64_LOCATOR_SIZE);
            if (locator.getInt(0) == ZIP64_LOCATOR_SIGNATURE) {
                return fromZip64End(channel, locator.getLong(8));
            }
        }
        if (unsigned16(tail, at + 4) != 0 || unsigned16(tail, at + 6) != 0) {
            throw new ArchiveRejectedException("it is split over several files");
        }
        return checked(unsigned16(tail, at + 10), unsigned32(tail, at + 16), unsigned32(tail, at + 12), endPosition);
    }

    private static ZipEndRecord fromZip64End(FileChannel channel, long position) throws IOException {
        if (position < 0 || position > channel.size() - ZIP64_END_SIZE) {
            throw damaged();
        }
        ByteBuffer end = readAt(channel, position, ZIP64_END_SIZE);
        if (end.getInt(0) != ZIP64_END_SIGNATURE) {
            throw damaged();
        }
        return checked(end.getLong(32), end.getLong(48), end.getLong(40), position);
    }

    private static ZipEndRecord checked(long entries, long offset, long size, long endPosition) {
        // Negative values are ZIP64 fields above 2^63; a sum that overflows turns negative and fails too.
        if (entries < 0 || offset < 0 || size < 0 || offset + size != endPosition) {
            throw damaged();
        }
        return new ZipEndRecord(entries, offset, size);
    }

    static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw damaged();
            }
        }
        return buffer.flip();
    }

    static int unsigned16(ByteBuffer buffer, int at) {
        return Short.toUnsignedInt(buffer.getShort(at));
    }

    static long unsigned32(ByteBuffer buffer, int at) {
        return Integer.toUnsignedLong(buffer.getInt(at));
    }

    static ArchiveRejectedException damaged() {
        return new ArchiveRejectedException("its central directory is damaged or not where its end record says");
    }
}
