package com.modecon.batch.fs;

import static com.modecon.batch.BatchNames.batchFolder;
import static com.modecon.batch.BatchNames.configurationFolder;
import static com.modecon.batch.BatchNames.resultsFolder;

import com.modecon.batch.Renumbering;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Fills a work folder in staging with everything {@code Batch(n)} will hold: the configuration from its
 * source, a {@code Results(n)} folder (so a batch is never empty, which the atomic placement relies on), and
 * the metadata file. Nobody else looks into staging, so a half-filled work folder is harmless.
 */
final class BatchBuilder {

    private final Path root;
    private final Templates templates;
    private final long importMaxBytes;
    private final int importMaxEntries;

    BatchBuilder(Path root, Templates templates, long importMaxBytes, int importMaxEntries) {
        this.root = root;
        this.templates = templates;
        this.importMaxBytes = importMaxBytes;
        this.importMaxEntries = importMaxEntries;
    }

    /** Creates {@code work} (which must not exist) as the future {@code Batch(number)}; returns its metadata. */
    BatchMetadata build(Path work, long number, BatchSource source, String createdBy) throws IOException {
        if (source instanceof BatchSource.Archive archive) {
            Set<String> fixed = templates.fixedNames(Templates.DEFAULT);
            BatchArchives.extract(archive.zipFile(), archive.inspection(), work, number, fixed, importMaxBytes,
                    importMaxEntries);
        } else {
            Files.createDirectory(work);
            copyConfiguration(work, number, source);
        }
        Files.createDirectories(work.resolve(resultsFolder(number)));
        BatchMetadata metadata = new BatchMetadata(UUID.randomUUID(), number, Instant.now(), createdBy,
                source.label());
        MetadataFile.write(work, metadata);
        return metadata;
    }

    private void copyConfiguration(Path work, long number, BatchSource source) throws IOException {
        Path target = work.resolve(configurationFolder(number));
        if (source instanceof BatchSource.Clone clone) {
            long original = clone.number();
            Renumbering renumbering = new Renumbering(original, number, fixedNamesOf(original));
            TemplateCopier.copy(cloneSource(original), target, renumbering,
                    UnsupportedSourceEntryException.Source.batch(batchFolder(original)));
        } else {
            String name = ((BatchSource.Template) source).name();
            TemplateCopier.copy(templates.folder(name), target, Renumbering.fromTemplate(number),
                    UnsupportedSourceEntryException.Source.template(name));
        }
    }

    /**
     * The names fixed by the template a batch was made from, as its metadata records it; the default template's
     * when it records none (made by the old service, cloned, or imported).
     */
    private Set<String> fixedNamesOf(long batch) throws IOException {
        String source = MetadataFile.read(root.resolve(batchFolder(batch)))
                .map(BatchMetadata::source)
                .orElse("");
        String template = source.startsWith(BatchSource.TEMPLATE_LABEL)
                ? source.substring(BatchSource.TEMPLATE_LABEL.length()) : Templates.DEFAULT;
        return templates.fixedNames(template);
    }

    private Path cloneSource(long number) {
        Path batch = root.resolve(batchFolder(number));
        Path configuration = batch.resolve(configurationFolder(number));
        if (number < 1 || !Files.isDirectory(batch, LinkOption.NOFOLLOW_LINKS)
                || !Files.isDirectory(configuration, LinkOption.NOFOLLOW_LINKS)) {
            throw new BatchNotFoundException(number);
        }
        return configuration;
    }
}
