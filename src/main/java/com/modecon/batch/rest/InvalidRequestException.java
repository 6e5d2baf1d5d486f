package com.modecon.batch.rest;

import com.modecon.batch.BatchException;

/** A request that cannot be understood: a malformed number, id or body. Answered 400. */
final class InvalidRequestException extends BatchException {

    InvalidRequestException(String message) {
        super("invalid-request", message);
    }
}
