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
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The only class that reads or writes under the batch root.
 *
 * <p>Invariants kept here:
 * <ul>
 *   <li>A folder named {@code Batch(n)} is complete or does not exist: every batch is built in staging and
 *       appears through one atomic rename; it leaves the same way, into the trash.</li>
 *   <li>Nothing outside the root is written, and no link below the root is followed.</li>
 *   <li>The templates ({@code Batch(0)}, {@code Templates/}) are only read.</li>
 *   <li>Other processes may create batches at the same time. A rename onto an existing non-empty folder
 *       fails, and a batch is never empty (it always holds its {@code Results(n)}), so of two writers aiming
 *       at one number exactly one wins; the other plans again. No file lock is involved.</li>
 * </ul>
 * Methods that change batches must be called from the single serializing executor; this class has no locks of
 * its own. Reads may run anywhere. Uploads are received into this instance's own staging folder, which no
 * other code writes.
 */
@ApplicationScoped
public class BatchFileSystem {

    /** How often one request plans again after losing a number to another process before it gives up. */
    private static final int MAX_ATTEMPTS = 100;

    private final Path root;
    private final Duration staleAfter;
    private final StagingArea staging;
    private final Templates templates;
    private final BatchBuilder builder;
    private final BatchCatalog catalog;
    private final TrashArea trash;
    private final Uploads uploads;

    @Inject
    public BatchFileSystem(BatchConfig config) {
        this(config.root(), config.staging().staleAfter(), config.importing().maxBytes(),
                config.importing().maxEntries(), newInstanceId());
    }

    BatchFileSystem(Path root, Duration staleAfter, String instanceId) {
        this(root, staleAfter, 1L << 30, 100_000, instanceId);
    }

    BatchFileSystem(Path root, Duration staleAfter, long importMaxBytes, int importMaxEntries, String instanceId) {
        this.root = root.toAbsolutePath().normalize();
        this.staleAfter = staleAfter;
        this.staging = new StagingArea(this.root, instanceId);
        this.templates = new Templates(this.root);
        this.builder = new BatchBuilder(this.root, templates, importMaxBytes, importMaxEntries);
        this.catalog = new BatchCatalog(this.root);
        this.trash = new TrashArea(this.root);
        this.uploads = new Uploads(staging, importMaxBytes, importMaxEntries);
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
        sweepLeftovers();
    }

    /** Refreshes this instance's heartbeat; the one write that may run outside the serializing executor. */
    public void heartbeat() throws IOException {
        staging.heartbeat(Instant.now());
    }

    /**
     * Removes what interrupted work left behind: staging folders of instances that stopped, and trash entries
     * whose batch never arrived. Both only once older than {@code stale-after}, so work in flight elsewhere is
     * never touched. Failures are logged, never thrown.
     */
    public void sweepLeftovers() {
        Instant now = Instant.now();
        try {
            int staged = staging.sweep(now, staleAfter);
            int trashed = trash.sweep(now, staleAfter);
            Log.debugf("Sweep in %s removed %d staging and %d trash leftovers", root, staged, trashed);
        } catch (IOException | RuntimeException e) {
            Log.warnf("Sweep in %s failed: %s", root, e.getMessage());
        }
    }

    /**
     * Fills every free number below the highest batch from the default template, then creates the first free
     * number above it from {@code source}. The new batch is built first, so a source that is refused (an unsafe
     * archive, a template holding a link) fails the request before any gap is filled: a refused request
     * creates nothing.
     *
     * @param createdBy who asked, as recorded in the metadata; may be null
     * @param onGapFilled told of each gap as soon as it is in place, so it is accounted for even if the request
     *     fails later
     * @throws TemplateMissingException when {@code Batch(0)/ConfigurationPlotSpec(0)} is not a folder
     * @throws com.modecon.batch.GapLimitExceededException when more than {@code maxGapFill} gaps would be filled
     */
    public Creation createNext(int maxGapFill, BatchSource source, String createdBy,
            BiConsumer<Long, UUID> onGapFilled) {
        requireDefaultTemplate();
        List<Long> filled = new ArrayList<>();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            RootScan scan = scanOrFail();
            GapPlan plan = GapPlan.of(scan.versions(), scan.taken(), maxGapFill);
            Staged next = stage(plan.next(), source, createdBy);
            try {
                for (long gap : plan.gaps()) {
                    createGap(gap, createdBy).ifPresent(id -> {
                        filled.add(gap);
                        onGapFilled.accept(gap, id);
                    });
                }
                if (place(next)) {
                    return new Creation(plan.next(), next.metadata().id(), filled);
                }
            } finally {
                removeWork(next.work());
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

    /** Every batch, ascending by number; the template is not a batch. */
    public List<BatchSummary> list() throws IOException {
        return catalog.list();
    }

    /** One batch with its current size and whether it has results; {@link BatchNotFoundException} if none. */
    public BatchDetails describe(long number) throws IOException {
        return catalog.describe(number);
    }

    /** The names of the templates a batch can start from, {@code default} first. */
    public List<String> templateNames() throws IOException {
        return templates.names();
    }

    /**
     * Moves a batch into the trash.
     *
     * @throws TemplateProtectedException for batch 0
     * @throws ResultsNotEmptyException when {@code Results(n)} holds anything and {@code force} is false
     * @throws BatchNotFoundException when there is no such batch
     */
    public TrashEntry delete(long number, boolean force, String deletedBy) throws IOException {
        if (number == TEMPLATE) {
            throw new TemplateProtectedException();
        }
        Path batch = requireBatch(number);
        if (!force && holdsAnything(batch.resolve(resultsFolder(number)))) {
            throw new ResultsNotEmptyException(number);
        }
        return trash.moveToTrash(number, deletedBy, Instant.now());
    }

    /** The id a batch was created with, when it has metadata; cheap after the first listing. */
    public Optional<UUID> idOf(long number) throws IOException {
        return catalog.summary(number).map(BatchSummary::id);
    }

    public List<TrashEntry> trashed() throws IOException {
        return trash.list();
    }

    /** Moves a trashed batch back under its old number; {@link RestoreConflictException} if it was taken. */
    public TrashEntry restore(UUID id) throws IOException {
        return trash.restore(id);
    }

    /** Streams batch {@code number} as a zip; {@link BatchNotFoundException} before any byte if it is missing. */
    public void export(long number, OutputStream out) throws IOException {
        BatchArchives.export(requireBatch(number), number, out);
    }

    /** Fails with {@link BatchNotFoundException} unless {@code Batch(number)} is a real folder. */
    public Path requireBatch(long number) {
        Path folder = root.resolve(batchFolder(number));
        if (number < 1 || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new BatchNotFoundException(number);
        }
        return folder;
    }

    /**
     * Copies an uploaded archive into this instance's staging folder, stopping with
     * {@link ArchiveTooLargeException} as soon as it passes the import limit. The caller removes the file with
     * {@link #discardUpload} once done.
     */
    public Path receiveUpload(InputStream upload) throws IOException {
        return uploads.receive(upload);
    }

    /** Checks an upload before anything is built from it (the 400 and 413 cases). */
    public BatchSource inspectUpload(Path upload) throws IOException {
        return uploads.inspect(upload);
    }

    public void discardUpload(Path upload) {
        uploads.discard(upload);
    }

    /** Why the root cannot serve creations right now, or empty when it can. Reads only. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            problems.add("batch root " + root + " is missing or not a folder");
        } else if (!Files.isWritable(root)) {
            problems.add("batch root " + root + " is not writable");
        }
        if (!templates.hasDefault()) {
            problems.add("template " + defaultTemplateName() + " is missing");
        }
        for (String own : List.of(StagingArea.FOLDER, TrashArea.FOLDER, Templates.FOLDER)) {
            Path folder = root.resolve(own);
            boolean present = Files.exists(folder, LinkOption.NOFOLLOW_LINKS);
            if (present && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(own + " in the batch root is a link or a file; it must be a real folder");
            }
        }
        return problems;
    }

    private static boolean holdsAnything(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return entries.iterator().hasNext();
        }
    }

    private RootScan scanOrFail() {
        try {
            return scan();
        } catch (IOException e) {
            throw new BatchStorageException("The batch root cannot be read", e);
        }
    }

    private void requireDefaultTemplate() {
        if (!templates.hasDefault()) {
            throw new TemplateMissingException(defaultTemplateName());
        }
    }

    private static String defaultTemplateName() {
        return batchFolder(TEMPLATE) + "/" + configurationFolder(TEMPLATE);
    }

    /** A batch built in staging, ready to be renamed to {@code Batch(number)}. */
    private record Staged(long number, Path work, BatchMetadata metadata) {
    }

    /** Builds batch {@code number} in this instance's staging folder; on failure nothing is left behind. */
    private Staged stage(long number, BatchSource source, String createdBy) {
        Path work = null;
        try {
            work = staging.newWorkPath("work");
            return new Staged(number, work, builder.build(work, number, source, createdBy));
        } catch (IOException e) {
            removeWork(work);
            throw new BatchStorageException(batchFolder(number) + " could not be built", e);
        } catch (RuntimeException e) {
            removeWork(work);
            throw e;
        }
    }

    /** @return false when the name was taken by someone else first */
    private boolean place(Staged staged) {
        Path target = root.resolve(batchFolder(staged.number()));
        try {
            return moveIntoPlace(staged.work(), target);
        } catch (IOException e) {
            throw new BatchStorageException(batchFolder(staged.number()) + " could not be moved into place", e);
        }
    }

    /** Fills one gap from the default template; empty when another process filled it first. */
    private Optional<UUID> createGap(long number, String createdBy) {
        if (Files.exists(root.resolve(batchFolder(number)), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Staged gap = stage(number, BatchSource.defaultTemplate(), createdBy);
        try {
            return place(gap) ? Optional.of(gap.metadata().id()) : Optional.empty();
        } finally {
            removeWork(gap.work());
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
            Log.warnf("Staging folder %s could not be removed (%s); it goes with this instance's staging folder once"
                    + " the instance stops", work, e.getMessage());
        }
    }

    private static String newInstanceId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "host").replaceAll("[^A-Za-z0-9.-]", "_");
        long pid = ProcessHandle.current().pid();
        return host + "-" + pid + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
