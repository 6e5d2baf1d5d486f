package com.modecon.batch.fs;

import static com.modecon.batch.BatchNames.TEMPLATE;
import static com.modecon.batch.BatchNames.batchFolder;
import static com.modecon.batch.BatchNames.configurationFolder;
import static com.modecon.batch.BatchNames.resultsFolder;

import com.modecon.batch.BatchNames;
import com.modecon.batch.GapPlan;
import com.modecon.config.BatchConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The only class that reads or writes under the batch root.
 *
 * <p>Invariants kept here:
 * <ul>
 *   <li>A folder named {@code Batch(n)} is complete or does not exist: every batch is built in staging and
 *       appears through one atomic rename.</li>
 *   <li>Nothing outside the root is written, and no link below the root is followed.</li>
 *   <li>The template {@code Batch(0)} is only read.</li>
 *   <li>Other processes may create batches at the same time. A rename onto an existing non-empty folder
 *       fails, and a batch is never empty (it always holds its {@code Results(n)}), so of two writers aiming
 *       at one number exactly one wins; the other plans again. No file lock is involved.</li>
 * </ul>
 * Mutating methods must be called from the single serializing executor; this class has no locks of its own.
 */
@ApplicationScoped
public class BatchFileSystem {

    /** How often one request plans again after losing a number to another process before it gives up. */
    private static final int MAX_ATTEMPTS = 100;

    private final Path root;
    private final Duration staleAfter;
    private final StagingArea staging;

    @Inject
    public BatchFileSystem(BatchConfig config) {
        this(config.root(), config.staging().staleAfter(), newInstanceId());
    }

    BatchFileSystem(Path root, Duration staleAfter, String instanceId) {
        this.root = root.toAbsolutePath().normalize();
        this.staleAfter = staleAfter;
        this.staging = new StagingArea(this.root, instanceId);
    }

    public Path root() {
        return root;
    }

    /** Creates the root if it is missing, announces this instance and removes crash leftovers. */
    public void prepare() {
        try {
            Files.createDirectories(root);
            staging.heartbeat(Instant.now());
        } catch (IOException e) {
            throw new BatchStorageException("The batch root " + root + " cannot be prepared", e);
        }
        sweepStaging();
    }

    /** Refreshes this instance's heartbeat; the one write that may run outside the serializing executor. */
    public void heartbeat() throws IOException {
        staging.heartbeat(Instant.now());
    }

    /** Removes staging folders of instances that stopped; failures are logged, never thrown. */
    public void sweepStaging() {
        try {
            int removed = staging.sweep(Instant.now(), staleAfter);
            Log.debugf("Staging sweep in %s removed %d leftovers", root, removed);
        } catch (IOException e) {
            Log.warnf("Staging sweep in %s failed: %s", root, e.getMessage());
        }
    }

    /**
     * Fills every free number below the highest batch, then creates the first free number above it.
     *
     * @throws TemplateMissingException when {@code Batch(0)/ConfigurationPlotSpec(0)} is not a folder
     * @throws com.modecon.batch.GapLimitExceededException when more than {@code maxGapFill} gaps would be filled
     */
    public Creation createNext(int maxGapFill) {
        requireTemplate();
        List<Long> filled = new ArrayList<>();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            RootScan scan = scanOrFail();
            GapPlan plan = GapPlan.of(scan.versions(), scan.taken(), maxGapFill);
            for (long gap : plan.gaps()) {
                if (createBatch(gap)) {
                    filled.add(gap);
                }
            }
            if (createBatch(plan.next())) {
                return new Creation(plan.next(), filled);
            }
            Log.debugf("%s was taken by another process; planning again", batchFolder(plan.next()));
        }
        throw new BatchStorageException("Other processes took every number tried in " + MAX_ATTEMPTS + " attempts");
    }

    /** Reads the root's {@code Batch(n)} names; nothing is followed through a link. */
    public RootScan scan() throws IOException {
        TreeSet<Long> versions = new TreeSet<>();
        Set<Long> taken = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                OptionalLong number = BatchNames.versionOf(entry.getFileName().toString());
                if (number.isPresent()) {
                    taken.add(number.getAsLong());
                    if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                        versions.add(number.getAsLong());
                    }
                }
            }
        }
        return new RootScan(versions, taken);
    }

    /** Why the root cannot serve creations right now, or empty when it can. Reads only. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add("batch root " + root + " is missing or not a folder");
        } else if (!Files.isWritable(root)) {
            problems.add("batch root " + root + " is not writable");
        }
        if (!isTemplatePresent()) {
            problems.add("template " + templateName() + " is missing");
        }
        return problems;
    }

    private RootScan scanOrFail() {
        try {
            return scan();
        } catch (IOException e) {
            throw new BatchStorageException("The batch root cannot be read", e);
        }
    }

    private void requireTemplate() {
        if (!isTemplatePresent()) {
            throw new TemplateMissingException(templateName());
        }
    }

    private boolean isTemplatePresent() {
        Path batchZero = root.resolve(batchFolder(TEMPLATE));
        return Files.isDirectory(batchZero, LinkOption.NOFOLLOW_LINKS)
                && Files.isDirectory(template(), LinkOption.NOFOLLOW_LINKS);
    }

    private Path template() {
        return root.resolve(batchFolder(TEMPLATE)).resolve(configurationFolder(TEMPLATE));
    }

    private static String templateName() {
        return batchFolder(TEMPLATE) + "/" + configurationFolder(TEMPLATE);
    }

    /**
     * Builds batch {@code number} in staging and renames it into place.
     *
     * @return false when the name was taken by someone else first (nothing of ours is left behind)
     */
    private boolean createBatch(long number) {
        Path target = root.resolve(batchFolder(number));
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path work = null;
        try {
            work = staging.newWorkFolder();
            TemplateCopier.copy(template(), work.resolve(configurationFolder(number)), TEMPLATE, number);
            Files.createDirectory(work.resolve(resultsFolder(number)));
            return moveIntoPlace(work, target);
        } catch (IOException e) {
            throw new BatchStorageException(batchFolder(number) + " could not be created", e);
        } finally {
            removeWork(work);
        }
    }

    /** The atomic step: a rename fails when the target is a non-empty folder, a file or a link. */
    private static boolean moveIntoPlace(Path work, Path target) throws IOException {
        try {
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            throw e;
        }
    }

    private static void removeWork(Path work) {
        if (work == null || !Files.exists(work, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Trees.deleteRecursively(work);
        } catch (IOException e) {
            Log.warnf("Staging folder %s could not be removed (%s); the sweep will retry", work, e.getMessage());
        }
    }

    private static String newInstanceId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "host").replaceAll("[^A-Za-z0-9.-]", "_");
        long pid = ProcessHandle.current().pid();
        return host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
