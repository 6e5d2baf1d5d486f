package com.modecon.batch.fs;

import static com.modecon.batch.BatchNames.TEMPLATE;
import static com.modecon.batch.BatchNames.batchFolder;
import static com.modecon.batch.BatchNames.configurationFolder;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The templates a batch can start from. {@code default} is {@code Batch(0)/ConfigurationPlotSpec(0)}; every
 * other template is {@code Templates/<name>/ConfigurationPlotSpec(0)} under the root, named in lower-case
 * letters, digits and hyphens (at most 63, starting with a letter or digit), so a name can never climb out of
 * the folder. A template folder that is a link, or lacks {@code ConfigurationPlotSpec(0)}, is not a template.
 */
final class Templates {

    static final String DEFAULT = "default";
    static final String FOLDER = "Templates";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Path root;

    Templates(Path root) {
        this.root = root;
    }

    /** The template folder for {@code name}, or {@link TemplateNotFoundException}. */
    Path folder(String name) {
        if (DEFAULT.equals(name)) {
            return defaultFolder();
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new TemplateNotFoundException(String.valueOf(name));
        }
        Path folder = named(name);
        if (!hasNamedTemplates() || !isTemplate(root.resolve(FOLDER).resolve(name), folder)) {
            throw new TemplateNotFoundException(name);
        }
        return folder;
    }

    Path defaultFolder() {
        return root.resolve(batchFolder(TEMPLATE)).resolve(configurationFolder(TEMPLATE));
    }

    boolean hasDefault() {
        return isTemplate(root.resolve(batchFolder(TEMPLATE)), defaultFolder());
    }

    /** {@code default} first when it exists, then the named templates in name order. */
    List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        if (hasNamedTemplates()) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(root.resolve(FOLDER))) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (!DEFAULT.equals(name) && NAME.matcher(name).matches() && isTemplate(entry, named(name))) {
                        names.add(name);
                    }
                }
            } catch (NoSuchFileException removedMeanwhile) {
                // An operator removed the folder while it was read: no named templates.
            }
        }
        names.sort(null);
        if (hasDefault()) {
            names.add(0, DEFAULT);
        }
        return names;
    }

    /**
     * The names in a template that hold no {@code (0)}: every batch made from it has them unchanged, so
     * renumbering such a batch (clone, import) keeps them too. A template that does not exist (any more) fixes
     * nothing.
     */
    Set<String> fixedNames(String templateName) throws IOException {
        Path folder;
        try {
            folder = folder(templateName);
        } catch (TemplateNotFoundException gone) {
            return Set.of();
        }
        if (DEFAULT.equals(templateName) && !hasDefault()) {
            return Set.of();
        }
        Set<String> fixed = new HashSet<>();
        try (Stream<Path> entries = Files.walk(folder)) {
            entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> !name.contains("(" + TEMPLATE + ")"))
                    .forEach(fixed::add);
        }
        return fixed;
    }

    /** {@code Templates} must be a real folder: through a link, templates would come from outside the root. */
    private boolean hasNamedTemplates() {
        return Files.isDirectory(root.resolve(FOLDER), LinkOption.NOFOLLOW_LINKS);
    }

    private Path named(String name) {
        return root.resolve(FOLDER).resolve(name).resolve(configurationFolder(TEMPLATE));
    }

    private static boolean isTemplate(Path holder, Path folder) {
        return Files.isDirectory(holder, LinkOption.NOFOLLOW_LINKS)
                && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS);
    }
}
