package com.modecon.batch.service;

import java.util.concurrent.RejectedExecutionException;

/** The writer takes no new work because the service is shutting down; the client should try another replica. */
public final class WriterClosedException extends RejectedExecutionException {

    WriterClosedException() {
        super("the service is shutting down");
    }
}
