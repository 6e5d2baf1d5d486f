package com.modecon.batch.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The request body stopped before its end: the client went away or the connection broke during an upload. */
public final class ClientAbortedException extends UncheckedIOException {

    private ClientAbortedException(IOException cause) {
        super("upload ended early", cause);
    }

    /** The request body, with a failed read reported as the client's doing rather than the storage's. */
    static InputStream guard(InputStream body) {
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw new ClientAbortedException(e);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                try {
                    return super.read(buffer, offset, length);
                } catch (IOException e) {
                    throw new ClientAbortedException(e);
                }
            }
        };
    }
}
