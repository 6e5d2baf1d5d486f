package com.modecon.batch.fs;

import static com.modecon.batch.fs.ZipEndRecord.damaged;
import static com.modecon.batch.fs.ZipEndRecord.unsigned16;
import static com.modecon.batch.fs.ZipEndRecord.unsigned32;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a zip archive's central directory from its bytes. {@code java.util.zip} hides the Unix mode that marks a
 * symbolic link, so the records are parsed here. The directory is streamed, never loaded whole, and no more than
 * {@code maxEntries} records are read. Names must be UTF-8, which is how {@code ZipFile} is later told to read them.
 */
final class ZipCentralDirectory {

    private static final int SIGNATURE = 0x02014b50;
    private static final int HEADER_SIZE = 46;
    private static final int ZIP64_EXTRA = 0x0001;
    private static final long ZIP64_MARK = 0xFFFFFFFFL;
    /** Longer names are refused before they are read: no file system takes them, and they cost memory. */
    static final int MAX_NAME_BYTES = 4096;

    private final DataInputStream in;
    private long consumed;

    private ZipCentralDirectory(DataInputStream in) {
        this.in = in;
    }

    /**
     * @throws ArchiveRejectedException when the file is not a readable zip archive or holds no entry
     * @throws ArchiveTooLargeException when it claims more than {@code maxEntries} entries
     */
    static List<CentralEntry> read(Path zipFile, int maxEntries) throws IOException {
        try (FileChannel channel = FileChannel.open(zipFile, StandardOpenOption.READ)) {
            ZipEndRecord end = ZipEndRecord.find(channel);
            if (end.entries() == 0) {
                throw new ArchiveRejectedException("it is empty");
            }
            if (end.entries() > maxEntries) {
                throw ArchiveTooLargeException.entries(maxEntries);
            }
            channel.position(end.directoryOffset());
            var in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel), 1 << 16));
            return new ZipCentralDirectory(in).records(end);
        } catch (EOFException truncated) {
            throw damaged();
        }
    }

    /** Reads exactly the claimed number of records, which must fill the directory to its last byte. */
    private List<CentralEntry> records(ZipEndRecord end) throws IOException {
        List<CentralEntry> entries = new ArrayList<>((int) end.entries());
        while (entries.size() < end.entries()) {
            entries.add(next(entries.size()));
            if (consumed > end.directorySize()) {
                throw damaged();
            }
        }
        if (consumed != end.directorySize()) {
            throw damaged();
        }
        return entries;
    }

    private CentralEntry next(int index) throws IOException {
        ByteBuffer header = ByteBuffer.wrap(bytes(HEADER_SIZE)).order(ByteOrder.LITTLE_ENDIAN);
        if (header.getInt(0) != SIGNATURE) {
            throw damaged();
        }
        int nameLength = unsigned16(header, 28);
        if (nameLength > MAX_NAME_BYTES) {
            throw new ArchiveRejectedException("entry " + (index + 1) + " has a name longer than " + MAX_NAME_BYTES
                    + " bytes");
        }
        String name = utf8(bytes(nameLength), index);
        byte[] extra = bytes(unsigned16(header, 30));
        bytes(unsigned16(header, 32));
        long declaredSize = unsigned32(header, 24);
        if (declaredSize == ZIP64_MARK) {
            declaredSize = zip64Size(extra);
        }
        return new CentralEntry(name, unsigned16(header, 4), unsigned32(header, 38), unsigned16(header, 8),
                unsigned16(header, 10), declaredSize);
    }

    private byte[] bytes(int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        consumed += length;
        return bytes;
    }

    /** The real uncompressed size of a record whose 32-bit field says "see ZIP64": the first value of that field. */
    private static long zip64Size(byte[] extra) {
        ByteBuffer fields = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
        while (fields.remaining() >= 4) {
            int id = Short.toUnsignedInt(fields.getShort());
            int size = Short.toUnsignedInt(fields.getShort());
            if (size > fields.remaining()) {
                break;
            }
            if (id == ZIP64_EXTRA && size >= 8) {
                return fields.getLong();
            }
            fields.position(fields.position() + size);
        }
        throw damaged();
    }

    private static String utf8(byte[] name, int index) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(name))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ArchiveRejectedException("the name of entry " + (index + 1) + " is not valid UTF-8");
        }
    }
}
