package com.modecon.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Typed configuration of the batch service; every key lives under the {@code batch} prefix. */
@ConfigMapping(prefix = "batch")
public interface BatchConfig {

    /** The folder holding {@code Batch(0)} and every batch; relative paths resolve against the working directory. */
    @WithDefault("Original")
    Path root();

    /** The largest number of missing batches one request may fill in below the highest existing one. */
    @WithDefault("1000")
    int maxGapFill();

    /** How many file operations may wait behind the one running before new requests are answered 503. */
    @WithDefault("64")
    int queueCapacity();

    /** Seconds a client is told to wait (the {@code Retry-After} header) when the queue is full. */
    @WithDefault("1")
    int retryAfterSeconds();

    /**
     * When set, every mutating request except the legacy {@code POST /create_new_batch} must carry
     * {@code Authorization: Bearer <key>}. Unset by default, like the Flask service.
     */
    Optional<String> apiKey();

    /** Staging: where batches are built before they are moved into place. */
    Staging staging();

    /** Limits on {@code POST /batches/import}. */
    @WithName("import")
    Import importing();

    interface Import {

        /** The most bytes an archive may unpack to, counted as they are inflated; also caps the upload size. */
        @WithDefault("1073741824")
        long maxBytes();

        /** The most entries (files and folders) an archive may hold. */
        @WithDefault("100000")
        int maxEntries();
    }

    interface Staging {

        /**
         * How long another instance's staging folder may go untouched before it counts as the leftover of a
         * crashed instance and is removed. Live instances refresh theirs every quarter of this.
         */
        @WithDefault("5m")
        Duration staleAfter();
    }
}
