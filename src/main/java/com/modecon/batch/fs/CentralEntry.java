package com.modecon.batch.fs;

/**
 * One record of a zip archive's central directory, exactly as the archive declares it; nothing here has been
 * checked yet, and the declared size is never trusted while unpacking.
 *
 * @param name the entry name, decoded as UTF-8; a folder's name ends with {@code /}
 * @param versionMadeBy the writer's host system in the high byte and its zip version in the low byte
 * @param externalAttributes host-specific attributes; for Unix hosts the file mode sits in the high 16 bits
 * @param flags the general purpose bit flags (bit 0: encrypted)
 * @param method the compression method (0 stored, 8 deflated)
 * @param declaredSize the uncompressed size the archive claims, or negative when it claims more than 2^63 - 1
 */
record CentralEntry(String name, int versionMadeBy, long externalAttributes, int flags, int method,
        long declaredSize) {

    static final int STORED = 0;
    static final int DEFLATED = 8;

    private static final int HOST_UNIX = 3;
    private static final int HOST_DARWIN = 19;
    private static final int FILE_TYPE_MASK = 0170000;

    boolean isFolder() {
        return name.endsWith("/");
    }

    boolean isEncrypted() {
        return (flags & 1) != 0;
    }

    /** The Unix file type bits ({@code 0120000} for a symbolic link), or 0 when the writer was not Unix-like. */
    int unixFileType() {
        int host = versionMadeBy >>> 8;
        if (host != HOST_UNIX && host != HOST_DARWIN) {
            return 0;
        }
        return (int) (externalAttributes >>> 16) & FILE_TYPE_MASK;
    }
}
