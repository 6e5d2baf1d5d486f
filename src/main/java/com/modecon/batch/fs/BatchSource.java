package com.modecon.batch.fs;

import java.nio.file.Path;

/** Where a new batch's content comes from; its {@link #label()} is recorded as the batch's {@code source}. */
public sealed interface BatchSource {

    /** How a batch made from a template records it: {@code template:<name>}. */
    String TEMPLATE_LABEL = "template:";

    String label();

    static BatchSource defaultTemplate() {
        return new Template(Templates.DEFAULT);
    }

    /** A copy of a template, renamed from (0). */
    record Template(String name) implements BatchSource {
        @Override
        public String label() {
            return TEMPLATE_LABEL + name;
        }
    }

    /** A copy of another batch's configuration, renamed from (number); its results are not copied. */
    record Clone(long number) implements BatchSource {
        @Override
        public String label() {
            return "clone:" + number;
        }
    }

    /** The content of an uploaded archive that {@link BatchArchives#inspect} accepted. */
    record Archive(Path zipFile, ArchiveInspection inspection) implements BatchSource {
        @Override
        public String label() {
            return "import";
        }
    }
}
